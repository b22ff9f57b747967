// The organisation pages and their JSON API over a casebook read from notices: the list searched and
// paged, one organisation's incidents with data types and counts in both languages, every name
// escaped, the search box and the incident page linking organisations, editors' names, merges and
// splits through CSRF-checked forms, and /api/v1/organisations matching the OpenAPI document.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Casebook } from '../../src/app/casebook.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { findOrganisations } from '../../src/app/organisations.ts';
import { openApiDocument } from '../../src/server/api/openapi.ts';
import { createApp } from '../../src/server/app.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { BCC_NOTICE, HIKARI_SECOND_NOTICE, RANSOM_NOTICE, USB_NOTICE } from '../helpers/notices.ts';
import { signIn } from '../helpers/sign-in.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const Ajv2020 = Ajv2020Module.default;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const HOSTILE = '<img src=x onerror=alert(1)>病院';

describe.each(CASEBOOK_ENGINES)('organisation pages and API on $name', (engine) => {
  const dir = tempDir('jikenbo-org-routes-');
  let casebook: Casebook;
  let app: ReturnType<typeof createApp>;
  let hikari: number;
  let hostile: number;
  const doc = openApiDocument() as Json;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: 'openapi', components: doc.components });

  async function conforms(res: Response, path: string): Promise<Json> {
    const spec = doc.paths[path].get.responses[String(res.status)];
    expect(spec, `GET ${path} ${res.status} is documented`).toBeDefined();
    const type = Object.keys(spec.content)[0]!;
    expect(res.headers.get('Content-Type')).toContain(type);
    const body = (await res.json()) as Json;
    expect(ajv.validate({ $ref: spec.content[type].schema.$ref.replace('#/', 'openapi#/') }, body), JSON.stringify(ajv.errors)).toBe(true);
    return body;
  }

  beforeAll(async () => {
    const notices: [string, string][] = [['bcc.txt', BCC_NOTICE], ['hikari2.txt', HIKARI_SECOND_NOTICE], ['ransom.txt', RANSOM_NOTICE], ['usb.txt', USB_NOTICE]];
    for (const [name, text] of notices) writeFileSync(join(dir, name), text);
    casebook = await engine.open(dir, 'org_routes');
    await ingestPaths([dir], casebook);
    app = createApp(casebook, { publicRead: true });
    // A name as hostile as a notice may write one.
    const usb = (await casebook.store.listNotices()).find((n) => n.title?.includes('USB'))!;
    await casebook.store.addCorrection({ target: 'notice', targetId: usb.id, field: 'organization', oldValue: usb.organization, newValue: HOSTILE, by: 'sato', reason: 'test' });
    const page = { offset: 0, limit: 10 };
    hikari = (await findOrganisations(casebook.store, 'ひかり書房', page)).rows[0]!.id;
    hostile = (await findOrganisations(casebook.store, HOSTILE, page)).rows[0]!.id;
  }, 60_000);
  afterAll(async () => casebook?.close());

  it('lists organisations searched by name and paged, names escaped, in both languages', async () => {
    const ja = await (await app.request('/organisations')).text();
    expect(ja).toContain('<h1>組織</h1>');
    expect(ja).toContain('3 組織中 1〜3');
    expect(ja).toContain(`href="/organisations/${hikari}"`);
    expect(ja).not.toContain('<img src=x');
    expect(ja).toContain('&lt;img src=x onerror=alert(1)&gt;病院');
    const en = await (await app.request('/organisations?lang=en&q=%E3%81%B2%E3%81%8B%E3%82%8A')).text();
    expect(en).toContain('Organisations matching “ひかり”');
    expect(en).toContain('1–1 of 1 organisations');
    expect(en).not.toContain(`href="/organisations/${hostile}"`);
    // Past the last page: the last page.
    expect(await (await app.request('/organisations?page=9')).text()).toContain('3 組織中 1〜3');
    const bad = await app.request('/organisations?page=0');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('page');
  });

  it('shows an organisation\'s two incidents with data types and counts, linked both ways', async () => {
    const ja = await (await app.request(`/organisations/${hikari}`)).text();
    expect(ja).toContain('組織: 株式会社ひかり書房');
    expect(ja).toContain('インシデント（2 件）');
    expect(ja).toContain('1,024');
    expect(ja).toContain('312');
    expect(ja).toContain('hikarishobo');
    const links = [...ja.matchAll(/href="(\/incidents\/[^"]+)">#J?\d{4}-\d+</g)].map((m) => m[1]!);
    expect(new Set(links).size).toBe(2);
    // Viewers see no forms.
    expect(ja).not.toContain('action="/organisations/');
    const en = await (await app.request(`/organisations/${hikari}?lang=en`)).text();
    expect(en).toContain('Incidents (2)');
    expect(en).toContain('Names as written');
    // Each incident's page links back to it.
    expect(await (await app.request(links[0]!)).text()).toContain(`href="/organisations/${hikari}"`);
    // A hostile name is escaped on its own page too.
    const page = await (await app.request(`/organisations/${hostile}`)).text();
    expect(page).not.toContain('<img src=x');
    expect((await app.request('/organisations/987654')).status).toBe(404);
    expect((await app.request('/organisations/abc')).status).toBe(400);
  });

  it('shows the organisations the search box matches above its incidents', async () => {
    const res = await (await app.request(`/?q=${encodeURIComponent('ひかり書房')}`)).text();
    const orgs = res.indexOf('class="org-hits"');
    expect(orgs).toBeGreaterThan(-1);
    expect(orgs).toBeLessThan(res.indexOf('class="incidents"'));
    expect(res.slice(orgs)).toContain(`href="/organisations/${hikari}"`);
    expect(await (await app.request(`/?q=${encodeURIComponent('USBメモリ')}`)).text()).not.toContain('class="org-hits"');
  });

  it('lets editors add a name, merge and split through the forms; viewers may not', async () => {
    const editable = createApp(casebook);
    const editor = await signIn(editable, casebook.store, 'sato', 'editor');
    const viewer = await signIn(editable, casebook.store, 'reader', 'viewer');
    expect(await (await editor.get(`/organisations/${hikari}`)).text()).toContain(`action="/organisations/${hikari}/merge"`);
    expect((await viewer.post(`/organisations/${hikari}/names`, { kind: 'alias', value: 'Hikari Books' })).status).toBe(403);
    expect((await editor.post(`/organisations/${hikari}/names`, { kind: 'alias', value: 'Hikari Books' }, { Origin: 'http://evil.example' })).status).toBe(403);
    const bad = await editor.post(`/organisations/${hikari}/names`, { kind: 'domain', value: 'not a domain' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('「ドメイン」の値として「not a domain」は読み取れません');
    expect((await editor.post(`/organisations/${hikari}/names`, { kind: 'nickname', value: 'x' })).status).toBe(400);
    const added = await editor.post(`/organisations/${hikari}/names`, { kind: 'alias', value: 'Hikari <Books>' });
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe(`/organisations/${hikari}`);
    expect(await (await editor.get(`/organisations/${hikari}`)).text()).toContain('Hikari &lt;Books&gt;');

    const incidents = (await (await app.request(`/api/v1/organisations/${hikari}`)).json() as Json).incidents as Json[];
    const split = await editor.post(`/organisations/${hikari}/split`, { incidents: incidents[1]!.number, reason: '同名の別会社' });
    expect(split.status).toBe(303);
    const splitId = Number(/\/organisations\/(\d+)$/.exec(split.headers.get('location')!)![1]);
    expect(splitId).not.toBe(hikari);
    expect(await (await editor.get(`/organisations/${splitId}`)).text()).toContain('sato が分割');
    expect((await editor.post(`/organisations/${hikari}/split`, {})).status).toBe(400);

    expect((await editor.post(`/organisations/${splitId}/merge`, { into: 'x' })).status).toBe(400);
    const merged = await editor.post(`/organisations/${splitId}/merge`, { into: String(hikari), reason: '同じ会社だった' });
    expect(merged.status).toBe(303);
    expect(merged.headers.get('location')).toBe(`/organisations/${hikari}`);
    const moved = await editor.get(`/organisations/${splitId}`);
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe(`/organisations/${hikari}`);
    expect((await editor.post(`/organisations/${splitId}/merge`, { into: String(hikari) })).status).toBe(409);
    const actions = (await casebook.store.listAudit({ actor: 'sato' })).map((e) => e.action).filter((a) => a.startsWith('organisation.'));
    expect(actions).toEqual(['organisation.merge', 'organisation.split', 'organisation.name']);
  });

  it('answers /api/v1/organisations as the OpenAPI document says, paged with a cursor', async () => {
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/organisations', '/api/v1/organisations/{id}']));
    const first = await conforms(await app.request('/api/v1/organisations?limit=2'), '/api/v1/organisations');
    expect(first.total).toBe(3);
    expect(first.items).toHaveLength(2);
    const second = await conforms(await app.request(`/api/v1/organisations?limit=2&cursor=${first.next_cursor}`), '/api/v1/organisations');
    expect(second.next_cursor).toBeNull();
    const ids = [...first.items, ...second.items].map((o: Json) => o.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids).toEqual(expect.arrayContaining([hikari, hostile]));
    const byDomain = await conforms(await app.request('/api/v1/organisations?q=minato-seiki.co.jp'), '/api/v1/organisations');
    expect(byDomain.items.map((o: Json) => o.name)).toEqual(['株式会社みなと精機']);
    const detail = await conforms(await app.request(`/api/v1/organisations/${hikari}`), '/api/v1/organisations/{id}');
    expect(detail).toMatchObject({ id: hikari, name: '株式会社ひかり書房', incidents: expect.any(Array) });
    expect(detail.incidents.map((i: Json) => i.affected_count)).toEqual([1024, 312]);
    expect(detail.incidents[0].data_types).toContain('credit_card');
    expect((await conforms(await app.request('/api/v1/organisations/987654'), '/api/v1/organisations/{id}')).status).toBe(404);
    const bad = await conforms(await app.request('/api/v1/organisations?limit=0'), '/api/v1/organisations');
    expect(bad).toMatchObject({ status: 400, field: 'limit' });
    expect((await conforms(await app.request('/api/v1/organisations?x=1'), '/api/v1/organisations')).status).toBe(400);
    expect((await conforms(await app.request('/api/v1/organisations?cursor=nope'), '/api/v1/organisations')).field).toBe('cursor');
  });
});
