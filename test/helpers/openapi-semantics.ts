// A second OpenAPI 3.1 validator, of another family than @seriousme/openapi-schema-validator (which checks
// the document against the OpenAPI meta-schema only): what resolver-based validators (swagger-parser,
// openapi-spec-validator) check beyond it. Every Schema Object is validated against its own dialect
// (JSON Schema 2020-12, where `$id` may carry no fragment), every $ref resolves, path templates and path
// parameters agree, operationIds are unique, security names exist, and there is a server to call.
import Ajv2020Module from 'ajv/dist/2020.js';

const Ajv2020 = Ajv2020Module.default;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Problems, each `pointer: what is wrong`; empty when the document holds together. */
export function openApiSemanticProblems(doc: Json): string[] {
  const problems: string[] = [];
  const ajv = new Ajv2020({ strict: false, validateFormats: false });

  const checkSchema = (schema: unknown, pointer: string) => {
    if (typeof schema !== 'object' || schema === null) return;
    if (!ajv.validateSchema(schema as object)) {
      for (const e of ajv.errors ?? []) problems.push(`${pointer}${e.instancePath}: ${e.message} (JSON Schema 2020-12)`);
    }
  };
  const resolve = (ref: string): unknown => {
    if (!ref.startsWith('#/')) return undefined;
    let cur: unknown = doc;
    for (const raw of ref.slice(2).split('/')) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      cur = typeof cur === 'object' && cur !== null ? (cur as Json)[key] : undefined;
    }
    return cur;
  };
  const walkRefs = (node: unknown, pointer: string) => {
    if (Array.isArray(node)) node.forEach((n, i) => walkRefs(n, `${pointer}/${i}`));
    else if (typeof node === 'object' && node !== null) {
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref' && typeof v === 'string' && resolve(v) === undefined) problems.push(`${pointer}/$ref: ${v} does not resolve`);
        else walkRefs(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      }
    }
  };

  if (!Array.isArray(doc.servers) || doc.servers.length === 0) problems.push('/servers: no server to call');
  for (const [i, server] of (Array.isArray(doc.servers) ? doc.servers : []).entries()) {
    try {
      new URL(String(server?.url), 'http://document.example/api/openapi.json');
    } catch {
      problems.push(`/servers/${i}/url: not a URL reference`);
    }
    for (const name of String(server?.url ?? '').match(/\{([^}]+)\}/g) ?? []) {
      if (!server.variables?.[name.slice(1, -1)]) problems.push(`/servers/${i}/url: variable ${name} is not defined`);
    }
  }

  for (const [name, schema] of Object.entries((doc.components?.schemas ?? {}) as Json)) checkSchema(schema, `/components/schemas/${name}`);

  const operationIds = new Map<string, string>();
  const schemes = new Set(Object.keys(doc.components?.securitySchemes ?? {}));
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Json)) {
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const at = `/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}`;
      if (op.operationId) {
        if (operationIds.has(op.operationId)) problems.push(`${at}/operationId: ${op.operationId} is also ${operationIds.get(op.operationId)}`);
        operationIds.set(op.operationId, at);
      }
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])] as Json[];
      const seen = new Set<string>();
      for (const [i, p] of params.entries()) {
        const key = `${p.in}:${p.name}`;
        if (seen.has(key)) problems.push(`${at}/parameters/${i}: ${key} is given twice`);
        seen.add(key);
        if (p.in === 'path' && !templated.includes(p.name)) problems.push(`${at}/parameters/${i}: path parameter ${p.name} is not in the path`);
        if (p.in === 'path' && p.required !== true) problems.push(`${at}/parameters/${i}: path parameter ${p.name} must be required`);
        checkSchema(p.schema, `${at}/parameters/${i}/schema`);
      }
      for (const name of templated) {
        if (!params.some((p) => p.in === 'path' && p.name === name)) problems.push(`${at}: path parameter {${name}} is not declared`);
      }
      for (const [status, response] of Object.entries((op.responses ?? {}) as Json)) {
        if (!/^([1-5](\d\d|XX)|default)$/.test(status)) problems.push(`${at}/responses/${status}: not a status code`);
        for (const [type, media] of Object.entries((response.content ?? {}) as Json)) checkSchema(media.schema, `${at}/responses/${status}/content/${type}/schema`);
        for (const [name, header] of Object.entries((response.headers ?? {}) as Json)) checkSchema(header.schema, `${at}/responses/${status}/headers/${name}/schema`);
      }
      for (const [type, media] of Object.entries((op.requestBody?.content ?? {}) as Json)) checkSchema(media.schema, `${at}/requestBody/content/${type}/schema`);
      for (const requirement of (op.security ?? doc.security ?? []) as Json[]) {
        for (const name of Object.keys(requirement)) if (!schemes.has(name)) problems.push(`${at}/security: ${name} is not a security scheme`);
      }
    }
  }
  walkRefs(doc, '');
  return problems;
}
