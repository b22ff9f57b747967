// The JSON API /api/v1 and its OpenAPI document: thin handlers that validate input and output with the
// zod schemas of api-schemas.ts, ETags on reads, RFC 9457 problem details for every error (made in error-response.ts).
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { z } from 'zod';
import { statBy, allStats } from '../../analyze/stats/stats-by.ts';
import { selectIncidentPage, selectIncidents } from '../../app/incident-selection.ts';
import { parseSelection } from '../../app/request-schemas.ts';
import { currentFactsOfIncident } from '../../app/incident-facts.ts';
import { incidentByNumber } from '../../app/incident-number.ts';
import { ingestPaths } from '../../app/ingest.ts';
import { correctValue } from '../../app/review.ts';
import { confirmClaim, unconfirmClaim } from '../../app/claims.ts';
import { findOrganisations, organisationView, type OrganisationView } from '../../app/organisations.ts';
import type { OrganisationSummary } from '../../store/organisation-types.ts';
import type { ClaimLink } from '../../store/source-types.ts';
import type { Correction } from '../../core/corrections.ts';
import { JikenboError } from '../../core/errors.ts';
import { incidentLine } from '../../formats/jsonl.ts';
import type { Archive, Store } from '../../store/ports.ts';
import * as s from '../api/api-schemas.ts';
import { openApiDocument } from '../api/openapi.ts';
import { describeIssues, invalidInput } from '../../core/invalid-input.ts';
import { storeActingAs } from '../../store/with-actor.ts';
import { storeNamingSource } from '../../store/with-source-name.ts';
import { actorOf } from '../auth/viewer.ts';
import { pathUnder } from '../../sources/path-under.ts';
import { expandSpellings } from '../../core/spelling-variants.ts';
import { spellingGroupsOf } from '../search-spellings.ts';
import { bodyEtag } from '../body-etag.ts';

/** The part of the store /api/v1/claims reads (see Store.listClaims). */
interface ClaimStore {
  listClaims?: (range: { from?: string; to?: string }) => Promise<{
    id: number; group: string; victim: string; domain: string | null; country: string | null;
    discovered: string; discoveredDate: string; source: string; importedAt: string;
  }[]>;
}

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const DEFAULT_LIMIT = 50;

