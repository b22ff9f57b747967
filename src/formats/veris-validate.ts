// Validates VERIS incidents: the VERIS JSON Schema (draft-04) plus the rules it cannot express, each
// problem named by a JSON pointer and a reason. The schema is passed in: it is third-party data.
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';

// A CommonJS package seen from ESM: the class is the module's `default` export.
const Ajv = AjvModule.default;

export interface VerisProblem {
  /** JSON pointer (RFC 6901) to the field, '' for the incident itself. */
  pointer: string;
  reason: string;
}

export interface VerisValidator {
  /** The schema's own version, as its description states it ('1.4.1'). */
  schemaVersion: string;
  /** Every problem found; an empty list means valid. */
  validate(incident: unknown): VerisProblem[];
}

type JsonSchema = { [key: string]: unknown };

/**
 * 1.3 records describe incidents before 1.4 took over; the VERIS 1.3 test suite holds a 1.3 incident
 * dated 2020 to be out of range (1.3.1's own schema stretched the bound to 2020 inclusive; we keep the
 * suite's stricter reading because the suite is what VERIS tooling is checked against).
 */
const LEGACY_LAST_YEAR = 2019;

/**
 * Builds a validator from the merged VERIS schema (verisc-merged.json).
 *
 * Incidents that say `schema_version` 1.3.x are checked against a 1.3 profile derived from the same
 * schema, because VCDB and the VERIS test suite still hold many of them. The profile undoes the
 * changes the VERIS converters (convert_1.3.x_to_1.4) made, and nothing else:
 * | 1.4                                          | 1.3                                                    |
 * |----------------------------------------------|--------------------------------------------------------|
 * | `summary`, `asset.assets`, `asset.cloud`, `victim.government` required | optional           |
 * | `discovery_method` object by party           | a string such as `"Int - unknown"`                     |
 * | `action.unknown`                             | `action.Unknown`                                       |
 * | `asset.cloud` array                          | a string                                               |
 * | asset `ownership`/`management`/`hosting`     | also `asset.governance` (array of strings)             |
 * | `victim.industry` a NAICS sector code        | 2 to 6 digits or a range such as `31-33`               |
 * | `timeline.*.time` '05:45:00 PM'              | also 24-hour 'HH:MM[:SS]'                              |
 * | `actor.external.country` optional            | required                                               |
 * | `timeline.incident.year` up to 2050          | up to 2019 (LEGACY_LAST_YEAR)                          |
 */
export function createVerisValidator(schema: JsonSchema): VerisValidator {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const current = ajv.compile(schema);
  let legacy: ValidateFunction | null = null;
  const description = typeof schema.description === 'string' ? schema.description : '';
  const schemaVersion = /(\d+\.\d+(?:\.\d+)?)/.exec(description)?.[1] ?? 'unknown';

  return {
    schemaVersion,
    validate(incident: unknown): VerisProblem[] {
      const isLegacy = isObject(incident) && typeof incident.schema_version === 'string' && /^1\.3(\.|$)/.test(incident.schema_version);
      const check = isLegacy ? (legacy ??= ajv.compile(legacyProfile(schema))) : current;
      const problems = check(incident) ? [] : (check.errors ?? []).map(toProblem);
      problems.push(...beyondSchema(incident));
      return dedupe(problems);
    },
  };
}

/**
 * The rules VERIS states but its schema does not (VERIS's checkValidity and test suite): no value may
 * be present but empty (an empty string, array or object), and no array may repeat a value. `plus`
 * is free-form and left alone; `action.unknown`-style markers are empty objects by design.
 */
export function beyondSchema(incident: unknown): VerisProblem[] {
  const problems: VerisProblem[] = [];
  const walk = (value: unknown, pointer: string, key: string): void => {
    if (key === 'plus' && pointer === '/plus') return;
    if (typeof value === 'string') {
      if (value.trim() === '') problems.push({ pointer, reason: 'is present but empty' });
    } else if (Array.isArray(value)) {
      if (value.length === 0) problems.push({ pointer, reason: 'is an empty array' });
      const seen = new Set<string>();
      value.forEach((item, i) => {
        const k = JSON.stringify(item);
        if (seen.has(k)) problems.push({ pointer: `${pointer}/${i}`, reason: `repeats the value ${truncate(k)}` });
        seen.add(k);
        walk(item, `${pointer}/${i}`, String(i));
      });
    } else if (isObject(value)) {
      const keys = Object.keys(value);
      if (keys.length === 0 && pointer !== '' && key.toLowerCase() !== 'unknown') {
        problems.push({ pointer, reason: 'is an empty object' });
      }
      for (const k of keys) walk(value[k], `${pointer}/${escapePointer(k)}`, k);
    }
  };
  walk(incident, '', '');
  return problems;
}

function legacyProfile(schema: JsonSchema): JsonSchema {
  const s = structuredClone(schema) as JsonSchema;
  const props = s.properties as Record<string, JsonSchema>;
  s.required = (s.required as string[]).filter((k) => k !== 'summary');
  props.discovery_method = { type: 'string', pattern: '^((Int|Ext|Prt) - .+|Other|Unknown)$' };

  const action = props.action as JsonSchema & { properties: Record<string, JsonSchema> };
  action.properties.Unknown = action.properties.unknown!;

  const asset = props.asset as JsonSchema & { properties: Record<string, JsonSchema> };
  delete asset.required;
  asset.properties.cloud = { type: 'string', minLength: 1 };
  asset.properties.governance = { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', minLength: 1 } };

  const victim = props.victim as JsonSchema & { properties: Record<string, JsonSchema> };
  victim.required = (victim.required as string[]).filter((k) => k !== 'government');
  victim.properties.industry = { type: 'string', minLength: 2, maxLength: 6, pattern: '\\d{2}-?\\d{0,4}' };

  const actor = props.actor as JsonSchema & { properties: Record<string, JsonSchema> };
  const external = actor.properties.external!;
  external.required = [...new Set([...(external.required as string[] ?? []), 'country'])];

  const timeline = props.timeline as JsonSchema & { properties: Record<string, JsonSchema & { properties?: Record<string, JsonSchema> }> };
  for (const phase of Object.values(timeline.properties)) {
    const time = phase.properties?.time;
    const year = phase.properties?.year;
    if (year) year.maximum = LEGACY_LAST_YEAR;
    if (time) time.pattern = '^((0[1-9]|1[0-2]):[0-5][0-9]:[0-5][0-9] [AP]M|([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?)$';
  }
  return s;
}

function toProblem(e: ErrorObject): VerisProblem {
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'required') {
    return { pointer: `${e.instancePath}/${escapePointer(String(params.missingProperty))}`, reason: 'is missing' };
  }
  if (e.keyword === 'additionalProperties') {
    return { pointer: `${e.instancePath}/${escapePointer(String(params.additionalProperty))}`, reason: 'is not a VERIS field here' };
  }
  if (e.keyword === 'enum') {
    const allowed = (params.allowedValues as unknown[]).map(String);
    return { pointer: e.instancePath, reason: `is not one of the allowed values (${truncate(allowed.join(', '))})` };
  }
  return { pointer: e.instancePath, reason: e.message ?? e.keyword };
}

function dedupe(problems: VerisProblem[]): VerisProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.pointer}\u0000${p.reason}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function truncate(s: string): string {
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}
