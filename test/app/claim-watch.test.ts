// Leak-site trackers polled like watched pages, against a local server: the first poll imports, an
// unchanged list is a 304 that costs nothing, a changed list adds only its new claims, a broken body is
// that source's recorded failure (the others go on, nothing stored is lost), and the address guard holds.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCasebook, type Casebook } from '../../src/app/casebook.ts';
import { importClaimsFile, listClaims } from '../../src/app/claims.ts';
import { watchJobLog } from '../../src/app/job-log.ts';
import { createLogger } from '../../src/app/log.ts';
import {
  addClaimSource, addWatchSource, findWatchSource, listClaimSources, parseInterval, removeClaimSource, runWatch, startWatchTimer,
} from '../../src/app/watch.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { localServer, type LocalServer } from '../sources/local-server.ts';

const FIXTURES = resolve('test/fixtures/claims/watch');
const FIRST = readFileSync(join(FIXTURES, 'recentvictims-1.json'), 'utf8');
const SECOND = readFileSync(join(FIXTURES, 'recentvictims-2.json'), 'utf8');
const POSTS = readFileSync(join(FIXTURES, 'posts.json'), 'utf8');
const GROUPS_LIST = JSON.stringify([{ name: 'fictional', captcha: false, parser: true, locations: [{ fqdn: 'fictional.onion', available: true }] }]);

const dir = tempDir();

/** A tracker that serves `body` with an ETag and Last-Modified of its version, and a 304 to a request that names them. */
interface Tracker {
  body: string;
  version: number;
  contentType: string;
}

function serveTracker(server: LocalServer, path: string, tracker: Tracker): void {
  server.route(path, (req, res) => {
    const etag = `"${path}-v${tracker.version}"`;
    const modified = new Date(Date.UTC(2025, 2, 1 + tracker.version)).toUTCString();
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ETag: etag, 'Last-Modified': modified });
      res.end();
      return;
    }
    res.writeHead(200, { 'Content-Type': tracker.contentType, ETag: etag, 'Last-Modified': modified });
    res.end(tracker.body);
  });
}