export function apiV1Routes(deps: { store: Store; archive: Archive }): Hono {
  const api = new Hono();

  let openapi: string | null = null;
  api.get('/api/openapi.json', bodyEtag(), (c) => {
    openapi ??= JSON.stringify(openApiDocument());
    return c.body(openapi, 200, { 'Content-Type': 'application/json' });
  });

  api.get('/api/v1/incidents', bodyEtag(), async (c) => {
    const raw = c.req.queries();
    const paging = parse(s.incidentListQuery.pick({ limit: true, cursor: true }), single(raw, ['limit', 'cursor']));
    const selection = parseSelection(raw, ['limit', 'cursor']);
    const fingerprint = hash(JSON.stringify(selection));
    const offset = paging.cursor ? readCursor(paging.cursor, fingerprint) : 0;
    const limit = paging.limit ?? DEFAULT_LIMIT;
    const { rows: page, total } = await selectIncidentPage(deps.store, selection, { offset, limit });
    const next = offset + limit < total ? writeCursor(offset + limit, fingerprint) : null;
    return json(c, s.incidentPageSchema, { items: page.map(incidentLine), total, next_cursor: next });
  });

  api.get('/api/v1/incidents/:id', bodyEtag(), async (c) => {
    const { id: ref } = parse(s.incidentRefPath, { id: c.req.param('id') });
    const asked = typeof ref === 'number' ? ref : await incidentByNumber(deps.store, ref);
    // An incident a merge retired answers as the one it went into (its id in the body says which).
    const row = await currentFactsOfIncident(deps.store, asked);
    if (!row) throw new JikenboError('not_found', `no incident ${asked}`, { subject: 'id' });
    const notices = [];
    for (const noticeId of row.noticeIds) {
      const n = await deps.store.getNotice(noticeId);
      if (n) notices.push({ id: n.id, header: n.header, title: n.title, disclosure_date: n.disclosureDate });
    }
    return json(c, s.incidentDetailSchema, { ...incidentLine(row), notices });
  });

  api.get('/api/v1/organisations', bodyEtag(), async (c) => {
    // Every parameter given, so that the strict schema names one it does not know.
    const raw = c.req.queries();
    const query = parse(s.organisationListQuery, single(raw, Object.keys(raw)));
    const q = query.q?.trim() ?? '';
    const fingerprint = hash(JSON.stringify({ organisations: q }));
    const offset = query.cursor ? readCursor(query.cursor, fingerprint) : 0;
    const limit = query.limit ?? DEFAULT_LIMIT;
    const { rows, total } = await findOrganisations(deps.store, q, { offset, limit });
    const next = offset + limit < total ? writeCursor(offset + limit, fingerprint) : null;
    return json(c, s.organisationPageSchema, { items: rows.map(organisationJson), total, next_cursor: next });
  });

  api.get('/api/v1/organisations/:id', bodyEtag(), async (c) => {
    const { id } = parse(s.idPath, { id: c.req.param('id') });
    return json(c, s.organisationDetailSchema, organisationDetailJson(await organisationView(deps.store, id)));
  });

  api.get('/api/v1/notices/:id', bodyEtag(), async (c) => {
    const { id } = parse(s.idPath, { id: c.req.param('id') });
    const n = await deps.store.getNotice(id);
    if (!n) throw new JikenboError('not_found', `no notice ${id}`, { subject: 'id' });
    const d = n.document;
    return json(c, s.noticeSchema, {
      id: n.id, incident_id: await deps.store.incidentOfNotice(n.id), header: n.header, title: n.title,
      organization: n.organization, disclosure_date: n.disclosureDate, text: n.text,
      record: n.record as unknown as Record<string, unknown>, extractor_version: n.extractorVersion,
      document: { id: d.id, sha256: d.sha256, source: d.source, media_type: d.mediaType, encoding: d.encoding, byte_length: d.byteLength, ingested_at: d.ingestedAt },
    });
  });

  api.get('/api/v1/search', bodyEtag(), async (c) => {
    const q = parse(s.searchQuery, single(c.req.queries(), ['q', 'limit']));
    const hits = await deps.store.search(expandSpellings(q.q, spellingGroupsOf(c, false)).query, { limit: q.limit ?? DEFAULT_LIMIT });
    const incidents = await deps.store.incidentsOfNoticeIds(hits.map((h) => h.id));
    const items = hits.map((h) => ({
      notice_id: h.id, incident_id: incidents.get(h.id) ?? null, header: h.header, title: h.title,
      organization: h.organization, disclosure_date: h.disclosureDate, snippet: h.snippet, score: h.score,
    }));
    return json(c, s.searchResultSchema, { items });
  });

  api.get('/api/v1/stats', bodyEtag(), async (c) => {
    const raw = c.req.queries();
    const { by } = parse(s.statsQuery.pick({ by: true }), single(raw, ['by']));
    // Statistics count the Japanese notices' incidents unless the query names a dataset (core/dataset.ts).
    const selection = parseSelection(raw, ['by']);
    const rows = await selectIncidents(deps.store, { ...selection, dataset: selection.dataset ?? 'jp' });
    const stats = (by ? { [by]: statBy(rows, by) } : allStats(rows)) as Record<string, unknown>;
    return json(c, s.statsSchema, { incidents: rows.length, by: by ?? null, stats });
  });

  api.get('/api/v1/claims', bodyEtag(), async (c) => {
    const range = parse(s.claimsQuery, single(c.req.queries(), ['from', 'to']));
    if (range.from && range.to && range.from > range.to) throw new JikenboError('bad_input', `from (${range.from}) is after to (${range.to})`, { subject: 'from' });
    // Claims arrive with the leak-site claims store; until a store has them the route says so.
    const store = deps.store as unknown as ClaimStore;
    if (typeof store.listClaims !== 'function') {
      throw new JikenboError('not_implemented', 'this casebook keeps no leak-site claims yet');
    }
    const claims = await store.listClaims(range);
    return json(c, s.claimsSchema, {
      items: claims.map((x) => ({
        id: x.id, group: x.group, victim: x.victim, domain: x.domain, country: x.country, discovered: x.discovered,
        discovered_date: x.discoveredDate, source: x.source, imported_at: x.importedAt,
      })),
    });
  });

  api.get('/api/v1/incidents/:id/corrections', async (c) => {
    const { id: ref } = parse(s.incidentRefPath, { id: c.req.param('id') });
    const id = typeof ref === 'number' ? ref : await incidentByNumber(deps.store, ref);
    const incident = await deps.store.getIncident(id);
    if (!incident) throw new JikenboError('not_found', `no incident #${id}`, { subject: 'id' });
    const lists = await Promise.all([
      deps.store.listCorrections('incident', id).then((l) => l.map((x) => correctionJson(x, 'incident', id))),
      ...incident.members.map((m) => deps.store.listCorrections('notice', m.noticeId).then((l) => l.map((x) => correctionJson(x, 'notice', m.noticeId)))),
    ]);
    const corrections = lists.flat().sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id);
    return json(c, s.correctionsSchema, { corrections });
  });

  // Editors and admins (auth/policy.ts), through a session or a token of scope ingest.
  api.post('/api/v1/incidents/:id/corrections', bodyLimit({ maxSize: 16 * 1024, onError: tooLarge('the body is over 16 KB') }), async (c) => {
    const { id: ref } = parse(s.incidentRefPath, { id: c.req.param('id') });
    const id = typeof ref === 'number' ? ref : await incidentByNumber(deps.store, ref);
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw new JikenboError('bad_input', 'request: expected a JSON object', { subject: 'request' });
    }
    const body = parse(s.correctionBody, raw);
    const target = body.target === 'incident' ? { target: 'incident' as const, id } : { target: 'notice' as const, id: Number(body.target.slice(7)) };
    if (target.target === 'notice' && (await deps.store.incidentOfNotice(target.id)) !== id) {
      throw new JikenboError('not_found', `notice #${target.id} is not in incident #${id}`, { subject: 'target' });
    }
    const correction = await correctValue(deps.store, { ...target, field: body.field, value: body.value, by: actorOf(c), reason: body.reason ?? null });
    return json(c, s.correctionSchema, correctionJson(correction, target.target, target.id), 201);
  });

  // Editors and admins (auth/policy.ts), through a session or a token of scope ingest.
  const smallBody = bodyLimit({ maxSize: 16 * 1024, onError: tooLarge('the body is over 16 KB') });
  api.post('/api/v1/claims/:id/confirm', smallBody, async (c) => {
    const { id } = parse(s.idPath, { id: c.req.param('id') });
    const body = parse(s.claimConfirmBody, await jsonBody(c));
    const incident = typeof body.incident === 'number' ? body.incident : await incidentByNumber(deps.store, body.incident);
    return json(c, s.claimLinkSchema, claimLinkJson(await confirmClaim(deps.store, id, incident, actorOf(c))), 201);
  });
  api.post('/api/v1/claims/:id/unconfirm', smallBody, async (c) => {
    const { id } = parse(s.idPath, { id: c.req.param('id') });
    const body = parse(s.claimUnconfirmBody, await jsonBody(c));
    return json(c, s.claimLinkSchema, claimLinkJson(await unconfirmClaim(deps.store, id, actorOf(c), body.reason)));
  });

  // Editors and admins only (auth/policy.ts): a script sends `Authorization: Bearer <API token>`.
  api.post('/api/v1/notices',
    bodyLimit({ maxSize: MAX_UPLOAD_BYTES, onError: tooLarge(`the body is over ${MAX_UPLOAD_BYTES} bytes`) }),
    async (c) => {
      const { filename } = parse(s.ingestQuery, single(c.req.queries(), ['filename']));
      const upload = await readUpload(c, filename);
      const dir = await mkdtemp(join(tmpdir(), 'jikenbo-upload-'));
      try {
        const path = pathUnder(dir, upload.name);
        await writeFile(path, upload.bytes);
        const store = storeNamingSource(storeActingAs(deps.store, actorOf(c)), path, upload.name);
        const report = await ingestPaths([path], { ...deps, store }, { maxBytes: MAX_UPLOAD_BYTES });
        const outcome = report.outcomes[0];
        if (!outcome || outcome.status === 'failed') {
          throw new JikenboError('bad_input', (outcome?.reason ?? 'the file could not be read').replaceAll(path, upload.name), { subject: 'file' });
        }
        const body = { status: outcome.status, document_id: outcome.documentId ?? null, posts: outcome.posts };
        return json(c, s.ingestReportSchema, body, outcome.status === 'new' ? 201 : 200);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

  return api;
}

function correctionJson(x: Correction, target: 'incident' | 'notice', targetId: number): z.input<typeof s.correctionSchema> {
  return {
    id: x.id, target, target_id: targetId, field: x.field, old_value: x.oldValue, new_value: x.newValue, by: x.by, at: x.at,
    reason: x.reason, reverted_at: x.revertedAt, reverted_by: x.revertedBy,
  };
}

/** Validates a response body with its schema before sending it: the OpenAPI document is a promise kept. */
async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new JikenboError('bad_input', 'request: expected a JSON object', { subject: 'request' });
  }
}

