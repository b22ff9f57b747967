// The JSON API, the Atom feed and the CSV/JSONL exports over a real casebook: responses checked against
// the OpenAPI document, the feed parsed as XML, the CSV parsed back.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020Module from 'ajv/dist/2020.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Casebook } from '../../src/app/casebook.ts';
import { loadIncidentFacts } from '../../src/app/incident-facts.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { CSV_COLUMNS, defuseCell } from '../../src/formats/csv.ts';
import { openApiDocument } from '../../src/server/api/openapi.ts';
import { createApp } from '../../src/server/app.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { BCC_NOTICE, USB_NOTICE } from '../helpers/notices.ts';
import { addAccount, createApiToken } from '../../src/app/accounts.ts';

const Ajv2020 = Ajv2020Module.default;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(CASEBOOK_ENGINES)('JSON API, feed and exports on $name', (engine) => {
  const dir = tempDir();
  let casebook: Casebook;
  let app: ReturnType<typeof createApp>;
  const doc = openApiDocument() as Json;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: 'openapi', components: doc.components });

  /** The response must match the schema the document gives for its path, method and status. */
  async function conforms(res: Response, path: string, method = 'get'): Promise<Json> {
    const op = doc.paths[path][method];
    const spec = op.responses[String(res.status)];
    expect(spec, `${method} ${path} ${res.status} is documented`).toBeDefined();
    if (!spec.content) return {};
    const type = Object.keys(spec.content)[0]!;
    expect(res.headers.get('Content-Type')).toContain(type);
    const body = (await res.json()) as Json;
    const ref = spec.content[type].schema.$ref.replace('#/', 'openapi#/');
    const ok = ajv.validate({ $ref: ref }, body);
    expect(ok, JSON.stringify(ajv.errors)).toBe(true);
    return body;
  }

  beforeAll(async () => {
    casebook = await engine.open(dir, 'api');
    const notices = readdirSync('test/fixtures/notices').filter((f) => f.endsWith('.txt')).map((f) => join('test/fixtures/notices', f));
    await ingestPaths(notices, casebook);
    app = createApp(casebook, { publicRead: true });
  }, 60_000);
  afterAll(async () => casebook.close());

  it('serves a valid OpenAPI 3.1 document', async () => {
    const res = await app.request('/api/openapi.json');
    const served = (await res.json()) as Json;
    const validator = new Validator();
    const result = await validator.validate(served);
    expect(result.errors ?? []).toEqual([]);
    expect(validator.version).toBe('3.1');
    expect(result.valid).toBe(true);
    expect(served.openapi).toBe('3.1.0');
  });

  it('pages through filtered incidents with an opaque cursor, every page matching the document', async () => {
    const facts = await loadIncidentFacts(casebook.store);
    const seen: number[] = [];
    let url = '/api/v1/incidents?limit=7';
    for (;;) {
      const body = await conforms(await app.request(url), '/api/v1/incidents');
      seen.push(...body.items.map((i: Json) => i.id));
      if (!body.next_cursor) break;
      url = `/api/v1/incidents?limit=7&cursor=${encodeURIComponent(body.next_cursor)}`;
    }
    expect(seen.sort()).toEqual(facts.map((f) => f.id).sort());

    const loss = await conforms(await app.request('/api/v1/incidents?type=loss&type=theft'), '/api/v1/incidents');
    expect(loss.total).toBe(facts.filter((f) => f.incidentTypes.includes('loss') || f.incidentTypes.includes('theft')).length);
    expect(loss.items.every((i: Json) => i.incident_types.includes('loss') || i.incident_types.includes('theft'))).toBe(true);

    const foreign = await app.request(`/api/v1/incidents?type=loss&cursor=${encodeURIComponent(Buffer.from('{"o":1,"f":"x"}').toString('base64url'))}`);
    const problem = await conforms(foreign, '/api/v1/incidents');
    expect(problem).toMatchObject({ status: 400, field: 'cursor' });
    const bad = await conforms(await app.request('/api/v1/incidents?sector=moon'), '/api/v1/incidents');
    expect(bad.detail).toMatch(/sector/);
  });

  it('refuses a date the calendar does not have on every route taking dates, as problem+json naming the parameter', async () => {
    const cases: [string, string, string][] = [
      ['/api/v1/claims?from=2023-02-30', '/api/v1/claims', 'from'],
      ['/api/v1/claims?to=2023-04-31', '/api/v1/claims', 'to'],
      ['/api/v1/claims?from=2023-02-29', '/api/v1/claims', 'from'],
      ['/api/v1/claims?from=2023-13-01', '/api/v1/claims', 'from'],
      ['/api/v1/claims?from=2023-03-01&to=2023-02-01', '/api/v1/claims', 'from'],
      ['/api/v1/incidents?from=2023-02-30', '/api/v1/incidents', 'from'],
      ['/api/v1/stats?to=2023-06-31', '/api/v1/stats', 'to'],
    ];
    for (const [url, path, field] of cases) {
      const res = await app.request(url);
      expect(res.status, url).toBe(400);
      const problem = await conforms(res, path);
      expect(problem, url).toMatchObject({ status: 400, field });
      expect(problem.detail, url).toMatch(new RegExp(`^${field}`));
    }
    // A leap day that exists is a date like any other.
    expect((await app.request('/api/v1/claims?from=2024-02-29&to=2024-03-01')).status).not.toBe(400);
    expect((await app.request('/api/v1/incidents?from=2024-02-29')).status).toBe(200);
  });

  it('answers one incident, one notice, search, stats and claims as documented, with ETags', async () => {
    const facts = await loadIncidentFacts(casebook.store);
    const first = facts[0]!;
    const res = await app.request(`/api/v1/incidents/${first.id}`);
    const incident = await conforms(res, '/api/v1/incidents/{id}');
    expect(incident.notices.map((n: Json) => n.id)).toEqual(first.noticeIds);
    const tag = res.headers.get('ETag')!;
    expect(tag).toBeTruthy();
    const again = await app.request(`/api/v1/incidents/${first.id}`, { headers: { 'If-None-Match': tag } });
    expect(again.status).toBe(304);

    await conforms(await app.request('/api/v1/incidents/999999'), '/api/v1/incidents/{id}');
    expect(incident.export_key).toBe(first.exportKey);
    // By number, of either form, '#' allowed: the same incident.
    const byNumber = await conforms(await app.request(`/api/v1/incidents/${encodeURIComponent(`#${first.number}`)}`), '/api/v1/incidents/{id}');
    expect(byNumber).toMatchObject({ id: first.id, number: first.number, export_key: first.exportKey });
    const missing = await conforms(await app.request('/api/v1/incidents/J1999-0001'), '/api/v1/incidents/{id}');
    expect(missing.status).toBe(404);
    expect((await conforms(await app.request('/api/v1/incidents/J2024-1x'), '/api/v1/incidents/{id}')).status).toBe(400);
    const notice = await conforms(await app.request(`/api/v1/notices/${first.noticeIds[0]}`), '/api/v1/notices/{id}');
    expect(notice.incident_id).toBe(first.id);
    const hits = await conforms(await app.request(`/api/v1/search?q=${encodeURIComponent('不正アクセス')}`), '/api/v1/search');
    expect(hits.items.length).toBeGreaterThan(0);
    const stats = await conforms(await app.request('/api/v1/stats?by=type'), '/api/v1/stats');
    expect(stats.incidents).toBe(facts.length);
    const claims = await app.request('/api/v1/claims');
    await conforms(claims, '/api/v1/claims');
    expect([200, 501]).toContain(claims.status);
  });

  it('ingests by POST only with an editor\'s API token, within the size limit, and audits it under that account', async () => {
    const path = '/api/v1/notices';
    const body = new TextEncoder().encode(USB_NOTICE);
    await addAccount(casebook.store, { name: 'reader', role: 'viewer', password: 'a long enough password' }, 'test');
    await addAccount(casebook.store, { name: 'uploader', role: 'editor', password: 'a long enough password' }, 'test');
    const viewerToken = (await createApiToken(casebook.store, 'reader', { label: 'read script', scope: 'ingest', madeIn: 'cli' }, 'test')).token;
    const { token, info } = await createApiToken(casebook.store, 'uploader', { label: 'ingest script', scope: 'ingest', madeIn: 'cli' }, 'test');
    const raw = { 'Content-Type': 'application/octet-stream' };
    const anonymous = await app.request(`${path}?filename=usb.txt`, { method: 'POST', body, headers: raw });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    await conforms(anonymous, path, 'post');
    const wrong = await app.request(`${path}?filename=usb.txt`, { method: 'POST', body, headers: { ...raw, Authorization: 'Bearer jkb_wrong' } });
    expect(wrong.status).toBe(401);
    await conforms(wrong, path, 'post');
    const viewer = await app.request(`${path}?filename=usb.txt`, { method: 'POST', body, headers: { ...raw, Authorization: `Bearer ${viewerToken}` } });
    expect(viewer.status).toBe(403);
    expect(((await viewer.json()) as { detail: string }).detail).toMatch(/viewer/);

    const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/octet-stream' };
    const created = await app.request(`${path}?filename=usb.txt`, { method: 'POST', body, headers: auth });
    expect(created.status).toBe(201);
    const report = await conforms(created, path, 'post');
    expect(report).toMatchObject({ status: 'new', posts: 1 });
    const [entry] = await casebook.store.listAudit({ action: 'document.ingest', subject: `document:${report.document_id}` });
    expect(entry).toMatchObject({ actor: 'uploader', before: null });
    // The source kept is the name it was sent under, not the server's temporary path.
    expect((await casebook.store.getDocument(report.document_id!))?.source).toBe('usb.txt');
    const dup = await app.request(`${path}?filename=usb.txt`, { method: 'POST', body, headers: auth });
    expect(await conforms(dup, path, 'post')).toMatchObject({ status: 'duplicate' });
    const big = await app.request(`${path}?filename=big.txt`, { method: 'POST', body: new Uint8Array(21 * 1024 * 1024), headers: auth });
    expect(big.status).toBe(413);
    await conforms(big, path, 'post');
    const traversal = await app.request(`${path}?filename=..%2Fx.txt`, { method: 'POST', body, headers: auth });
    expect((await conforms(traversal, path, 'post')).field).toBe('filename');

    // A form upload (as curl -F sends it) from a script with the token passes the CSRF check;
    // the same form from another site without the token does not.
    const form = () => {
      const f = new FormData();
      f.append('file', new Blob([BCC_NOTICE], { type: 'text/plain' }), 'bcc.txt');
      return f;
    };
    const scripted = await app.request(path, { method: 'POST', body: form(), headers: { Authorization: `Bearer ${token}` } });
    expect(scripted.status).toBe(201);
    expect((await casebook.store.getDocument(((await scripted.json()) as { document_id: number }).document_id))?.source).toBe('bcc.txt');
    const forged = await app.request(path, { method: 'POST', body: form(), headers: { Origin: 'https://evil.example' } });
    expect(forged.status).toBe(403);

    // A revoked token opens nothing.
    await casebook.store.revokeApiToken(info.id, 'test');
    expect((await app.request(`${path}?filename=usb.txt`, { method: 'POST', body, headers: auth })).status).toBe(401);
  });

  it('writes a valid Atom feed of the filtered list, escaping everything', async () => {
    const res = await app.request('/feed.atom?type=ransomware');
    expect(res.headers.get('Content-Type')).toContain('application/atom+xml');
    const xml = await res.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'category' || name === 'link' }).parse(xml).feed;
    const facts = (await loadIncidentFacts(casebook.store)).filter((f) => f.incidentTypes.includes('ransomware'));
    expect(feed.entry).toHaveLength(facts.length);
    for (const e of feed.entry) {
      expect(e.id).toMatch(/^tag:/);
      expect(e.updated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(e.category.some((c: Json) => c['@_term'] === 'ransomware')).toBe(true);
    }
    expect(new Set(feed.entry.map((e: Json) => e.id)).size).toBe(facts.length);
    expect(feed.link.find((l: Json) => l['@_rel'] === 'self')['@_href']).toContain('/feed.atom?type=ransomware');
  });

  it('exports CSV with a BOM that parses back to one row per incident, and JSONL', async () => {
    const res = await app.request('/export.csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const rows = parseCsv(text, { bom: true, columns: true }) as Record<string, string>[];
    const facts = await loadIncidentFacts(casebook.store);
    expect(rows).toHaveLength(facts.length);
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    for (const f of facts) {
      const r = rows.find((x) => x.id === String(f.id))!;
      expect(r.organization).toBe(defuseCell(f.organization ?? ''));
      expect(r.incident_types).toBe(f.incidentTypes.join(';'));
      expect(r.affected_count).toBe(f.affectedCount === null ? '' : String(f.affectedCount));
    }
    const jsonl = await (await app.request('/export.jsonl?sector=healthcare')).text();
    const lines = jsonl.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id).sort()).toEqual(facts.filter((f) => f.sector === 'healthcare').map((f) => f.id).sort());
  });

  it('defuses spreadsheet formulas', () => {
    expect(defuseCell('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    for (const c of ['+', '-', '@', '\t', '\r']) expect(defuseCell(`${c}1`)).toBe(`'${c}1`);
    expect(defuseCell('株式会社')).toBe('株式会社');
  });
});
