// Validates VERIS incidents: the VERIS JSON Schema (draft-04) plus the rules it cannot express, each
// problem named by a JSON pointer and a reason. The schema is passed in: it is third-party data.
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';
import {
  CURRENT_VERIS_VERSION, houseRulesApply, schemaForVersion, VERIS_VERSIONS, verisVersionOf, type JsonSchema, type VerisVersion,
} from './veris-versions.ts';

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
  /**
   * jikenbo's own exports: the 1.4.1 schema and the house rules (nothing empty, nothing repeated). A
   * file that says 1.3 (VERIS's 1.3.0 test suite) is checked by the 1.3.0 rules.
   */
  validate(incident: unknown): VerisProblem[];
  /**
   * A file from elsewhere, by the rules of the version it says it is (`VERSION_CHANGES`): what that
   * version's schema accepts is accepted. `version` is null when `schema_version` names none we read.
   */
  validateAsItsVersion(incident: unknown): { version: VerisVersion | null; problems: VerisProblem[] };
  /** The 1.4.1 schema itself, for converting older files (`upgradeVeris`). */
  current: JsonSchema;
}

/** Builds a validator from the merged VERIS schema (verisc-merged.json, 1.4.1); older versions are derived from it. */
export function createVerisValidator(schema: JsonSchema): VerisValidator {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const compiled = new Map<VerisVersion, ValidateFunction>();
  const description = typeof schema.description === 'string' ? schema.description : '';
  const schemaVersion = /(\d+\.\d+(?:\.\d+)?)/.exec(description)?.[1] ?? 'unknown';
  const checkerOf = (version: VerisVersion): ValidateFunction => {
    let check = compiled.get(version);
    if (!check) {
      check = ajv.compile(version === CURRENT_VERIS_VERSION ? schema : schemaForVersion(schema, version));
      compiled.set(version, check);
    }
    return check;
  };
  const bySchema = (incident: unknown, version: VerisVersion): VerisProblem[] => {
    const check = checkerOf(version);
    return check(incident) ? [] : (check.errors ?? []).map(toProblem);
  };

  return {
    schemaVersion,
    current: schema,
    validate(incident: unknown): VerisProblem[] {
      const version = verisVersionOf(incident) === '1.3.0' ? '1.3.0' : CURRENT_VERIS_VERSION;
      return dedupe([...bySchema(incident, version), ...beyondSchema(incident)]);
    },
    validateAsItsVersion(incident: unknown) {
      const version = verisVersionOf(incident);
      if (!version) {
        const said = isObject(incident) ? incident.schema_version : undefined;
        const reason = said === undefined
          ? 'is missing'
          : `${truncate(JSON.stringify(said))} is not a VERIS version this import reads (${VERIS_VERSIONS.join(', ')}; 1.3 and 1.4 for 1.3.0 and 1.4.0)`;
        return { version: null, problems: [{ pointer: '/schema_version', reason }] };
      }
      const problems = bySchema(incident, version);
      if (houseRulesApply(version)) problems.push(...beyondSchema(incident));
      return { version, problems: dedupe(problems).map((p) => ({ ...p, reason: `${p.reason} (VERIS ${version})` })) };
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
