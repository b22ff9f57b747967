// The extraction pipeline as named steps, each declaring the fields it reads and the fields it gives.
// A step sees only its declared inputs (the others are absent), so a hidden dependency fails in tests
// instead of working by the accident of order. A step that reads disclosure_date also gets a context in
// which year-less dates take the notice's year.
import type { DataType, Discovery, IncidentType, Kind, Sector } from '../core/record.ts';
import type { Found, PostContext } from './context.ts';
import { withNoticeDate } from './context.ts';

/** Every field's finding; null where the field has no value. */
export interface Fields {
  casebook_id: Found<string> | null;
  title: Found<string> | null;
  disclosure_date: Found<string> | null;
  organization: Found<string> | null;
  kind: Found<Kind>;
  incident_types: Found<IncidentType[]>;
  affected_count: Found<number> | null;
  data_types: Found<DataType[]>;
  sector: Found<Sector> | null;
  reported_to_ppc: Found<boolean> | null;
  reported_to_police: Found<boolean> | null;
  contractor_involved: Found<boolean> | null;
  attacker: Found<string> | null;
  discovery: Found<Discovery> | null;
  occurred_date: Found<string> | null;
  discovered_date: Found<string> | null;
}
export type FieldName = keyof Fields;

export interface Step<I extends FieldName, O extends FieldName> {
  name: string;
  /** why the step exists, in one sentence */
  why: string;
  inputs: readonly I[];
  outputs: readonly O[];
  run(ctx: PostContext, got: Pick<Fields, I>): Pick<Fields, O>;
}

/** A step with its types erased, for the pipeline list. */
export interface AnyStep {
  name: string;
  why: string;
  inputs: readonly FieldName[];
  outputs: readonly FieldName[];
  run(ctx: PostContext, got: Partial<Fields>): Partial<Fields>;
}

export function step<I extends FieldName, O extends FieldName>(s: Step<I, O>): AnyStep {
  return s as unknown as AnyStep;
}

/** Checks, once, that every step's inputs are given by an earlier step and every field is given. */
export function checkPipeline(steps: readonly AnyStep[], all: readonly FieldName[]): void {
  const given = new Set<FieldName>();
  for (const s of steps) {
    for (const i of s.inputs) if (!given.has(i)) throw new Error(`step ${s.name} reads ${i} before any step gives it`);
    for (const o of s.outputs) given.add(o);
  }
  const missing = all.filter((f) => !given.has(f));
  if (missing.length) throw new Error(`no step gives ${missing.join(', ')}`);
}

/** Runs the steps in order; each sees only its declared inputs. */
export function runPipeline(steps: readonly AnyStep[], ctx: PostContext): Fields {
  const fields: Partial<Fields> = {};
  for (const s of steps) {
    const got: Partial<Fields> = {};
    for (const i of s.inputs) (got as Record<string, unknown>)[i] = fields[i];
    const sctx = s.inputs.includes('disclosure_date') ? withNoticeDate(ctx, got.disclosure_date?.value ?? null) : ctx;
    const out = s.run(sctx, got);
    for (const o of s.outputs) (fields as Record<string, unknown>)[o] = (out as Record<string, unknown>)[o] ?? null;
  }
  return fields as Fields;
}
