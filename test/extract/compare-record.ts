// How a labelled fixture is compared with an extracted record, field by field, as the scorer does:
// incident_types and data_types as sets without "other", organization after NFKC with whitespace removed,
// everything else exact.
import { expect } from 'vitest';
import type { IncidentRecord, RecordKey } from '../../src/core/record.ts';

export type Expected = Omit<IncidentRecord, 'evidence'> & { _why?: Record<string, string> };

const SET_KEYS = new Set<RecordKey>(['incident_types', 'data_types']);

function asSet(v: unknown): string[] {
  return [...new Set((v as string[] | null) ?? [])].filter((x) => x !== 'other').sort();
}

function orgKey(v: unknown): string | null {
  return typeof v === 'string' ? v.normalize('NFKC').replace(/\s+/gu, '') : null;
}

export function expectField(key: RecordKey, got: unknown, want: unknown): void {
  if (SET_KEYS.has(key)) expect(asSet(got)).toEqual(asSet(want));
  else if (key === 'organization') expect(orgKey(got)).toEqual(orgKey(want));
  else expect(got).toEqual(want);
}