function organisationJson(o: OrganisationSummary): z.input<typeof s.organisationSchema> {
  return {
    id: o.id, name: o.name, key: o.key, sector: o.sector as z.input<typeof s.organisationSchema>['sector'], notices: o.noticeCount,
    incidents: o.incidentCount, latest_disclosure: o.latestDate, merged_into: o.mergedInto, split_by: o.createdBy,
  };
}

function organisationDetailJson(v: OrganisationView): z.input<typeof s.organisationDetailSchema> {
  const o = v.organisation;
  const noticesOf = new Map(o.incidents.map((i) => [i.incidentId, i.noticeIds]));
  return {
    ...organisationJson(o),
    names: o.names,
    romaji: o.latinKeys,
    aliases: o.added.flatMap((a) => (a.kind === 'domain' ? [] : [{ kind: a.kind, value: a.value, by: a.by, at: a.at }])),
    domains: [
      ...o.noticeDomains.map((domain) => ({ domain, from: 'notice' as const })),
      ...v.mappedDomains.map((domain) => ({ domain, from: 'claims_map' as const })),
      ...o.added.filter((a) => a.kind === 'domain').map((a) => ({ domain: a.value, from: 'person' as const })),
    ],
    incidents: v.incidents.map((i) => ({
      id: i.id, number: i.number, title: i.title, disclosure_date: i.disclosureDate, incident_types: i.incidentTypes,
      data_types: i.dataTypes, affected_count: i.affectedCount, notice_ids: noticesOf.get(i.id) ?? [],
    })),
    changes: o.changes.map((ch) => ({ action: ch.action, detail: ch.detail, by: ch.by, at: ch.at })),
  };
}

