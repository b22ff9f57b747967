// Routes of the incidents page (/) and the incident page (/incidents/:id): validate, call the use cases, render.
import { Hono } from 'hono';
import { z } from 'zod';
import { totalFromCounts, type FacetCounts } from '../../analyze/facet-counts.ts';
import { defaultSort, incidentView } from '../../app/incident-view.ts';
import { CLIENT_GONE, clientGone } from '../client-gone.ts';
import { ViewCache } from '../view-cache.ts';
import { confirmedClaimsOf } from '../../app/claims.ts';
import { getMergedIncident } from '../../app/incidents.ts';
import { publicIdOfIncident, resolveIncidentRef } from '../../app/incident-number.ts';
import { incidentPath, publicIncidentId } from '../../core/public-id.ts';
import { factsOf } from '../../app/incident-facts.ts';
import { assessDuty } from '../../analyze/reporting-duty.ts';
import { fieldReviews } from '../../analyze/review-queue.ts';
import { incidentNumberOf } from '../../analyze/casebook-number.ts';
import { JikenboError } from '../../core/errors.ts';
import type { NoticeDetail } from '../../store/store.ts';
import type { Archive, Store } from '../../store/ports.ts';
import type { StoredFetch } from '../../store/source-types.ts';
import { pageContext } from '../i18n/locale.ts';
import { expandSpellings } from '../../core/spelling-variants.ts';
import { spellingGroupsOf } from '../search-spellings.ts';
import { parseIncidentQuery } from '../incident-query.ts';
import { incidentPage } from '../pages/incident-page.ts';
import { incidentsPage } from '../pages/incidents-page.ts';
import { relatedIncidentsOf } from '../../app/related-incidents.ts';
import { findOrganisations, organisationsOfIncident } from '../../app/organisations.ts';
import { publicationOf } from '../../app/publication.ts';

export const PAGE_SIZE = 50;
/** Organisations a search shows above its incidents (the rest are a link away). */
const ORGANISATION_HITS = 5;

/** Each document's fetches (where it came from), one query a document, each document once. */
export async function fetchesOf(store: Store, documentIds: readonly number[]): Promise<Map<number, StoredFetch[]>> {
  const ids = [...new Set(documentIds)];
  return new Map(await Promise.all(ids.map(async (id) => [id, await store.listFetches(id)] as const)));
}

const idParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export function parseId(raw: string, what = 'id'): number {
  const r = idParam.safeParse(raw);
  if (!r.success) throw new JikenboError('bad_input', `${what}: not a number: ${raw.slice(0, 40)}`, { subject: what, key: 'error.not_a_number', params: { what, raw: raw.slice(0, 40) } });
  return r.data;
}

// Facet counts of recent views: paging through one view, or coming back to it, counts once per change.
const COUNT_CACHE_SIZE = 200;

export function incidentRoutes(deps: { store: Store; archive: Archive }): Hono {
  const app = new Hono();
  const { store } = deps;
  const counts = new ViewCache<FacetCounts>(COUNT_CACHE_SIZE);

  // The page of a view and its facet counts come from the store (SQL over the incidents' facts), never
  // from a copy of the casebook: a view never asked before costs two statements, not a pass over every incident.
  app.get('/', async (c) => {
    const ctx = pageContext(c);
    const query = parseIncidentQuery(c.req.queries());
    const spellings = spellingGroupsOf(c, query.wide === true);
    const spelled = expandSpellings(query.q, spellings);
    const view = await incidentView(store, query.q, query.filter, spellings);
    const sort = defaultSort(view, query.sort);
    const viewCounts = await counts.get(await store.changeToken(), JSON.stringify([spelled.query, query.filter]), () => store.countIncidentFacets(view));
    const total = totalFromCounts(viewCounts, query.filter);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const page = Math.min(query.page, pages);
    if (clientGone(c)) return new Response(null, { status: CLIENT_GONE });
    const { rows: shown, bestNotice } = await store.queryIncidentFacts(view, sort, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
    const snippets = new Map<number, string>();
    if (view.hits) {
      const byNotice = await store.noticeSnippets([...bestNotice.values()], spelled.query);
      for (const r of shown) {
        const s = byNotice.get(bestNotice.get(r.id) ?? -1);
        if (s) snippets.set(r.id, s);
      }
    }
    // The search box finds organisations by name, alias or domain too: shown above the incidents.
    const organisations = query.q && page === 1 ? await findOrganisations(store, query.q, { offset: 0, limit: ORGANISATION_HITS }) : undefined;
    return c.html(incidentsPage(ctx, { query, sort, rows: shown, total, page, pages, pageSize: PAGE_SIZE, snippets, counts: viewCounts, spellingsAdded: spelled.added, organisations }));
  });

  app.get('/incidents/:id', async (c) => {
    const ctx = pageContext(c);
    // An incident's page lives at its public identifier (/incidents/2024-504, or J2024-0078): the
    // address people copy is the number they cite. An internal id still shows the page; a number the
    // incident no longer goes by (its own number beside a header number, one a merge took over) moves
    // to the one it has now.
    const raw = c.req.param('id');
    const id = await resolveIncidentRef(store, raw);
    const incident = await getMergedIncident(store, id);
    if (!incident) {
      // An incident a merge took into another: its page moved there for good.
      const survivor = await store.incidentReplacing(id);
      if (survivor !== null) return c.redirect(`/incidents/${encodeURIComponent(await publicIdOfIncident(store, survivor))}`, 301);
      throw new JikenboError('not_found', `no incident ${raw.slice(0, 40)}`, { key: 'error.no_incident', params: { id: raw.slice(0, 40) } });
    }
    const asked = incidentNumberOf(raw);
    if (asked !== null && asked !== publicIncidentId(incident)) return c.redirect(incidentPath(incident), 302);
    const notices = (await Promise.all(incident.members.map((m) => store.getNotice(m.noticeId)))).filter((n): n is NoticeDetail => n !== null);
    const decisions = await store.listDecisions(incident.members.map((m) => m.noticeId));
    // The duty check reads the notices the page shows anyway: the timeline gives the report dates they state.
    const duty = assessDuty(factsOf(incident, new Map()), notices.map((n) => ({ id: n.id, text: n.text, record: n.record, mediaType: n.document.mediaType })));
    const reviews = fieldReviews({
      merged: incident.merged, members: incident.members, incidentCorrections: incident.corrections,
      noticeCorrections: new Map(notices.map((n) => [n.id, n.corrections])), hasClaims: false, dutyFlag: false,
    });
    return c.html(incidentPage(ctx, {
      incident, notices, decisions, duty, reviews, related: await relatedIncidentsOf(store, incident.id), claims: await confirmedClaimsOf(store, incident.id),
      fetches: await fetchesOf(store, notices.map((n) => n.document.id)),
      organisations: await organisationsOfIncident(store, incident.id),
      publication: await publicationOf(store, incident.id, incident.members.map((m) => m.noticeId)),
    }));
  });

  return app;
}
