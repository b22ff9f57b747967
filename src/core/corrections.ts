// A person's corrections laid over the machine's reading: the record everyone else sees.
import type { IncidentRecord, RecordKey } from './record.ts';

export type FieldValue = IncidentRecord[RecordKey];

export interface Correction {
  id: number;
  field: RecordKey;
  /** The value before this correction (the machine's, or an earlier correction's). */
  oldValue: FieldValue;
  newValue: FieldValue;
  by: string;
  /** ISO timestamp */
  at: string;
  /** Why the person changed or confirmed the value; null on corrections made before reasons were asked for. */
  reason: string | null;
  /** Set when a person took the correction back. */
  revertedAt: string | null;
  revertedBy: string | null;
}

export interface EffectiveRecord {
  record: IncidentRecord;
  /** Fields whose value comes from a person, with the correction in force. */
  corrected: Partial<Record<RecordKey, Correction>>;
}

/** The latest live correction of each field wins over the machine's value. */
export function applyCorrections(machine: IncidentRecord, corrections: readonly Correction[]): EffectiveRecord {
  const record = { ...machine, evidence: { ...machine.evidence } };
  const corrected: Partial<Record<RecordKey, Correction>> = {};
  const live = corrections.filter((c) => c.revertedAt === null).sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
  for (const c of live) {
    (record as Record<RecordKey, FieldValue>)[c.field] = c.newValue;
    // The machine's evidence no longer supports a person's value.
    delete record.evidence[c.field];
    corrected[c.field] = c;
  }
  return { record, corrected };
}

export interface Disagreement {
  field: RecordKey;
  person: FieldValue;
  machine: FieldValue;
  correction: Correction;
}

/** Where a (new) machine reading differs from what a person decided. */
export function disagreements(machine: IncidentRecord, corrected: EffectiveRecord['corrected']): Disagreement[] {
  const out: Disagreement[] = [];
  for (const [field, correction] of Object.entries(corrected) as [RecordKey, Correction][]) {
    if (!sameValue(machine[field], correction.newValue)) {
      out.push({ field, person: correction.newValue, machine: machine[field], correction });
    }
  }
  return out;
}

export function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
  }
  return a === b;
}
