// The OpenAPI document through two validators of different families: @seriousme/openapi-schema-validator
// (the OpenAPI 3.1 meta-schema) and the resolver-style checks of test/helpers/openapi-semantics.ts (each
// schema against JSON Schema 2020-12, $refs, path parameters, servers), which catch what the first lets
// through: a `$id` with a fragment (openapi-spec-validator's refusal) and no `servers`.
import { spawnSync } from 'node:child_process';
import { validate as readmeValidate } from '@readme/openapi-parser';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/server/api/openapi.ts';
import { openApiSemanticProblems } from '../helpers/openapi-semantics.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Python's openapi-spec-validator, where the machine has it (pip install openapi-spec-validator): the one that refused the fragments. */
const PYTHON_VALIDATOR = spawnSync('python3', ['-c', 'import openapi_spec_validator'], { encoding: 'utf8' }).status === 0;
const VALIDATE_PY = 'import json, sys\nfrom openapi_spec_validator import validate\ntry:\n  validate(json.load(sys.stdin))\nexcept Exception as e:\n  print(str(e)[:500]); sys.exit(1)';

describe('the OpenAPI document', () => {
  const doc = openApiDocument() as Json;

  it('is valid against the OpenAPI 3.1 meta-schema', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('holds together for a resolving validator: no fragment in any $id, a server, every $ref and path parameter right', () => {
    expect(openApiSemanticProblems(doc)).toEqual([]);
    expect(doc.servers).toEqual([{ url: '/', description: expect.any(String) }]);
    const ids: string[] = [];
    JSON.stringify(doc, (key, value) => {
      if (key === '$id') ids.push(value as string);
      return value;
    });
    expect(ids.filter((id) => id.includes('#'))).toEqual([]);
  });

  it('is accepted by a parser of another family (@readme/openapi-parser: dereferences every $ref, checks paths and parameters)', async () => {
    const result = await readmeValidate(structuredClone(doc) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('@readme/openapi-parser refuses a dangling $ref', async () => {
    const broken = structuredClone(doc);
    broken.components.schemas.IncidentPage.properties.items.items.$ref = '#/components/schemas/Nowhere';
    const result = await readmeValidate(broken as never);
    expect(result.valid).toBe(false);
  });

  it('the second validator refuses what the first lets through: a fragment in $id (as zod wrote it), no servers', async () => {
    const broken = structuredClone(doc);
    broken.components.schemas.Incident.$id = '#/components/schemas/Incident';
    delete broken.servers;
    const meta = await new Validator().validate(structuredClone(broken));
    expect(meta.valid).toBe(true);
    const problems = openApiSemanticProblems(broken);
    expect(problems.some((p) => p.startsWith('/components/schemas/Incident/$id:'))).toBe(true);
    expect(problems).toContain('/servers: no server to call');
  });

  it('the second validator refuses a dangling $ref, an undeclared path parameter and a repeated operationId', () => {
    const broken = structuredClone(doc);
    broken.components.schemas.IncidentPage.properties.items.items.$ref = '#/components/schemas/Nowhere';
    broken.paths['/api/v1/notices/{id}'].get.parameters = [];
    broken.paths['/api/v1/stats'].get.operationId = broken.paths['/api/v1/search'].get.operationId;
    const problems = openApiSemanticProblems(broken);
    expect(problems.some((p) => p.includes('#/components/schemas/Nowhere does not resolve'))).toBe(true);
    expect(problems).toContain('/paths/~1api~1v1~1notices~1{id}/get: path parameter {id} is not declared');
    expect(problems.some((p) => p.startsWith('/paths/~1api~1v1~1stats/get/operationId:'))).toBe(true);
  });

  it.runIf(PYTHON_VALIDATOR)('is accepted by Python\'s openapi-spec-validator, which refuses the document zod wrote before', () => {
    const run = (d: Json) => spawnSync('python3', ['-c', VALIDATE_PY], { input: JSON.stringify(d), encoding: 'utf8' });
    const ok = run(doc);
    expect(ok.stdout, ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const withFragment = structuredClone(doc);
    withFragment.components.schemas.Incident.$id = '#/components/schemas/Incident';
    const refused = run(withFragment);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toMatch(/does not match/);
  });

  it('says that every date parameter is a calendar date (format date, a pattern without 02-30)', () => {
    const dates: { path: string; name: string; schema: Json }[] = [];
    for (const [path, item] of Object.entries(doc.paths as Json)) {
      for (const op of Object.values(item as Json) as Json[]) {
        for (const p of op.parameters ?? []) if (p.name === 'from' || p.name === 'to') dates.push({ path, name: p.name, schema: p.schema });
      }
    }
    expect(dates.map((d) => d.path)).toEqual(expect.arrayContaining(['/api/v1/claims', '/api/v1/incidents', '/api/v1/stats']));
    for (const d of dates) {
      expect(d.schema.format, `${d.path} ${d.name}`).toBe('date');
      const pattern = new RegExp(d.schema.pattern);
      expect(pattern.test('2024-02-29')).toBe(true);
      expect(pattern.test('2023-02-30')).toBe(false);
      expect(pattern.test('2023-02-29')).toBe(false);
    }
  });
});
