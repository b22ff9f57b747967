// Corrections through the JSON API: a change needs a reason (400 naming `reason`), a confirmation does
// not; the reason comes back in the correction and in the incident's history; only an editor's token
// of scope ingest may write; a notice of another incident is refused; the OpenAPI document lists both.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, createApiToken } from '../../src/app/accounts.ts';
import type { Casebook } from '../../src/app/casebook.ts';
import { loadIncidentFacts } from '../../src/app/incident-facts.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { openApiDocument } from '../../src/server/api/openapi.ts';
import { createApp } from '../../src/server/app.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { BCC_NOTICE, USB_NOTICE } from '../helpers/notices.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe.each(CASEBOOK_ENGINES)('corrections through the API on $name', (engine) => {
  const dir = tempDir();
  let casebook: Casebook;
  let app: ReturnType<typeof createApp>;
  let editorToken = '';
  let viewerToken = '';
  let usb = 0;
  let bccNotice = 0;

  beforeAll(async () => {
    writeFileSync(join(dir, 'usb.txt'), USB_NOTICE);
    writeFileSync(join(dir, 'bcc.txt'), BCC_NOTICE);
    casebook = await engine.open(dir, 'api-corrections');
    await ingestPaths([dir], casebook);
    app = createApp(casebook);
    await addAccount(casebook.store, { name: 'editor', role: 'editor', password: 'a long enough password' }, 'test');
    await addAccount(casebook.store, { name: 'reader', role: 'viewer', password: 'a long enough password' }, 'test');
    editorToken = (await createApiToken(casebook.store, 'editor', { label: 'review script', scope: 'ingest', madeIn: 'cli' }, 'test')).token;
    viewerToken = (await createApiToken(casebook.store, 'reader', { label: 'read', scope: 'read', madeIn: 'cli' }, 'test')).token;
    const facts = await loadIncidentFacts(casebook.store);
    usb = facts.find((f) => f.incidentTypes.includes('loss'))!.id;
    bccNotice = facts.find((f) => f.incidentTypes.includes('misdelivery'))!.noticeIds[0]!;
  });
  afterAll(async () => casebook.close());

  const post = (id: number, body: unknown, token = editorToken) => app.request(`/api/v1/incidents/${id}/corrections`, {
    method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
  });

  it('refuses a change without a reason, naming the field, and keeps nothing', async () => {
    const res = await post(usb, { field: 'affected_count', value: '4万8,215名' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ field: 'reason', detail: expect.stringContaining('needs a reason') });
    expect((await casebook.store.listCorrections('incident', usb))).toEqual([]);
  });

  it('stores a change with its reason and a confirmation without one; the history gives both', async () => {
    const res = await post(usb, { field: 'affected_count', value: '4万8,215名', reason: '第2報の本文に4万8,215名とある' });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ target: 'incident', target_id: usb, field: 'affected_count', new_value: 48215, by: 'editor', reason: '第2報の本文に4万8,215名とある' });
    const sector = (await loadIncidentFacts(casebook.store)).find((f) => f.id === usb)!.sector!;
    const confirm = await post(usb, { field: 'sector', value: sector });
    expect(confirm.status).toBe(201);
    expect(await confirm.json()).toMatchObject({ field: 'sector', old_value: sector, new_value: sector, reason: null });
    const history = await (await app.request(`/api/v1/incidents/${usb}/corrections`, { headers: { Authorization: `Bearer ${viewerToken}` } })).json() as { corrections: { field: string; reason: string | null }[] };
    expect(history.corrections.map((c) => [c.field, c.reason])).toEqual([['affected_count', '第2報の本文に4万8,215名とある'], ['sector', null]]);
  });

  it('lets no reader\'s token write, and refuses a notice of another incident and unknown keys', async () => {
    expect((await post(usb, { field: 'sector', value: 'it', reason: 'x' }, viewerToken)).status).toBe(403);
    const other = await post(usb, { target: `notice:${bccNotice}`, field: 'sector', value: 'it', reason: '本文による' });
    expect(other.status).toBe(404);
    const extra = await post(usb, { field: 'sector', value: 'it', reason: '本文による', by: 'someone else' });
    expect(extra.status).toBe(400);
    expect(await extra.json()).toMatchObject({ field: 'by' });
  });

  it('is in the OpenAPI document with its JSON body', () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>> };
    expect(Object.keys(doc.paths['/api/v1/incidents/{id}/corrections']!).sort()).toEqual(['get', 'post']);
    expect(doc.paths['/api/v1/incidents/{id}/corrections']!.post!.requestBody!.content).toHaveProperty('application/json');
  });
});
