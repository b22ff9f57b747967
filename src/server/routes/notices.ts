// Routes of the notices list (/notices), a notice's page and whole text, its archived original, and the JSON API.
import { publicIdOfIncident } from '../../app/incident-number.ts';
import { Hono } from 'hono';
import { z } from 'zod';
import { noticeFilterSchema } from '../../app/request-schemas.ts';
import { JikenboError } from '../../core/errors.ts';
import { invalidInput } from '../../core/invalid-input.ts';
import { attachmentDisposition } from '../content-disposition.ts';
import { expandSpellings } from '../../core/spelling-variants.ts';
import { spellingGroupsOf } from '../search-spellings.ts';
import type { Archive, Store } from '../../store/ports.ts';
import { pageContext } from '../i18n/locale.ts';
import { listPage } from '../pages/list-page.ts';
import { noticePage } from '../pages/notice-page.ts';
import { parseId } from './incidents.ts';

const PAGE_SIZE = 50;

const listQuery = noticeFilterSchema.extend({
  q: z.string().max(200).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  lang: z.enum(['ja', 'en']).optional(),
});

function parseQuery(query: Record<string, string>) {
  // Empty form fields mean "no filter".
  const cleaned = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== ''));
  const result = listQuery.safeParse(cleaned);
  if (!result.success) throw invalidInput(result.error, { what: 'query parameter', fallback: 'query' });
  return result.data;
}

function removeEmpty<T extends Record<string, string | undefined>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v)) as Partial<T>;
}

export function noticeRoutes(deps: { store: Store; archive: Archive }): Hono {
  const app = new Hono();
  const { store } = deps;

  const listed = async (raw: Record<string, string>) => {
    const q = parseQuery(raw);
    const filters = { type: q.type, sector: q.sector, from: q.from, to: q.to };
    const page = { limit: q.limit ?? PAGE_SIZE, offset: q.offset ?? 0 };
    return { q, filters, page, query: q.q?.trim() ?? '' };
  };

  app.get('/notices', async (c) => {
    const { filters, page, query } = await listed(c.req.query());
    const spelled = expandSpellings(query, spellingGroupsOf(c, false));
    const rows = query ? await store.search(spelled.query, { ...filters, ...page }) : await store.listNotices({ ...filters, ...page });
    const total = query ? null : await store.countNotices(filters);
    return c.html(listPage(pageContext(c), { query, filters: removeEmpty(filters), rows, total, ...page, spellingsAdded: spelled.added }));
  });

  app.get('/notices/:id', async (c) => {
    const id = parseId(c.req.param('id'), 'notice');
    const notice = await store.getNotice(id);
    if (!notice) throw new JikenboError('not_found', 'no such record', { key: 'error.generic.not_found' });
    const incident = await store.incidentOfNotice(id);
    return c.html(noticePage(pageContext(c), notice, incident === null ? null : await publicIdOfIncident(store, incident), await store.listFetches(notice.document.id)));
  });

  // The whole text, which a page shows only the start of when it is long (pages/page-limits.ts).
  app.get('/notices/:id/text', async (c) => {
    const id = parseId(c.req.param('id'), 'notice');
    const notice = await store.getNotice(id);
    if (!notice) throw new JikenboError('not_found', 'no such record', { key: 'error.generic.not_found' });
    return c.body(notice.text, 200, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Disposition': `attachment; filename="notice-${id}.txt"`,
    });
  });

  app.get('/documents/:id/original', async (c) => {
    const doc = await store.getDocument(parseId(c.req.param('id'), 'document'));
    if (!doc) throw new JikenboError('not_found', 'no such document', { key: 'error.no_document' });
    const bytes = await deps.archive.get(doc.sha256);
    if (!bytes) throw new JikenboError('not_found', 'the original is missing from the archive', { key: 'error.no_original' });
    const ext = doc.mediaType === 'application/pdf' ? 'pdf' : doc.mediaType === 'text/html' ? 'html' : 'txt';
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      // Served as a download, never rendered: the original is untrusted.
      'Content-Type': 'application/octet-stream',
      // Named after the original file or URL (content-disposition.ts), the hash when it gives no name.
      'Content-Disposition': attachmentDisposition(doc.source, ext, doc.sha256.slice(0, 16)),
    });
  });

  app.get('/api/notices', async (c) => {
    const { filters, page, query } = await listed(c.req.query());
    if (query) return c.json({ hits: await store.search(expandSpellings(query, spellingGroupsOf(c, false)).query, { ...filters, ...page }) });
    return c.json({ total: await store.countNotices(filters), notices: await store.listNotices({ ...filters, ...page }) });
  });

  app.get('/api/notices/:id', async (c) => {
    const notice = await store.getNotice(parseId(c.req.param('id'), 'notice'));
    if (!notice) throw new JikenboError('not_found', 'no such record', { key: 'error.generic.not_found' });
    return c.json(notice);
  });

  return app;
}
