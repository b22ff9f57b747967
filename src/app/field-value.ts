// Reads a person's typed value for one record field (CLI argument or form input) into its proper type.
import { z } from 'zod';
import { JikenboError } from '../core/errors.ts';
import { DATA_TYPES, DISCOVERY_CHANNELS, INCIDENT_TYPES, KINDS, RECORD_KEYS, SECTORS, type RecordKey } from '../core/record.ts';
import type { FieldValue } from '../core/corrections.ts';

const NULL_WORDS = new Set(['', 'null', 'none', '-', 'なし', '不明']);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a calendar date');
const text = z.string().trim().min(1).max(500);
const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z.string().transform((s) => [...new Set(s.split(/[,、\s]+/).filter(Boolean))]).pipe(z.array(z.enum(values)));
const flag = z.string().transform((s) => s.trim().toLowerCase()).pipe(
  z.enum(['true', 'false', 'yes', 'no', '1', '0', 'はい', 'いいえ']).transform((s) => ['true', 'yes', '1', 'はい'].includes(s)),
);

const SCHEMAS: Record<RecordKey, { schema: z.ZodType; nullable: boolean }> = {
  header: { schema: text, nullable: false },
  casebook_id: { schema: z.string().regex(/^\d{4}(-\d{3,})?$/, 'expected YYYY-NNN or YYYY'), nullable: true },
  kind: { schema: z.enum(KINDS), nullable: false },
  organization: { schema: text, nullable: true },
  title: { schema: text, nullable: true },
  disclosure_date: { schema: isoDate, nullable: true },
  incident_types: { schema: list(INCIDENT_TYPES), nullable: false },
  affected_count: { schema: z.string().regex(/^[0-9][0-9,，_]*$/, 'expected a whole number').transform((s) => Number(s.replace(/[,，_]/g, ''))), nullable: true },
  data_types: { schema: list(DATA_TYPES), nullable: false },
  sector: { schema: z.enum(SECTORS), nullable: true },
  reported_to_ppc: { schema: flag, nullable: false },
  reported_to_police: { schema: flag, nullable: false },
  contractor_involved: { schema: flag, nullable: false },
  attacker: { schema: text, nullable: true },
  discovery: { schema: z.enum(DISCOVERY_CHANNELS), nullable: true },
  occurred_date: { schema: isoDate, nullable: true },
  discovered_date: { schema: isoDate, nullable: true },
};

export function isRecordKey(s: string): s is RecordKey {
  return (RECORD_KEYS as readonly string[]).includes(s);
}

/** `affected_count "12,000"` → 12000; `data_types "name,email"` → ['name','email']; `sector null` → null. */
export function parseFieldValue(field: string, raw: string): { field: RecordKey; value: FieldValue } {
  if (!isRecordKey(field)) {
    throw new JikenboError('bad_input', `unknown field "${field}"; fields are: ${RECORD_KEYS.join(', ')}`, { subject: field });
  }
  const { schema, nullable } = SCHEMAS[field];
  const trimmed = raw.trim();
  if (NULL_WORDS.has(trimmed.toLowerCase())) {
    if (nullable) return { field, value: null };
    if (field === 'incident_types' || field === 'data_types') return { field, value: [] };
  }
  const result = schema.safeParse(trimmed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new JikenboError('bad_input', `${field}: "${raw.slice(0, 60)}" is not a valid value (${issue?.message ?? 'invalid'})`, { subject: field });
  }
  return { field, value: result.data as FieldValue };
}
