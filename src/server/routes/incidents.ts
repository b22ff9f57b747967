// Routes of the incidents page (/) and the incident page (/incidents/:id): validate, call the use cases, render.
import { Hono } from 'hono';
import { z } from 'zod';
import { countFacets, type FacetCounts } from '../../analyze/facet-counts.ts';
import { filterIncidents } from '../../analyze/incident-filter.ts';
import { sortIncidents, type IncidentSort } from '../../analyze/incident-order.ts';
import { loadIncidentFacts, type IncidentFacts } from '../../app/incident-facts.ts';
import { noticeToIncident, searchIncidents } from '../../app/incident-search.ts';
import { confirmedClaimsOf } from '../../app/claims.ts';
import { getMergedIncident } from '../../app/incidents.ts';
import { incidentByNumber } from '../../app/incident-number.ts';
import { incidentNumberOf } from '../../analyze/casebook-number.ts';
import { JikenboError } from '../../core/errors.ts';
import type { Archive, NoticeDetail, Store } from '../../store/store.ts';
import { pageContext } from '../i18n/locale.ts';
import { parseIncidentQuery } from '../incident-query.ts';
import { incidentPage } from '../pages/incident-page.ts';
import { incidentsPage } from '../pages/incidents-page.ts';
import { relatedIncidentsOf } from '../../app/related-incidents.ts';

export const PAGE_SIZE = 50;

const idParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export function parseId(raw: string, what = 'id'): number {
  const r = idParam.safeParse(raw);
  if (!r.success) throw new JikenboError('bad_input', `${what}: not a number: ${raw.slice(0, 40)}`, { subject: what });
  return r.data;
}

// The notice → incident map is rebuilt only when the facts are (they are cached per change of the casebook).
const noticeMaps = new WeakMap<IncidentFacts[], Map<number, number>>();
function noticeMap(facts: IncidentFacts[]): Map<number, number> {
  let map = noticeMaps.get(facts);
  if (!map) noticeMaps.set(facts, (map = noticeToIncident(facts)));
  return map;
}

// Each order of the whole casebook is sorted once per facts list; filtering keeps that order.
const sortedFacts = new WeakMap<IncidentFacts[], Map<IncidentSort, IncidentFacts[]>>();
function sortedBy(facts: IncidentFacts[], sort: IncidentSort): IncidentFacts[] {
  let bySort = sortedFacts.get(facts);
  if (!bySort) sortedFacts.set(facts, (bySort = new Map()));
  let rows = bySort.get(sort);
  if (!rows) bySort.set(sort, (rows = sortIncidents(facts, sort)));
  return rows;
}

// Facet counts of recent views, per facts list: bookmarked and paged views ask for the same counts again.
const countCaches = new WeakMap<IncidentFacts[], Map<string, FacetCounts>>();
const COUNT_CACHE_SIZE = 200;
function cachedCounts(facts: IncidentFacts[], key: string, compute: () => FacetCounts): FacetCounts {
  let cache = countCaches.get(facts);
  if (!cache) countCaches.set(facts, (cache = new Map()));
  let counts = cache.get(key);
  if (!counts) {
    counts = compute();
    if (cache.size >= COUNT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, counts);
  }
  return counts;
}

export function incidentRoutes(deps: { store: Store; archive: Archive }): Hono {
  const app = new Hono();
  const { store } = deps;

  app.get('/', async (c) => {
    const ctx = pageContext(c);
    const query = parseIncidentQuery(c.req.queries());
    const facts = await loadIncidentFacts(store);
    const hits = query.q ? await searchIncidents(store, query.q, noticeMap(facts)) : undefined;
    const filter = { ...query.filter, ids: hits?.ids };
    const sort = query.sort ?? (hits ? 'relevance' : 'disclosed_desc');
    const rows = sort === 'relevance' ? sortIncidents(filterIncidents(facts, filter), sort, hits?.rank) : filterIncidents(sortedBy(facts, sort), filter);
    const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
    const page = Math.min(query.page, pages);
    const shown = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    const snippets = new Map<number, string>();
    if (hits) {
      const best = shown.map((r) => hits.bestNotice.get(r.id)).filter((n): n is number => n !== undefined);
      const byNotice = await store.noticeSnippets(best, query.q);
      for (const r of shown) {
        const s = byNotice.get(hits.bestNotice.get(r.id) ?? -1);
        if (s) snippets.set(r.id, s);
      }
    }
    return c.html(incidentsPage(ctx, {
      query, sort, rows: shown, total: rows.length, page, pages, pageSize: PAGE_SIZE, snippets,
      counts: cachedCounts(facts, JSON.stringify([query.q, query.filter]), () => countFacets(facts, filter)),
    }));
  });

  app.get('/incidents/:id', async (c) => {
    const ctx = pageContext(c);
    // A number of either form (/incidents/2024-078, /incidents/J2024-0078) goes to the incident it finds,
    // also when a merge took that incident into another one.
    const raw = c.req.param('id');
    if (incidentNumberOf(raw) !== null) return c.redirect(`/incidents/${await incidentByNumber(store, raw)}`, 302);
    const id = parseId(c.req.param('id'), 'incident');
    const incident = await getMergedIncident(store, id);
    if (!incident) {
      // An incident a merge took into another: its page moved there for good.
      const survivor = await store.incidentReplacing(id);
      if (survivor !== null) return c.redirect(`/incidents/${survivor}`, 301);
      throw new JikenboError('not_found', `no incident #${id}`);
    }
    const notices = (await Promise.all(incident.members.map((m) => store.getNotice(m.noticeId)))).filter((n): n is NoticeDetail => n !== null);
    const decisions = await store.listDecisions(incident.members.map((m) => m.noticeId));
    return c.html(incidentPage(ctx, {
      incident, notices, decisions, related: await relatedIncidentsOf(store, id), claims: await confirmedClaimsOf(store, id),
    }));
  });

  return app;
}
