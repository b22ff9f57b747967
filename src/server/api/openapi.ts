// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the routes validate with.
import { z } from 'zod';
import * as s from './api-schemas.ts';

type Json = Record<string, unknown>;

/** Named schemas, shared under components/schemas. */
const NAMED: Record<string, z.ZodType> = {
  Incident: s.incidentSchema, IncidentPage: s.incidentPageSchema, IncidentDetail: s.incidentDetailSchema,
  Notice: s.noticeSchema, SearchResult: s.searchResultSchema, Stats: s.statsSchema, Claims: s.claimsSchema,
  IngestReport: s.ingestReportSchema, Problem: s.problemSchema,
  Correction: s.correctionSchema, Corrections: s.correctionsSchema, CorrectionInput: s.correctionBody,
  Organisation: s.organisationSchema, OrganisationPage: s.organisationPageSchema, OrganisationDetail: s.organisationDetailSchema,
  ClaimLink: s.claimLinkSchema, ClaimConfirmInput: s.claimConfirmBody, ClaimUnconfirmInput: s.claimUnconfirmBody,
};

export interface ApiOperation {
  method: 'get' | 'post';
  /** OpenAPI path template (`/api/v1/incidents/{id}`). */
  path: string;
  summary: string;
  query?: z.ZodObject;
  params?: z.ZodObject;
  /** Status → the name of a schema in NAMED (JSON bodies). */
  responses: Record<number, keyof typeof NAMED>;
  /** A file upload, or a JSON body of a named schema. */
  requestBody?: 'upload' | keyof typeof NAMED;
  secured?: boolean;
  etag?: boolean;
}

export const OPERATIONS: ApiOperation[] = [
  { method: 'get', path: '/api/v1/incidents', summary: 'Incidents, filtered as on the pages, a page at a time', query: s.incidentListQuery, responses: { 200: 'IncidentPage', 400: 'Problem' }, etag: true },
  { method: 'get', path: '/api/v1/incidents/{id}', summary: 'One incident with its notices, by id or by number (a merged incident\'s id or number answers with the one it went into)', params: s.incidentRefPath, responses: { 200: 'IncidentDetail', 400: 'Problem', 404: 'Problem', 409: 'Problem' }, etag: true },
  { method: 'get', path: '/api/v1/notices/{id}', summary: 'One notice: its text, record and original document', params: s.idPath, responses: { 200: 'Notice', 400: 'Problem', 404: 'Problem' }, etag: true },
  { method: 'get', path: '/api/v1/search', summary: 'Full-text search over notices (bigram)', query: s.searchQuery, responses: { 200: 'SearchResult', 400: 'Problem' }, etag: true },
  { method: 'get', path: '/api/v1/stats', summary: 'Statistics over the filtered incidents', query: s.statsQuery, responses: { 200: 'Stats', 400: 'Problem' }, etag: true },
  { method: 'get', path: '/api/v1/organisations', summary: 'Organisations the casebook knows, found by name, other name, romaji or domain, latest notice first, a page at a time', query: s.organisationListQuery, responses: { 200: 'OrganisationPage', 400: 'Problem' }, etag: true },
  { method: 'get', path: '/api/v1/organisations/{id}', summary: 'One organisation: its names, domains, sector and incidents with their data types and counts (a merged one says which it went into)', params: s.idPath, responses: { 200: 'OrganisationDetail', 400: 'Problem', 404: 'Problem' }, etag: true },
  { method: 'get', path: '/api/v1/claims', summary: 'Leak-site claims discovered within a date range', query: s.claimsQuery, responses: { 200: 'Claims', 400: 'Problem', 501: 'Problem' }, etag: true },
  { method: 'post', path: '/api/v1/claims/{id}/confirm', summary: 'Confirm that a claim is about an incident; a claim is about one incident, so one confirmed for another is a conflict (an API token of scope ingest, of an editor or admin)', params: s.idPath, requestBody: 'ClaimConfirmInput', responses: { 201: 'ClaimLink', 400: 'Problem', 401: 'Problem', 403: 'Problem', 404: 'Problem', 409: 'Problem' }, secured: true },
  { method: 'post', path: '/api/v1/claims/{id}/unconfirm', summary: 'Take back a claim\'s confirmation, saying why; it is kept, undone (an API token of scope ingest, of an editor or admin)', params: s.idPath, requestBody: 'ClaimUnconfirmInput', responses: { 200: 'ClaimLink', 400: 'Problem', 401: 'Problem', 403: 'Problem', 404: 'Problem' }, secured: true },
  { method: 'get', path: '/api/v1/incidents/{id}/corrections', summary: 'Every correction and confirmation of an incident and of its notices, with who, when and why', params: s.incidentRefPath, responses: { 200: 'Corrections', 400: 'Problem', 404: 'Problem' } },
  { method: 'post', path: '/api/v1/incidents/{id}/corrections', summary: 'Correct or confirm one value of an incident or of one of its notices; a change needs a reason (an API token of scope ingest, of an editor or admin)', params: s.incidentRefPath, requestBody: 'CorrectionInput', responses: { 201: 'Correction', 400: 'Problem', 401: 'Problem', 403: 'Problem', 404: 'Problem', 409: 'Problem' }, secured: true },
  { method: 'post', path: '/api/v1/notices', summary: 'Ingest one file (an API token of scope ingest, of an editor or admin)', query: s.ingestQuery, requestBody: 'upload', responses: { 201: 'IngestReport', 200: 'IngestReport', 400: 'Problem', 401: 'Problem', 403: 'Problem', 413: 'Problem', 415: 'Problem' }, secured: true },
];

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function components(): Json {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(NAMED)) registry.add(schema, { id });
  const out = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: 'any' }) as { schemas: Record<string, Json> };
  for (const schema of Object.values(out.schemas)) {
    delete schema.$schema;
    // zod names each registered schema with `$id: "#/components/schemas/X"`: a fragment, which JSON Schema
    // 2020-12 forbids in $id (openapi-spec-validator refuses it). Its key under components/schemas already
    // names it, and every $ref points there.
    delete schema.$id;
  }
  return out.schemas;
}