describe('watching leak-site trackers', () => {
  let server: LocalServer;
  let casebook: Casebook;
  let clock = new Date('2025-03-10T00:00:00Z');
  const now = () => clock;
  const live: Tracker = { body: FIRST, version: 1, contentType: 'application/json' };
  const posts: Tracker = { body: POSTS, version: 1, contentType: 'application/json; charset=utf-8' };
  const requests = (path: string) => server.log.filter((r) => r.path === path);
  const victims = async () => (await listClaims(casebook.store)).map((c) => c.victim).sort();

  beforeAll(async () => {
    server = await localServer();
    serveTracker(server, '/v2/recentvictims', live);
    serveTracker(server, '/posts.json', posts);
    casebook = await openCasebook(join(dir, 'claims-watch.db'));
  });
  afterAll(async () => casebook.close());

  it('imports the claims of a first poll as claims import would, and keeps the validators', async () => {
    const source = await addClaimSource(casebook.store, `${server.base}/v2/recentvictims`, {
      everySeconds: parseInterval('6h'), format: 'ransomware-live', allowPrivate: true,
    });
    expect(source).toMatchObject({ kind: 'claims', claimFormat: 'ransomware-live', lastStatus: null, lastAdded: null, totalAdded: 0 });

    const report = await runWatch(casebook, { now });
    expect(report.checked).toHaveLength(1);
    const [check] = report.checked;
    expect(check).toMatchObject({ status: 'changed', claims: { records: 3, added: 3, existing: 0, problems: [] } });
    expect(check!.source).toMatchObject({
      etag: '"/v2/recentvictims-v1"', lastModified: 'Sun, 02 Mar 2025 00:00:00 GMT',
      lastStatus: 'changed', lastAdded: 3, totalAdded: 3, failures: 0, lastCheckedAt: '2025-03-10T00:00:00.000Z',
      nextCheckAt: '2025-03-10T06:00:00.000Z',
    });
    // The first request is unconditional: nothing was stored to name.
    expect(requests('/v2/recentvictims')[0]!.headers['if-none-match']).toBeUndefined();

    const claims = await listClaims(casebook.store);
    expect(claims.map((c) => [c.group, c.victim, c.domain, c.country, c.discoveredDate, c.source])).toEqual([
      ['qilin', 'Tsukimi Kogyo', 'tsukimi-kogyo.example', 'JP', '2025-03-03', `ransomware.live v2: ${server.base}/v2/recentvictims`],
      ['akira', 'Lanternpeak Outfitters', 'lanternpeak-outfitters.example', 'US', '2025-03-05', `ransomware.live v2: ${server.base}/v2/recentvictims`],
      ['lockbit3', 'kawasemi-logistics.example', 'kawasemi-logistics.example', null, '2025-03-06', `ransomware.live v2: ${server.base}/v2/recentvictims`],
    ]);
    // The same Japanese-victim reading as imported claims get.
    expect((await listClaims(casebook.store, { country: 'jp' })).map((c) => c.victim)).toEqual(['Tsukimi Kogyo']);
    // The same dedupe: the same list imported from a file adds nothing.
    expect(await importClaimsFile(casebook.store, join(FIXTURES, 'recentvictims-1.json'))).toMatchObject({ records: 3, added: 0, existing: 3 });
  });

  it('asks again with If-None-Match and If-Modified-Since, and a 304 imports nothing', async () => {
    clock = new Date('2025-03-10T01:00:00Z');
    expect((await runWatch(casebook, { now })).checked).toEqual([]); // not due yet
    clock = new Date('2025-03-10T06:00:00Z');
    const report = await runWatch(casebook, { now });
    expect(report.checked.map((c) => [c.status, c.claims])).toEqual([['not_modified', undefined]]);
    const asked = requests('/v2/recentvictims').at(-1)!.headers;
    expect(asked['if-none-match']).toBe('"/v2/recentvictims-v1"');
    expect(asked['if-modified-since']).toBe('Sun, 02 Mar 2025 00:00:00 GMT');
    expect(report.checked[0]!.source).toMatchObject({ lastStatus: 'not_modified', lastAdded: 0, totalAdded: 3, etag: '"/v2/recentvictims-v1"' });
    expect(await victims()).toHaveLength(3);
  });

  it('imports only the new claims of a changed list', async () => {
    live.body = SECOND;
    live.version = 2;
    clock = new Date('2025-03-10T12:00:00Z');
    const [check] = (await runWatch(casebook, { now })).checked;
    expect(check).toMatchObject({ status: 'changed', claims: { records: 5, added: 2, existing: 3, problems: [] } });
    expect(check!.source).toMatchObject({ etag: '"/v2/recentvictims-v2"', lastStatus: 'changed', lastAdded: 2, totalAdded: 5 });
    expect(await victims()).toEqual(['Hotaru Clinic Group', 'Lanternpeak Outfitters', 'Millbrook Academy', 'Tsukimi Kogyo', 'kawasemi-logistics.example']);
  });

  it('records a broken body as that source\'s failure, keeps every stored claim, and checks the other sources', async () => {
    await addClaimSource(casebook.store, `${server.base}/posts.json`, { format: 'ransomwatch', allowPrivate: true });
    const stored = await listClaims(casebook.store);
    live.body = '<html><body>Checking your browser…</body></html>';
    live.version = 3;
    live.contentType = 'text/html';
    clock = new Date('2025-03-10T18:00:00Z');
    const report = await runWatch(casebook, { now });
    const byPath = (path: string) => report.checked.find((c) => c.source.url.endsWith(path))!;
    expect(byPath('/v2/recentvictims')).toMatchObject({ status: 'failed', error: expect.stringMatching(/recentvictims: not JSON/) });
    expect(byPath('/v2/recentvictims').source).toMatchObject({
      lastStatus: 'failed', lastAdded: 0, totalAdded: 5, failures: 1, nextCheckAt: '2025-03-10T18:15:00.000Z',
      // The last good body's validators stay: the next poll fetches the changed body whole.
      etag: '"/v2/recentvictims-v2"',
    });
    expect(byPath('/posts.json')).toMatchObject({ status: 'changed', claims: { records: 2, added: 2, existing: 0 } });
    expect(await listClaims(casebook.store)).toEqual(expect.arrayContaining(stored));
    expect(await victims()).toHaveLength(7);

    // Wrong shape: JSON, but the tracker's group list rather than its victims; then an object holding no list.
    live.body = GROUPS_LIST;
    live.version = 4;
    live.contentType = 'application/json';
    clock = new Date('2025-03-10T18:15:00Z');
    const groups = (await runWatch(casebook, { now })).checked.find((c) => c.source.url.endsWith('/v2/recentvictims'))!;
    expect(groups).toMatchObject({ status: 'failed', error: expect.stringMatching(/none of its 1 records is a ransomware-live claim \(record 0: no victim/) });
    live.body = '{"status":"rate limited"}';
    live.version = 5;
    clock = new Date('2025-03-10T18:45:00Z');
    const object = (await runWatch(casebook, { now })).checked.find((c) => c.source.url.endsWith('/v2/recentvictims'))!;
    expect(object).toMatchObject({ status: 'failed', error: expect.stringMatching(/expected a JSON array of claims/) });
    expect(object.source).toMatchObject({ failures: 3, lastError: expect.stringMatching(/expected a JSON array/) });
    expect(await victims()).toHaveLength(7);

    // Mended: the list is read again, nothing is lost and nothing counted twice.
    live.body = SECOND;
    live.version = 6;
    const mended = (await runWatch(casebook, { now, all: true })).checked.find((c) => c.source.url.endsWith('/v2/recentvictims'))!;
    expect(mended).toMatchObject({ status: 'changed', claims: { added: 0, existing: 5 } });
    expect(mended.source).toMatchObject({ failures: 0, lastError: null, lastStatus: 'changed', totalAdded: 5 });
  });

  it('holds a source to its --format: ransomware.live v2 records are not ransomwatch posts', async () => {
    const db = await openCasebook(join(dir, 'format.db'));
    try {
      server.route('/mislabelled.json', (_req, res) => { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end(FIRST); });
      await addClaimSource(db.store, `${server.base}/mislabelled.json`, { format: 'ransomwatch', allowPrivate: true });
      const [check] = (await runWatch(db, { now })).checked;
      expect(check).toMatchObject({ status: 'failed', error: expect.stringMatching(/none of its 3 records is a ransomwatch claim \(record 0: no victim \(post_title, as ransomwatch names it\)\)/) });
      expect(await db.store.listClaims()).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('logs each poll through the job log', async () => {
    live.version = 7;
    const lines: Array<Record<string, unknown>> = [];
    const logger = createLogger({ write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) });
    posts.body = '[{"post_title": "Kingfisher Tools", "group_name": "play", "discovered": "2025-03-11 09:00:00"}, {"post_title": "no date", "group_name": "play"}]';
    posts.version = 2;
    live.body = 'not json at all';
    watchJobLog(logger).onReport(await runWatch(casebook, { now, all: true }));
    expect(lines).toEqual(expect.arrayContaining([
      expect.objectContaining({ level: 'error', msg: 'watch source', job: 'watch', outcome: 'failed', kind: 'claims', source: `${server.base}/v2/recentvictims`, error: expect.stringMatching(/not JSON/) }),
      expect.objectContaining({ level: 'info', msg: 'watch claims', job: 'watch', outcome: 'ok', source: `${server.base}/posts.json`, status: 'changed', records: 2, added: 1, existing: 0, problems: 1 }),
      expect.objectContaining({ level: 'warn', msg: 'watch claims records', source: `${server.base}/posts.json`, first: expect.stringMatching(/record 1: no date/) }),
    ]));
  });

  it('lists, refuses a page URL as a claims source (and the reverse), and removes a tracker keeping its claims', async () => {
    const sources = await listClaimSources(casebook.store);
    expect(sources.map((s) => [s.url.replace(server.base, ''), s.claimFormat])).toEqual([['/v2/recentvictims', 'ransomware-live'], ['/posts.json', 'ransomwatch']]);
    await expect(addWatchSource(casebook.store, `${server.base}/posts.json`, { allowPrivate: true })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/watched for leak-site claims/) });
    const page = await addWatchSource(casebook.store, `${server.base}/feed.xml`, { allowPrivate: true });
    await expect(addClaimSource(casebook.store, page.url, { allowPrivate: true })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/watched as a page/) });
    await expect(removeClaimSource(casebook.store, String(page.id))).rejects.toMatchObject({ code: 'not_found' });
    const claimsBefore = await victims();
    const removed = await removeClaimSource(casebook.store, `${server.base}/posts.json`);
    expect(removed.url).toBe(`${server.base}/posts.json`);
    await expect(findWatchSource(casebook.store, removed.url)).rejects.toMatchObject({ code: 'not_found' });
    expect(await victims()).toEqual(claimsBefore);
  });
});

