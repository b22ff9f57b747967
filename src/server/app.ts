// The HTTP app: thin routes that validate input, call the store, and render; errors mapped in one place.
import { Hono } from 'hono';
import { z } from 'zod';
import { JikenboError } from '../core/errors.ts';
import type { Archive, Store } from '../store/store.ts';
import { filterSchema } from '../cli/options.ts';
import { toHttpError } from './http-error.ts';
import { layout } from './pages/layout.ts';
import { listPage } from './pages/list-page.ts';
import { noticePage } from './pages/notice-page.ts';
import { STYLESHEET } from './stylesheet.ts';
import { html } from 'hono/html';

const PAGE_SIZE = 50;

const listQuery = filterSchema.extend({
  q: z.string().max(200).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
const idParam = z.coerce.number().int().positive();

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export function createApp(deps: { store: Store; archive: Archive }): Hono {
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(k, v);
  });

  app.get('/static/app.css', (c) => c.body(STYLESHEET, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'max-age=3600' }));

  app.get('/', async (c) => {
    const q = parseQuery(c.req.query());
    const filters = { type: q.type, sector: q.sector, from: q.from, to: q.to };
    const page = { limit: q.limit ?? PAGE_SIZE, offset: q.offset ?? 0 };
    const query = q.q?.trim() ?? '';
    const rows = query ? await deps.store.search(query, { ...filters, ...page }) : await deps.store.listNotices({ ...filters, ...page });
    const total = query ? null : await deps.store.countNotices(filters);
    return c.html(listPage({ query, filters: removeEmpty(filters), rows, total, ...page }));
  });

  app.get('/notices/:id', async (c) => {
    const notice = await deps.store.getNotice(parseId(c.req.param('id')));
    if (!notice) throw new JikenboError('not_found', 'no such record');
    return c.html(noticePage(notice));
  });

  app.get('/documents/:id/original', async (c) => {
    const doc = await deps.store.getDocument(parseId(c.req.param('id')));
    if (!doc) throw new JikenboError('not_found', 'no such document');
    const bytes = await deps.archive.get(doc.sha256);
    if (!bytes) throw new JikenboError('not_found', 'the original is missing from the archive');
    const ext = doc.mediaType === 'application/pdf' ? 'pdf' : doc.mediaType === 'text/html' ? 'html' : 'txt';
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      // Served as a download, never rendered: the original is untrusted.
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': `attachment; filename="${doc.sha256.slice(0, 16)}.${ext}"`,
    });
  });

  app.get('/api/notices', async (c) => {
    const q = parseQuery(c.req.query());
    const filters = { type: q.type, sector: q.sector, from: q.from, to: q.to };
    const page = { limit: q.limit ?? PAGE_SIZE, offset: q.offset ?? 0 };
    const query = q.q?.trim() ?? '';
    if (query) return c.json({ hits: await deps.store.search(query, { ...filters, ...page }) });
    return c.json({ total: await deps.store.countNotices(filters), notices: await deps.store.listNotices({ ...filters, ...page }) });
  });

  app.get('/api/notices/:id', async (c) => {
    const notice = await deps.store.getNotice(parseId(c.req.param('id')));
    if (!notice) throw new JikenboError('not_found', 'no such record');
    return c.json(notice);
  });

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return c.json({ error: 'not found' }, 404);
    return c.html(layout('見つかりません', html`<h1>見つかりません</h1><p><a href="/">一覧へ戻る</a></p>`), 404);
  });

  app.onError((err, c) => {
    const { status, message } = toHttpError(err);
    if (status === 500) console.error(err);
    if (c.req.path.startsWith('/api/')) return c.json({ error: message }, status);
    return c.html(layout('エラー', html`<h1>エラー</h1><p>${message}</p><p><a href="/">一覧へ戻る</a></p>`), status);
  });

  return app;
}

function parseQuery(query: Record<string, string>) {
  // Empty form fields mean "no filter".
  const cleaned = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== ''));
  const result = listQuery.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new JikenboError('bad_input', `${issue?.path.join('.') || 'query'}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

function parseId(raw: string): number {
  const r = idParam.safeParse(raw);
  if (!r.success) throw new JikenboError('bad_input', `not a record number: ${raw.slice(0, 40)}`);
  return r.data;
}

function removeEmpty<T extends Record<string, string | undefined>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v)) as Partial<T>;
}
