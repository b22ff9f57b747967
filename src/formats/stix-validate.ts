// Validates STIX 2.1 objects against the OASIS JSON schemas (draft 2020-12), each by its type. The
// schemas are passed in (third-party data) and refer to each other by $id, so all are loaded together.
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

// CommonJS packages seen from ESM: the callable is the module's `default` export.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

export interface StixProblem {
  /** The object's id (or its index when it has none). */
  object: string;
  /** JSON pointer inside the object. */
  pointer: string;
  reason: string;
}

export interface StixValidator {
  validateObject(object: unknown): StixProblem[];
  validateBundle(bundle: unknown): StixProblem[];
}

type Schema = { $id?: unknown; [key: string]: unknown };

/** `schemas`: every JSON file of the STIX schemas folder (common, sdos, sros, observables), parsed. */
export function createStixValidator(schemas: readonly Schema[]): StixValidator {
  // The OASIS patterns escape '-' outside classes, which the 'u' flag rejects: compile them without it.
  const ajv = new Ajv2020({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  // ajv-formats has no idn-hostname (only domain-name observables use it, which jikenbo never writes).
  ajv.addFormat('idn-hostname', true);
  const byType = new Map<string, string>();
  for (const s of schemas) {
    if (typeof s.$id !== 'string') continue;
    ajv.addSchema(s as Record<string, unknown>);
    const name = /\/(sdos|sros|observables)\/([a-z0-9-]+)\.json$/.exec(s.$id)?.[2];
    if (name) byType.set(name, s.$id);
    const common = /\/common\/(bundle|extension-definition|marking-definition|language-content)\.json$/.exec(s.$id)?.[1];
    if (common) byType.set(common, s.$id);
  }
  const compiled = new Map<string, ValidateFunction>();
  const validatorFor = (type: string): ValidateFunction | null => {
    const id = byType.get(type);
    if (!id) return null;
    const hit = compiled.get(id);
    if (hit) return hit;
    const v = ajv.getSchema(id);
    if (v) compiled.set(id, v);
    return v ?? null;
  };

  const validateObject = (object: unknown, label?: string): StixProblem[] => {
    const o = object as { type?: unknown; id?: unknown };
    const name = label ?? (typeof o?.id === 'string' ? o.id : '?');
    if (typeof o?.type !== 'string') return [{ object: name, pointer: '/type', reason: 'is missing' }];
    const v = validatorFor(o.type);
    if (!v) return [{ object: name, pointer: '/type', reason: `no STIX schema for type "${o.type}"` }];
    if (v(object)) return [];
    return (v.errors ?? []).map((e) => ({ object: name, pointer: e.instancePath, reason: e.message ?? e.keyword }));
  };

  return {
    validateObject: (object) => validateObject(object),
    validateBundle(bundle) {
      const b = bundle as { objects?: unknown };
      // The bundle schema's anyOf over every type reports little that helps; check the envelope, then each object.
      const envelope = { ...(bundle as object), objects: [] as unknown[] };
      const problems = validateObject(envelope, 'bundle').filter((p) => !p.pointer.startsWith('/objects'));
      if (!Array.isArray(b.objects) || b.objects.length === 0) return [...problems, { object: 'bundle', pointer: '/objects', reason: 'has no objects' }];
      b.objects.forEach((o, i) => problems.push(...validateObject(o).map((p) => ({ ...p, object: p.object === '?' ? `#${i}` : p.object }))));
      return problems;
    },
  };
}