describe('the address guard of a claims source', () => {
  it('refuses a private address without the allowance, when added and when polled', async () => {
    const server = await localServer();
    server.route('/guarded.json', (_req, res) => { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end(FIRST); });
    const casebook = await openCasebook(join(dir, 'guard.db'));
    try {
      await expect(addClaimSource(casebook.store, `${server.base}/guarded.json`)).rejects.toMatchObject({
        code: 'bad_input', message: expect.stringMatching(/refused to fetch 127\.0\.0\.1:\d+: 127\.0\.0\.1 is loopback \(use --allow-private/),
      });
      expect(await listClaimSources(casebook.store)).toEqual([]);
      // Stored without the allowance behind the guard's back (a name that resolved to a public address
      // when added, say): the poll's own guard refuses it, and the server never hears from it.
      await casebook.store.addWatchSource({ url: `${server.base}/guarded.json`, everySeconds: 3600, allowPrivate: false, kind: 'claims', claimFormat: 'auto' });
      const [check] = (await runWatch(casebook)).checked;
      expect(check).toMatchObject({ status: 'failed', error: expect.stringMatching(/127\.0\.0\.1 is loopback/) });
      expect(check!.source).toMatchObject({ lastStatus: 'failed', failures: 1 });
      expect(server.log.filter((r) => r.path === '/guarded.json')).toEqual([]);
      expect(await casebook.store.listClaims()).toEqual([]);
      // The run's allowance (watch run --allow-private) lets it through.
      const [allowed] = (await runWatch(casebook, { all: true, fetch: { allowPrivate: true } })).checked;
      expect(allowed).toMatchObject({ status: 'changed', claims: { added: 3 } });
    } finally {
      await casebook.close();
    }
  });
});

describe('the server\'s watcher', () => {
  it('polls a tracker under the watch lease and logs the poll through the job log', async () => {
    const server = await localServer();
    serveTracker(server, '/served.json', { body: POSTS, version: 1, contentType: 'application/json' });
    const casebook = await openCasebook(join(dir, 'timer.db'));
    const lines: Array<Record<string, unknown>> = [];
    const logger = createLogger({ write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) });
    await addClaimSource(casebook.store, `${server.base}/served.json`, { format: 'ransomwatch', allowPrivate: true });
    const timer = startWatchTimer(casebook, { intervalMs: 50, holder: 'server-a:1', ...watchJobLog(logger) });
    try {
      const end = Date.now() + 20_000;
      while (!lines.some((l) => l.msg === 'watch claims') && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    } finally {
      await timer.stop();
    }
    try {
      expect(lines).toEqual(expect.arrayContaining([
        expect.objectContaining({ msg: 'watch lease', held: true, holder: 'server-a:1' }),
        expect.objectContaining({ msg: 'watch claims', job: 'watch', outcome: 'ok', kind: 'claims', status: 'changed', records: 2, added: 2, existing: 0, problems: 0 }),
      ]));
      expect((await casebook.store.listClaims()).map((c) => [c.group, c.victim, c.source])).toEqual([
        ['lockbit3', 'shirasagi-foods.example', `ransomwatch: ${server.base}/served.json`],
        ['blackbasta', 'Blue Heron Marine Supply', `ransomwatch: ${server.base}/served.json`],
      ]);
      expect((await listClaimSources(casebook.store))[0]).toMatchObject({ lastStatus: 'changed', lastAdded: 2, totalAdded: 2 });
    } finally {
      await casebook.close();
    }
  });
});

