// The one error path of the web app (src/server/error-response.ts) and its log (request-log.ts): every
// error under /api/ is problem+json whose `instance` names the request's id, every other path an HTML
// page; an unexpected error is a 500 that shows the id but never the error, and whose log line carries
// the same id and the stack.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCasebook, type Casebook } from '../../src/app/casebook.ts';
import { createLogger, type LogLevel } from '../../src/app/log.ts';
import type { Store } from '../../src/store/ports.ts';
import { createApp } from '../../src/server/app.ts';
import { tempDir } from '../helpers/temp-dir.ts';

interface Problem { type: string; title: string; status: number; detail: string; instance: string; field?: string }
type Line = Record<string, unknown> & { level: string; msg: string; request_id?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('the web app\'s one error path', () => {
  const dir = tempDir();
  let casebook: Casebook;
  let lines: Line[];
  let app: ReturnType<typeof createApp>;
  /** The app over a store whose getNotice fails as a bug would (the message is internal). */
  let broken: ReturnType<typeof createApp>;

  const appAt = (level: LogLevel, store: Store) => createApp({ store, archive: casebook.archive }, {
    publicRead: true, log: createLogger({ level, write: (line) => lines.push(JSON.parse(line) as Line) }),
  });

  beforeAll(async () => {
    casebook = await openCasebook(join(dir, 'errors.db'));
    const failing = new Proxy(casebook.store, {
      get: (target, key, receiver) => (key === 'getNotice'
        ? () => Promise.reject(new TypeError('cannot read the secret column of table notices'))
        : Reflect.get(target, key, receiver)),
    });
    app = appAt('info', casebook.store);
    broken = appAt('info', failing);
  });
  afterAll(async () => casebook.close());

  const fresh = () => { lines = []; };

  it('answers an unknown /api/v1/ path with a 404 problem whose instance is the request id', async () => {
    fresh();
    const res = await app.request('/api/v1/no-such-thing?x=1');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const id = res.headers.get('x-request-id')!;
    expect(id).toMatch(UUID);
    const body = await res.json() as Problem;
    expect(body).toEqual({ type: 'about:blank', title: 'Not found', status: 404, detail: 'no such path: /api/v1/no-such-thing', instance: `urn:jikenbo:request:${id}` });
    // The request's log line: the same id, the path and query, the status.
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'request', request_id: id, method: 'GET', path: '/api/v1/no-such-thing?x=1', status: 404 });
    expect(typeof lines[0]!.ms).toBe('number');
    expect(typeof lines[0]!.cpu_ms).toBe('number');
    // Every /api/ path, not only /api/v1/: the old JSON routes give the same shape.
    const old = await app.request('/api/notices/999999');
    expect(old.status).toBe(404);
    expect(old.headers.get('content-type')).toBe('application/problem+json');
    expect(await old.json()).toMatchObject({ status: 404, title: 'Not found', instance: `urn:jikenbo:request:${old.headers.get('x-request-id')}` });
    // A page path no route answers: an HTML 404.
    const page = await app.request('/no-such-page');
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/html');
  });

  it('keeps a sane X-Request-Id the caller sends, and replaces one it could not log safely', async () => {
    const kept = await app.request('/api/v1/nowhere', { headers: { 'X-Request-Id': 'proxy-7f3a.42:1' } });
    expect(kept.headers.get('x-request-id')).toBe('proxy-7f3a.42:1');
    expect((await kept.json() as Problem).instance).toBe('urn:jikenbo:request:proxy-7f3a.42:1');
    for (const hostile of ['a b', '"}{"level":"error', 'x'.repeat(101), '-leading-dash']) {
      const res = await app.request('/api/v1/nowhere', { headers: { 'X-Request-Id': hostile } });
      expect(res.headers.get('x-request-id')).toMatch(UUID);
    }
    // Successful responses carry it too, each its own, a page the response cache answers included.
    expect((await app.request('/static/app.css')).headers.get('x-request-id')).toMatch(UUID);
    const ids = new Set<string | null>();
    for (let i = 0; i < 3; i++) ids.add((await app.request('/')).headers.get('x-request-id'));
    expect(ids.size).toBe(3);
  });

  it('answers an unexpected error with a 500 that carries the request id, and logs the id with the stack', async () => {
    fresh();
    const api = await broken.request('/api/v1/notices/1');
    expect(api.status).toBe(500);
    const apiId = api.headers.get('x-request-id')!;
    const problem = await api.json() as Problem;
    expect(problem).toEqual({ type: 'about:blank', title: 'Internal error', status: 500, detail: 'internal error', instance: `urn:jikenbo:request:${apiId}` });

    const page = await broken.request('/notices/1', { headers: { 'Accept-Language': 'en' } });
    expect(page.status).toBe(500);
    const pageId = page.headers.get('x-request-id')!;
    const html = await page.text();
    expect(html).toContain(pageId);
    expect(html).toContain('internal error');

    for (const body of [JSON.stringify(problem), html]) {
      expect(body).not.toContain('secret column');
      expect(body).not.toContain('TypeError');
      expect(body).not.toMatch(/\bat .*\.ts:\d+/);
    }
    // One line per request, at level error, with the same id, the error and its stack.
    expect(lines.map((l) => l.request_id)).toEqual([apiId, pageId]);
    for (const line of lines) {
      expect(line).toMatchObject({ level: 'error', msg: 'request', status: 500, error: 'TypeError: cannot read the secret column of table notices' });
      expect(line.stack).toMatch(/^TypeError: cannot read the secret column of table notices\n\s+at /);
    }
  });

  it('answers an invalid query with a 400 naming the field: problem+json for the API, an HTML page for pages', async () => {
    const api = await app.request('/api/v1/incidents?from=2024-02-30');
    expect(api.status).toBe(400);
    expect(api.headers.get('content-type')).toBe('application/problem+json');
    const problem = await api.json() as Problem;
    expect(problem).toMatchObject({ type: 'about:blank', title: 'Bad request', status: 400, field: 'from', instance: `urn:jikenbo:request:${api.headers.get('x-request-id')}` });
    expect(problem.detail).toMatch(/^from: not a calendar date/);

    const page = await app.request('/?from=2024-02-30', { headers: { 'Accept-Language': 'en' } });
    expect(page.status).toBe(400);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('query parameter from: not a calendar date');
    // The Japanese page names the field by its label and says what was wrong in Japanese.
    const ja = await (await app.request('/?from=2024-02-30&lang=ja')).text();
    expect(ja).toMatch(/<p class="error-message">「[^」]+」: [^<]+<\/p>/);
    // A form field the same way (the sign-in page's `next`).
    const next = await app.request(`/login?next=${'x'.repeat(3000)}`);
    expect(next.status).toBe(400);
  });

  it('writes request lines at level info and above only when the level allows: error silences them, a 500 still shows', async () => {
    const quiet = appAt('error', casebook.store);
    fresh();
    await quiet.request('/');
    await quiet.request('/api/v1/nowhere');
    expect(lines).toEqual([]);
    const quietBroken = appAt('error', new Proxy(casebook.store, {
      get: (target, key, receiver) => (key === 'getNotice' ? () => Promise.reject(new Error('boom')) : Reflect.get(target, key, receiver)),
    }));
    await quietBroken.request('/api/v1/notices/1');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'error', status: 500, error: 'Error: boom' });
    fresh();
    await appAt('silent', casebook.store).request('/api/v1/nowhere');
    expect(lines).toEqual([]);
  });

  it('never logs a password, token or cookie value of the query', async () => {
    fresh();
    await app.request('/api/v1/nowhere?token=abc123&q=%E7%B4%9B%E5%A4%B1&password=hunter2&api_key=k&session=s');
    expect(lines[0]!.path).toBe('/api/v1/nowhere?token=***&q=%E7%B4%9B%E5%A4%B1&password=***&api_key=***&session=***');
    expect(JSON.stringify(lines)).not.toMatch(/abc123|hunter2/);
  });
});