function claimLinkJson(l: ClaimLink) {
  return {
    id: l.id, claim_id: l.claimId, incident_id: l.incidentId, notice_id: l.noticeId, score: l.score, reason: l.reason,
    by: l.by, at: l.at, undone: l.undone,
  };
}

function json<S extends z.ZodType>(c: Context, schema: S, body: z.input<S>, status: 200 | 201 = 200): Response {
  const checked = schema.safeParse(body);
  if (!checked.success) throw new JikenboError('internal', `response does not match its schema: ${describeIssues(checked.error, 'body')}`);
  return c.json(checked.data as object, status);
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw invalidInput(r.error, { fallback: 'request' });
}

/** A body over its limit: thrown, so that it is answered as every other error (error-response.ts). */
const tooLarge = (message: string) => (): never => {
  throw new JikenboError('too_large', message, { subject: 'body' });
};

/** The named parameters, each given at most once. */
function single(raw: Record<string, string[]>, names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const values = (raw[name] ?? []).filter((v) => v !== '');
    if (values.length > 1) throw new JikenboError('bad_input', `${name}: give it once`, { subject: name });
    if (values[0] !== undefined) out[name] = values[0];
  }
  return out;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 16);
}

/** Opaque to clients: the position, tied to the filter it was made for (a cursor of another query is refused). */
function writeCursor(offset: number, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ o: offset, f: fingerprint })).toString('base64url');
}

function readCursor(cursor: string, fingerprint: string): number {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown; f?: unknown };
    if (Number.isInteger(v.o) && (v.o as number) >= 0 && v.f === fingerprint) return v.o as number;
  } catch {
    // fall through
  }
  throw new JikenboError('bad_input', 'cursor: not a cursor of this query', { subject: 'cursor' });
}

/** multipart/form-data with a `file` field, or a raw body with ?filename=. */
async function readUpload(c: Context, filename: string | undefined): Promise<{ name: string; bytes: Uint8Array }> {
  const type = c.req.header('Content-Type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await c.req.parseBody();
    const file = form.file;
    if (!(file instanceof File)) throw new JikenboError('bad_input', 'file: a multipart field "file" holding the file is needed', { subject: 'file' });
    return { name: safeName(filename ?? file.name), bytes: new Uint8Array(await file.arrayBuffer()) };
  }
  if (!filename) throw new JikenboError('bad_input', 'filename: a raw body needs ?filename= (its extension tells the format)', { subject: 'filename' });
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength === 0) throw new JikenboError('bad_input', 'file: the body is empty', { subject: 'file' });
  return { name: safeName(filename), bytes };
}

function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200);
  if (!cleaned || cleaned === '.' || cleaned === '..') throw new JikenboError('bad_input', 'filename: not a usable file name', { subject: 'filename' });
  return cleaned;
}
