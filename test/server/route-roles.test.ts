// Every route of the web app against every kind of visitor: anonymous (with and without
// --public-read), viewer, editor and admin. The table below says, by hand, what each route needs; a
// route the app serves that the table does not list fails the suite, so no new route goes unjudged.
// A refused request is 401 (not signed in) or 403 (signed in, role too low) and changes nothing;
// an allowed one gets past the guard (it may still answer 400 or 404 for the empty form sent).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Casebook } from '../../src/app/casebook.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { createApp } from '../../src/server/app.ts';
import { USB_NOTICE } from '../helpers/notices.ts';
import { ORIGIN, signIn, type Client } from '../helpers/sign-in.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { tempDir } from '../helpers/temp-dir.ts';

type Need = 'public' | 'self' | 'read' | 'edit' | 'admin';
const EXPECTED: Record<string, Need> = {
  'GET /static/app.css': 'public', 'GET /static/review.js': 'public', 'GET /login': 'public', 'POST /login': 'public',
  'POST /logout': 'self', 'GET /account': 'self', 'POST /account/password': 'self', 'POST /account/tokens': 'self',
  'POST /account/tokens/:id/revoke': 'self',
  'GET /': 'read', 'GET /incidents/:id': 'read', 'GET /notices': 'read', 'GET /notices/:id': 'read', 'GET /notices/:id/text': 'read',
  'GET /documents/:id/original': 'read', 'GET /claims': 'read', 'GET /dashboard': 'read', 'GET /review': 'read', 'GET /dashboard/:file': 'read',
  'GET /export.csv': 'read', 'GET /export.jsonl': 'read', 'GET /feed.atom': 'read',
  'GET /watchlists': 'read', 'GET /watchlists/:id': 'read', 'GET /watchlists/:id/feed.atom': 'read',
  'GET /api/notices': 'read', 'GET /api/notices/:id': 'read', 'GET /api/incidents/:id/claims': 'read',
  'GET /api/stats': 'read', 'GET /api/stats/damages': 'read', 'GET /api/stats/duty': 'read', 'GET /api/openapi.json': 'read',
  'GET /api/v1/incidents': 'read', 'GET /api/v1/incidents/:id': 'read', 'GET /api/v1/incidents/:id/corrections': 'read', 'GET /api/v1/notices/:id': 'read',
  'GET /api/v1/search': 'read', 'GET /api/v1/stats': 'read', 'GET /api/v1/claims': 'read',
  'GET /organisations': 'read', 'GET /organisations/:id': 'read', 'GET /api/v1/organisations': 'read', 'GET /api/v1/organisations/:id': 'read',
  'POST /organisations/:id/names': 'edit', 'POST /organisations/:id/merge': 'edit', 'POST /organisations/:id/split': 'edit',
  'POST /incidents/:id/review': 'edit', 'POST /incidents/:id/publish': 'edit', 'POST /corrections/:id/revert': 'edit', 'POST /incidents/:id/link': 'edit',
  'POST /notices/:id/unlink': 'edit', 'POST /claims/:id/confirm': 'edit', 'POST /claims/:id/unconfirm': 'edit',
  'POST /api/v1/claims/:id/confirm': 'edit', 'POST /api/v1/claims/:id/unconfirm': 'edit', 'POST /api/v1/notices': 'edit',
  'POST /api/v1/incidents/:id/corrections': 'edit',
  'GET /admin': 'admin', 'GET /admin/audit': 'admin', 'GET /admin/watch': 'admin', 'POST /admin/accounts': 'admin',
  'POST /admin/accounts/:name': 'admin', 'POST /admin/tokens/:id/revoke': 'admin', 'POST /admin/watch': 'admin',
  'POST /admin/watch/:id/pause': 'admin', 'POST /admin/watch/:id/resume': 'admin', 'POST /admin/watch/:id/remove': 'admin',
};