function parameters(object: z.ZodObject | undefined, where: 'query' | 'path'): Json[] {
  if (!object) return [];
  return Object.entries(object.shape).map(([name, field]) => {
    const schema = z.toJSONSchema(field as z.ZodType, { io: 'input', unrepresentable: 'any' }) as Json;
    delete schema.$schema;
    const description = typeof schema.description === 'string' ? schema.description : undefined;
    const isArray = schema.type === 'array';
    return {
      name, in: where, required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
      schema, ...(description ? { description } : {}), ...(isArray ? { style: 'form', explode: true } : {}),
    };
  });
}

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 201: 'Created', 304: 'Not modified (ETag matched)', 400: 'Bad request', 401: 'Not signed in: no, unknown or revoked API token (reads need one unless the server runs with --public-read)', 403: 'The account\'s role or the token\'s scope does not allow this', 404: 'Not found', 409: 'Conflict: a number two incidents share, or a change that came too late', 413: 'Body too large', 415: 'Unsupported file', 501: 'Not available in this casebook' };

export function openApiDocument(): Json {
  const paths: Record<string, Json> = {};
  for (const op of OPERATIONS) {
    const responses: Json = {};
    for (const [status, name] of Object.entries(op.responses)) {
      const type = name === 'Problem' ? 'application/problem+json' : 'application/json';
      responses[status] = { description: STATUS_TEXT[Number(status)] ?? 'Response', content: { [type]: { schema: ref(name) } }, ...(op.etag && status === '200' ? { headers: { ETag: { schema: { type: 'string' } } } } : {}) };
    }
    if (op.etag) responses['304'] = { description: STATUS_TEXT[304] };
    // Every operation may answer 401 (reads too, unless the server is public to read).
    responses['401'] ??= { description: STATUS_TEXT[401], content: { 'application/problem+json': { schema: ref('Problem') } } };
    paths[op.path] ??= {};
    (paths[op.path] as Json)[op.method] = {
      summary: op.summary,
      operationId: `${op.method}${op.path.replace(/\/api\/v1/, '').replace(/\{(\w+)\}/g, 'By_$1').split('/').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('')}`,
      parameters: [...parameters(op.params, 'path'), ...parameters(op.query, 'query')],
      ...(op.requestBody && op.requestBody !== 'upload' ? {
        requestBody: { required: true, content: { 'application/json': { schema: ref(op.requestBody) } } },
      } : op.requestBody ? {
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', contentMediaType: 'application/octet-stream' } }, required: ['file'] } },
            'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } },
          },
        },
      } : {}),
      // Writes need a token; reads take one, or none on a server started with --public-read.
      security: op.secured ? [{ bearer: [] }] : [{ bearer: [] }, {}],
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'jikenbo API', version: '1.0.0', description: 'A casebook of Japanese security-incident notices. Errors are RFC 9457 problem details.' },
    // Relative: the server that serves this document (at /api/openapi.json), whatever its address or proxy.
    servers: [{ url: '/', description: 'the jikenbo server that serves this document' }],
    paths,
    components: { schemas: components(), securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API token made with `jikenbo token add ACCOUNT [--scope ingest]` or on /account (jkb_…), scope read or ingest; it opens /api/ routes only.' } } },
  };
}
