// The claims page: unconfirmed claims escaped, proposals with a confirm form, CSRF-checked POST, confirmed claims of an incident.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Casebook } from '../../src/app/casebook.ts';
import { confirmedClaimsOf } from '../../src/app/claims.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { createApp } from '../../src/server/app.ts';
import { RANSOM_NOTICE, USB_NOTICE } from '../helpers/notices.ts';
import { addAccount, createApiToken } from '../../src/app/accounts.ts';
import { signIn } from '../helpers/sign-in.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const dir = tempDir();

describe.each(CASEBOOK_ENGINES)('/claims on $name', (engine) => {
  let casebook: Casebook;
  let incident: number;
  let other: number;
  let claimId: number;

  beforeAll(async () => {
    casebook = await engine.open(dir, 'claims-web');
    writeFileSync(join(dir, 'minato.txt'), RANSOM_NOTICE);
    writeFileSync(join(dir, 'usb.txt'), USB_NOTICE);
    await ingestPaths([join(dir, 'minato.txt'), join(dir, 'usb.txt')], casebook);
    const incidents = await casebook.store.listIncidents();
    expect(incidents).toHaveLength(2);
    incident = (await casebook.store.incidentOfNotice((await casebook.store.listNotices()).find((n) => n.title?.includes('ランサムウェア'))!.id))!;
    other = incidents.find((i) => i.id !== incident)!.id;
    await casebook.store.addClaims([
      { group: 'qilin', victim: 'Minato Seiki Co., Ltd.', domain: 'minato-seiki.co.jp', country: 'JP', discovered: '2024-09-10T12:00:00', discoveredDate: '2024-09-10', source: 'test' },
      { group: 'play', victim: '<script>alert(1)</script>', domain: null, country: null, discovered: '2024-09-11T00:00:00', discoveredDate: '2024-09-11', source: 'test' },
    ]);
    claimId = (await casebook.store.listClaims())[0]!.id;
    return () => casebook.close();
  });

  it('lists unconfirmed claims, escaped, with proposals; the confirm form only for editors', async () => {
    const app = createApp(casebook);
    const editor = await signIn(app, casebook.store, 'sato', 'editor');
    const res = await editor.get('/claims?month=2024-09');
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain('Minato Seiki Co., Ltd.');
    expect(body).not.toContain('<script>alert(1)</script>');
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).toContain(`action="/claims/${claimId}/confirm"`);
    expect(body).toContain(`href="/incidents/${incident}"`);
    expect((await editor.get('/claims?month=2024-99')).status).toBe(400);
    const viewer = await signIn(app, casebook.store, 'reader', 'viewer');
    const seen = await (await viewer.get('/claims?month=2024-09')).text();
    expect(seen).toContain('Minato Seiki Co., Ltd.');
    expect(seen).not.toContain(`action="/claims/${claimId}/confirm"`);
  });

  it('confirms through a same-origin POST with the session\'s token only, under the signed-in name', async () => {
    const app = createApp(casebook);
    const editor = await signIn(app, casebook.store, 'sato', 'editor');
    const viewer = await signIn(app, casebook.store, 'reader', 'viewer');
    const foreign = await editor.post(`/claims/${claimId}/confirm`, { incident: String(incident) }, { Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect((await viewer.post(`/claims/${claimId}/confirm`, { incident: String(incident) })).status).toBe(403);
    expect((await editor.post(`/claims/${claimId}/confirm`, { incident: 'x' })).status).toBe(400);
    expect(await confirmedClaimsOf(casebook.store, incident)).toEqual([]);
    const ok = await editor.post(`/claims/${claimId}/confirm`, { incident: String(incident), name: 'mallory' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/incidents/${incident}`);
    const api = await (await editor.get(`/api/incidents/${incident}/claims`)).json() as { claims: Array<{ claim: { victim: string }; link: { by: string } }> };
    expect(api.claims.map((x) => [x.claim.victim, x.link.by])).toEqual([['Minato Seiki Co., Ltd.', 'sato']]);
    // The incident page shows the confirmed claim, and who confirmed it.
    const page = await (await editor.get(`/incidents/${incident}`)).text();
    expect(page).toContain('Minato Seiki Co., Ltd.');
    expect(page).toMatch(/sato/);
    // Confirmed claims leave the page of unconfirmed ones.
    expect(await (await editor.get('/claims')).text()).not.toContain('Minato Seiki Co., Ltd.');
    const [audit] = await casebook.store.listAudit({ action: 'claim.confirm' });
    expect(audit).toMatchObject({ actor: 'sato', subject: `claim:${claimId}` });
    // One claim, one incident: confirming it for another is refused.
    expect((await editor.post(`/claims/${claimId}/confirm`, { incident: String(other) })).status).toBe(409);
  });

  it('un-confirms from the incident page, with a reason, for editors only; the claim is proposed again', async () => {
    const app = createApp(casebook);
    const editor = await signIn(app, casebook.store, 'sato', 'editor');
    const viewer = await signIn(app, casebook.store, 'reader', 'viewer');
    expect(await (await editor.get(`/incidents/${incident}`)).text()).toContain(`action="/claims/${claimId}/unconfirm"`);
    expect(await (await viewer.get(`/incidents/${incident}`)).text()).not.toContain(`action="/claims/${claimId}/unconfirm"`);
    expect((await viewer.post(`/claims/${claimId}/unconfirm`, { reason: 'x' })).status).toBe(403);
    expect((await editor.post(`/claims/${claimId}/unconfirm`, { reason: '  ' })).status).toBe(400);
    const done = await editor.post(`/claims/${claimId}/unconfirm`, { reason: '別の会社の声明だった' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`/incidents/${incident}`);
    expect(await confirmedClaimsOf(casebook.store, incident)).toEqual([]);
    expect(await (await editor.get('/claims')).text()).toContain('Minato Seiki Co., Ltd.');
    expect((await editor.post(`/claims/${claimId}/unconfirm`, { reason: 'again' })).status).toBe(404);
    const [audit] = await casebook.store.listAudit({ action: 'claim.unconfirm' });
    expect(audit).toMatchObject({ actor: 'sato', subject: `claim:${claimId}`, after: { reason: '別の会社の声明だった' } });
  });

  it('confirms and un-confirms through /api/v1 with an editor\'s token, one incident a claim', async () => {
    const app = createApp(casebook);
    await addAccount(casebook.store, { name: 'bot-editor', role: 'editor', password: 'a long enough password' }, 'test');
    await addAccount(casebook.store, { name: 'bot-viewer', role: 'viewer', password: 'a long enough password' }, 'test');
    const { token } = await createApiToken(casebook.store, 'bot-editor', { label: 'claims', scope: 'ingest', madeIn: 'cli' }, 'test');
    const { token: readToken } = await createApiToken(casebook.store, 'bot-viewer', { label: 'r', scope: 'ingest', madeIn: 'cli' }, 'test');
    const call = (path: string, body: unknown, bearer = token) => app.request(`http://localhost${path}`, {
      method: 'POST', body: JSON.stringify(body), headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
    });
    const number = (await casebook.store.getIncident(other))!.number!;
    expect((await call(`/api/v1/claims/${claimId}/confirm`, { incident: other }, readToken)).status).toBe(403);
    expect((await call(`/api/v1/claims/${claimId}/confirm`, { incident: 'x' })).status).toBe(400);
    const confirmed = await call(`/api/v1/claims/${claimId}/confirm`, { incident: number });
    expect(confirmed.status).toBe(201);
    expect(await confirmed.json()).toMatchObject({ claim_id: claimId, incident_id: other, by: 'bot-editor', undone: null });
    const refused = await call(`/api/v1/claims/${claimId}/confirm`, { incident });
    expect(refused.status).toBe(409);
    expect((await refused.json() as { detail: string }).detail).toMatch(/already: a claim is about one incident/);
    expect((await call(`/api/v1/claims/${claimId}/unconfirm`, {})).status).toBe(400);
    const undone = await call(`/api/v1/claims/${claimId}/unconfirm`, { reason: 'wrong incident' });
    expect(undone.status).toBe(200);
    expect(await undone.json()).toMatchObject({ incident_id: other, undone: { by: 'bot-editor', reason: 'wrong incident' } });
    expect((await call(`/api/v1/claims/${claimId}/unconfirm`, { reason: 'again' })).status).toBe(404);
    expect((await call(`/api/v1/claims/${claimId}/confirm`, { incident })).status).toBe(201);
    expect((await casebook.store.listClaimLinks({ claimId, includeUndone: true })).map((l) => l.undone === null)).toEqual([false, false, true]);
  });
});