type Visitor = 'anonymous' | 'public reader' | 'viewer' | 'editor' | 'admin';
const VISITORS: Visitor[] = ['anonymous', 'public reader', 'viewer', 'editor', 'admin'];

function allowed(need: Need, visitor: Visitor): boolean {
  if (need === 'public') return true;
  if (visitor === 'anonymous') return false;
  if (visitor === 'public reader') return need === 'read';
  if (need === 'self' || need === 'read') return true;
  if (need === 'edit') return visitor === 'editor' || visitor === 'admin';
  return visitor === 'admin';
}

const ROUTES = Object.keys(EXPECTED).sort();
const CASES = ROUTES.flatMap((route) => VISITORS.map((visitor) => ({ route, visitor, need: EXPECTED[route]!, ok: allowed(EXPECTED[route]!, visitor) })));

describe.each(CASEBOOK_ENGINES)('who may use each route on $name', (engine) => {
  const dir = tempDir();
  let casebook: Casebook;
  let closed: ReturnType<typeof createApp>;
  let open: ReturnType<typeof createApp>;
  const clients = new Map<Visitor, Client>();
  let noticeId = 0;

  beforeAll(async () => {
    writeFileSync(join(dir, 'usb.txt'), USB_NOTICE);
    casebook = await engine.open(dir, 'roles');
    await ingestPaths([dir], casebook);
    noticeId = (await casebook.store.listNotices())[0]!.id;
    closed = createApp(casebook);
    open = createApp(casebook, { publicRead: true });
    for (const role of ['viewer', 'editor', 'admin'] as const) clients.set(role, await signIn(closed, casebook.store, `${role}1`, role));
  }, 60_000);
  afterAll(async () => casebook.close());

  it('judges every route the app serves, and only those', () => {
    const served = [...new Set(closed.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))].sort();
    expect(served).toEqual(ROUTES);
  });

  const pathOf = (route: string) => route.split(' ')[1]!
    .replace(':id', String(noticeId)).replace(':file', 'types.svg').replace(':name', 'nobody-here');

  it.each(CASES)('$route as $visitor: $ok', async ({ route, visitor, ok }) => {
    const [method] = route.split(' ');
    const path = pathOf(route);
    // Signing out would end the shared session: that case signs in a session of its own.
    const client = route === 'POST /logout' && visitor !== 'anonymous' && visitor !== 'public reader'
      ? await signIn(closed, casebook.store, `${visitor}1`, visitor as 'viewer')
      : clients.get(visitor);
    const app = visitor === 'public reader' ? open : closed;
    let res: Response;
    if (method === 'GET') {
      res = client ? await client.get(path) : await app.request(ORIGIN + path);
    } else {
      res = client ? await client.post(path, {}) : await app.request(ORIGIN + path, {
        method: 'POST', body: new URLSearchParams({}), headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
      });
    }
    if (ok) {
      expect([401, 403], `${route} as ${visitor} answered ${res.status}`).not.toContain(res.status);
      if (method === 'GET' && res.status === 303) expect(res.headers.get('location')).not.toMatch(/^\/login/);
    } else if (method === 'GET' && !path.startsWith('/api/') && visitor !== 'viewer' && visitor !== 'editor') {
      // A page asked for without signing in leads to the sign-in form, and back afterwards.
      expect(res.status, `${route} as ${visitor}`).toBe(303);
      expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent(path)}`);
    } else {
      expect(res.status, `${route} as ${visitor}`).toBe(visitor === 'anonymous' || visitor === 'public reader' ? 401 : 403);
    }
  });

  it('let no refused request change anything: the audit log holds only the test\'s own setup', async () => {
    const actions = (await casebook.store.listAudit({ limit: 500 })).map((e) => `${e.actor} ${e.action}`);
    expect(actions.filter((a) => !/ (session\.sign_in|session\.sign_out|account\.add|document\.ingest)$/.test(a))).toEqual([]);
  });
});
