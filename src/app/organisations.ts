// Organisation use cases: keeping the organisation table in step with the casebook (drained before
// a read, as incident facts are), finding organisations by name, alias or domain, one organisation
// with its incidents, and a person's names, domains, merges and splits.
import { foldAddedName, organisationSearchTerms, readOrganisation } from '../analyze/org-search.ts';
import { orgKey } from '../analyze/org-name.ts';
import { hostOf } from '../core/host-name.ts';
import { JikenboError } from '../core/errors.ts';
import type { IncidentFacts } from '../core/flat-incident.ts';
import type { OrganisationStore, Store } from '../store/ports.ts';
import type {
  OrganisationAssignment, OrganisationDetail, OrganisationName, OrganisationNameKind, OrganisationSummary, OrganisationWorkItem,
} from '../store/organisation-types.ts';
import { refreshIncidentFacts } from './incident-facts.ts';
import { organisationIdsHolding } from './organisation-search.ts';
import { resolveIncidentRef } from './incident-number.ts';

export const ORGANISATION_PAGE_SIZE = 50;
/** Notices read per step of the drain: one transaction each. */
const STEP = 500;

/** Where a queued notice belongs, as analyze/org-search.ts reads its organisation. */
export function assignmentOf(item: OrganisationWorkItem): OrganisationAssignment {
  return { noticeId: item.noticeId, name: item.organization, ...readOrganisation(item.organization, item.source) };
}

async function drain(store: OrganisationStore): Promise<void> {
  let work = await store.takeOrganisationWork(STEP);
  while (work.length > 0) {
    await store.saveOrganisationWork(work.map(assignmentOf), work);
    // A step at a time: the event loop answers other requests between steps.
    await new Promise<void>((resolve) => setImmediate(resolve));
    work = await store.takeOrganisationWork(STEP);
  }
}

const draining = new WeakMap<OrganisationStore, Promise<void>>();

/** Puts every queued notice in its organisation; concurrent callers of one store share one drain. */
export async function refreshOrganisations(store: OrganisationStore): Promise<void> {
  const running = draining.get(store);
  if (running) return running;
  const run = drain(store).finally(() => draining.delete(store));
  draining.set(store, run);
  return run;
}

/**
 * Organisations whose name, alias, romaji or domain holds the query (all when it is empty), latest
 * notice first, a page at a time. A domain the claims' domain map names finds its parent too.
 */
export async function findOrganisations(
  store: Store, query: string | undefined, window: { offset: number; limit: number },
): Promise<{ total: number; rows: OrganisationSummary[] }> {
  await refreshOrganisations(store);
  const terms = organisationSearchTerms(query ?? '');
  const host = query ? hostOf(query) : null;
  if (host) {
    for (const m of await store.listClaimDomainMappings()) {
      const key = m.domain === host ? orgKey(m.parent) : null;
      if (key && !terms.includes(key)) terms.push(key);
    }
  }
  if (query?.trim() && terms.length === 0) return { total: 0, rows: [] };
  if (terms.length === 0) return store.searchOrganisations({}, window);
  // The terms are looked for in memory (organisation-search.ts); the store reads the page's rows.
  const { total, ids } = await organisationIdsHolding(store, terms, window);
  if (ids.length === 0) return { total, rows: [] };
  const { rows } = await store.searchOrganisations({ ids }, { offset: 0, limit: ids.length });
  return { total, rows };
}

export interface OrganisationView {
  organisation: OrganisationDetail;
  /** Its incidents' facts, in the organisation's order (latest notice first). */
  incidents: IncidentFacts[];
  /** Domains the claims' domain map gives to one of its names. */
  mappedDomains: string[];
}

/** One organisation with its incidents' facts; not_found for an unknown id. */
export async function organisationView(store: Store, id: number): Promise<OrganisationView> {
  await refreshOrganisations(store);
  const organisation = await store.getOrganisation(id);
  if (!organisation) throw new JikenboError('not_found', `no organisation ${id}`, { subject: 'organisation' });
  await refreshIncidentFacts(store);
  const incidents = await store.incidentFactsByIds(organisation.incidents.map((i) => i.incidentId));
  const keys = new Set([organisation.key, ...organisation.names.map((n) => orgKey(n.name))]);
  const mappedDomains = (await store.listClaimDomainMappings()).filter((m) => keys.has(orgKey(m.parent))).map((m) => m.domain);
  return { organisation, incidents, mappedDomains };
}

/** The organisations of an incident's notices, for its page. */
export async function organisationsOfIncident(store: OrganisationStore, incidentId: number): Promise<OrganisationSummary[]> {
  await refreshOrganisations(store);
  return store.organisationsOfIncident(incidentId);
}

/** A person's other name, former name or domain of an organisation. bad_input for a domain that is no host name. */
export async function addOrganisationName(
  store: OrganisationStore, input: { organisationId: number; kind: OrganisationNameKind; value: string; by: string },
): Promise<OrganisationName> {
  const value = input.value.trim();
  const fold = foldAddedName(input.kind, value);
  if (fold === null) {
    const field = input.kind === 'domain' ? 'domain' : 'value';
    const what = input.kind === 'domain' ? 'is not a host name such as example.co.jp' : 'has nothing to search by';
    throw new JikenboError('bad_input', `${input.kind}: "${value.slice(0, 60)}" ${what}`, {
      subject: field, key: 'error.field_value', params: { field, value: value.slice(0, 60) },
    });
  }
  await refreshOrganisations(store);
  return store.addOrganisationName({ ...input, value: input.kind === 'domain' ? fold : value, fold });
}

/** A person merges organisation `fromId` into `intoId`: one organisation from then on. */
export async function mergeOrganisations(
  store: OrganisationStore, input: { fromId: number; intoId: number; by: string; reason?: string | null },
): Promise<OrganisationSummary> {
  await refreshOrganisations(store);
  return store.mergeOrganisations({ ...input, reason: input.reason?.trim() || null });
}

/**
 * A person splits off an organisation's notices, named directly or by the incidents they are in, into a
 * new organisation of the same name: two organisations with one name, told apart.
 */
export async function splitOrganisation(
  store: Store, input: { organisationId: number; incidents?: readonly string[]; notices?: readonly number[]; by: string; reason?: string | null },
): Promise<OrganisationSummary> {
  await refreshOrganisations(store);
  const organisation = await store.getOrganisation(input.organisationId);
  if (!organisation) throw new JikenboError('not_found', `no organisation ${input.organisationId}`, { subject: 'organisation' });
  const noticeIds = [...(input.notices ?? [])];
  for (const ref of input.incidents ?? []) {
    const id = await resolveIncidentRef(store, ref);
    const entry = organisation.incidents.find((i) => i.incidentId === id);
    if (!entry) throw new JikenboError('bad_input', `incident ${ref} has no notice of organisation ${input.organisationId}`, { subject: 'incidents' });
    noticeIds.push(...entry.noticeIds);
  }
  return store.splitOrganisation({ organisationId: input.organisationId, noticeIds, by: input.by, reason: input.reason?.trim() || null });
}
