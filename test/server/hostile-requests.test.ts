// Requests an attacker would send: SQL in every filter, sort and search parameter; paths that climb
// out of the archive; bodies over their limit; and the security headers on every kind of answer.
// Nothing may change, nothing may leak, and every refusal is a 4xx.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Casebook } from '../../src/app/casebook.ts';
import { checkCasebook } from '../../src/app/check.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { createApp } from '../../src/server/app.ts';
import { BCC_NOTICE, RANSOM_NOTICE, USB_NOTICE } from '../helpers/notices.ts';
import { ORIGIN, signIn } from '../helpers/sign-in.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const SQL = [
  "' OR '1'='1", "1; DROP TABLE notices; --", "healthcare' --", '1 UNION SELECT sha256 FROM documents',
  "') OR 1=1 --", '%', '*', '"', "漏洩' OR 1=1 --", 'NEAR(a b)', 'body:x', '\\', '0x00', '-1',
];
const PAGES: Array<{ path: string; params: string[] }> = [
  { path: '/', params: ['q', 'type', 'sector', 'data', 'year', 'month', 'from', 'to', 'contractor', 'ppc', 'attacker', 'review', 'sort', 'page'] },
  { path: '/notices', params: ['q', 'type', 'sector', 'from', 'to', 'page', 'sort'] },
  { path: '/dashboard', params: ['q', 'type', 'sector', 'from', 'to'] },
  { path: '/export.csv', params: ['q', 'type', 'sector', 'from', 'to'] },
  { path: '/feed.atom', params: ['q', 'type', 'sector'] },
  { path: '/api/v1/incidents', params: ['q', 'type', 'sector', 'from', 'to', 'limit', 'cursor'] },
  { path: '/api/v1/search', params: ['q', 'type', 'sector', 'from', 'to', 'limit'] },
  { path: '/api/v1/stats', params: ['by', 'type', 'sector'] },
  { path: '/api/notices', params: ['type', 'sector', 'from', 'to', 'limit', 'offset'] },
  { path: '/claims', params: ['month', 'jp'] },
  { path: '/admin/audit', params: ['actor', 'action', 'before'] },
];

describe.each(CASEBOOK_ENGINES)('hostile requests on $name', (engine) => {
  const dir = tempDir();
  let casebook: Casebook;
  let app: ReturnType<typeof createApp>;
  let cookie = '';
  let counts: unknown;

  const census = async () => ({
    notices: await casebook.store.countNotices(), incidents: await casebook.store.countIncidents(),
    audit: (await casebook.store.listAudit({ limit: 500 })).filter((e) => !e.action.startsWith('session.')).length,
  });

  beforeAll(async () => {
    writeFileSync(join(dir, 'usb.txt'), USB_NOTICE);
    writeFileSync(join(dir, 'bcc.txt'), BCC_NOTICE);
    writeFileSync(join(dir, 'ransom.txt'), RANSOM_NOTICE);
    casebook = await engine.open(dir, 'hostile');
    await ingestPaths([dir], casebook);
    app = createApp(casebook);
    cookie = (await signIn(app, casebook.store, 'kanri', 'admin')).cookie;
    counts = await census();
  }, 30_000);
  afterAll(async () => casebook.close());

  it('answers SQL in every filter, sort and search parameter with 400 or plain results, and changes nothing', async () => {
    const seen = new Set<number>();
    for (const { path, params } of PAGES) {
      for (const param of params) {
        for (const value of SQL) {
          const res = await app.request(`${ORIGIN}${path}?${new URLSearchParams({ [param]: value })}`, { headers: { Cookie: cookie } });
          seen.add(res.status);
          expect([200, 400], `${path}?${param}=${value} answered ${res.status}`).toContain(res.status);
          const body = await res.text();
          expect(body, `${path}?${param}=${value}`).not.toMatch(/SQLITE_|syntax error|sqlite3|at Object\.|    at /);
        }
      }
    }
    expect(seen).toEqual(new Set([200, 400]));
    expect(await census()).toEqual(counts);
    expect((await checkCasebook(casebook)).problems).toEqual([]);
  });

  it('refuses paths that climb out of the archive or the app', async () => {
    for (const path of [
      '/documents/..%2F..%2F..%2Fetc%2Fpasswd/original', '/documents/1%2F..%2F..%2Fpackage.json/original', '/documents/-1/original',
      '/documents/1e3/original', '/dashboard/..%2F..%2Fpackage.json', '/static/..%2F..%2Fpackage.json', '/static/../package.json',
      '/notices/..%2F..%2Fetc%2Fpasswd', '/incidents/1%00',
    ]) {
      const res = await app.request(ORIGIN + path, { headers: { Cookie: cookie } });
      expect([400, 404], `${path} answered ${res.status}`).toContain(res.status);
      expect(await res.text()).not.toMatch(/"name": "jikenbo"|root:x:0/);
    }
  });

  it('refuses bodies over their limit', async () => {
    const admin = await signIn(app, casebook.store, 'kanri', 'admin');
    const big = await admin.post('/admin/accounts', { name: 'x', role: 'viewer', password: 'p'.repeat(300 * 1024) });
    expect(big.status).toBe(413);
    expect(await casebook.store.getAccountByName('x')).toBeNull();
  });

  it('sends CSP without unsafe-inline, nosniff and frame-ancestors none on pages, API, files and errors alike', async () => {
    const notice = (await casebook.store.listNotices())[0]!;
    for (const path of ['/', '/notices', `/notices/${notice.id}`, '/dashboard', '/export.csv', '/feed.atom', '/api/v1/incidents',
      `/documents/${notice.documentId}/original`, '/static/app.css', '/nope', '/notices/abc', '/login', '/admin']) {
      for (const headers of [{ Cookie: cookie }, {}] as Array<Record<string, string>>) {
        const res = await app.request(ORIGIN + path, { headers });
        const csp = res.headers.get('content-security-policy') ?? '';
        expect(csp, path).toContain("frame-ancestors 'none'");
        expect(csp, path).toContain("default-src 'none'");
        expect(csp, path).not.toContain('unsafe-inline');
        expect(csp, path).not.toContain('unsafe-eval');
        expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      }
    }
  });
});
