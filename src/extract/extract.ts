// The extraction engine: splits a document into posts and reads each into an IncidentRecord with evidence.
import { RECORD_KEYS, type Confidence, type IncidentRecord, type RecordKey, type Span } from '../core/record.ts';
import type { Post } from './post.ts';
import { splitPosts } from './split-posts.ts';
import { buildContext, spanOf, type ExtractOptions, type Found, type PostContext } from './context.ts';
import { checkPipeline, runPipeline, step, type AnyStep, type FieldName, type Fields } from './steps.ts';
import { extractCasebookId } from './casebook-id.ts';
import { extractTitle } from './title.ts';
import { extractOrganization } from './organization.ts';
import { extractIncidentTypes, skimmingNeedsCardData } from './incident-types.ts';
import { checkDisclosureYear, extractDisclosureDate } from './disclosure-date.ts';
import { extractAffectedCount } from './affected-count.ts';
import { extractDataTypes } from './data-types.ts';
import { extractSector } from './sector.ts';
import { extractReportedToPolice, extractReportedToPpc } from './reporting.ts';
import { extractContractor } from './contractor.ts';
import { extractAttacker } from './attacker.ts';
import { extractDiscovery } from './discovery.ts';
import { extractDiscoveredDate } from './discovered-date.ts';
import { extractOccurredDate } from './event-dates.ts';
import { extractKind } from './kind.ts';

/**
 * Raised whenever the rules change what a notice reads as: `jikenbo reextract` reads again every notice
 * stored under another version (1.3.0: the invented sets 5-9 and PDF line breaks; 1.2.0 had stayed through
 * the rule changes of sets 5-7).
 */
export const EXTRACTOR_VERSION = '1.3.0';

export interface Extraction {
  post: Post;
  record: IncidentRecord;
}

function evidenceOf(ctx: PostContext, found: Found<unknown> | null): Span[] | undefined {
  if (!found || found.at.length === 0) return undefined;
  return found.at.map(([s, e]) => spanOf(ctx, s, e));
}

const POLICE_BODY_RE = /警察|警視庁|県警|府警|道警/;
const PPC_NAME_RE = /個人情報保護委?員会/;

/** The pipeline: each step names the fields it reads; see steps.ts. */
export const STEPS: readonly AnyStep[] = [
  step({ name: 'casebook_id', why: 'the number in the casebook label', inputs: [], outputs: ['casebook_id'], run: (ctx) => ({ casebook_id: extractCasebookId(ctx.header) }) }),
  step({ name: 'title', why: 'the header without label and date', inputs: [], outputs: ['title'], run: (ctx) => ({ title: extractTitle(ctx) }) }),
  step({ name: 'disclosure_date', why: 'the notice date; it also gives year-less dates their year', inputs: [], outputs: ['disclosure_date'], run: (ctx) => ({ disclosure_date: extractDisclosureDate(ctx) }) }),
  step({
    name: 'disclosure-year',
    why: 'a notice date years away from the casebook number\'s year is a typo for that year (2003 in a 2023 post)',
    inputs: ['casebook_id', 'disclosure_date'],
    outputs: ['disclosure_date'],
    run: (_ctx, { casebook_id, disclosure_date }) => ({ disclosure_date: checkDisclosureYear(disclosure_date, casebook_id?.value ?? null) }),
  }),
  step({ name: 'organization', why: 'the publisher, from the title first', inputs: ['title'], outputs: ['organization'], run: (ctx, { title }) => ({ organization: extractOrganization(ctx, title) }) }),
  step({ name: 'kind', why: 'incident, claim list or other', inputs: ['casebook_id'], outputs: ['kind'], run: (ctx, { casebook_id }) => ({ kind: extractKind(ctx, casebook_id) }) }),
  step({ name: 'incident_types', why: 'every kind of event reported', inputs: [], outputs: ['incident_types'], run: (ctx) => ({ incident_types: extractIncidentTypes(ctx) }) }),
  step({ name: 'affected_count', why: 'people or records affected', inputs: [], outputs: ['affected_count'], run: (ctx) => ({ affected_count: extractAffectedCount(ctx) }) }),
  step({ name: 'data_types', why: 'the kinds of data exposed', inputs: [], outputs: ['data_types'], run: (ctx) => ({ data_types: extractDataTypes(ctx) }) }),
  step({
    name: 'skimming-needs-card-data',
    why: 'a tampered shop program is web skimming only where the data exposed is card data',
    inputs: ['incident_types', 'data_types'],
    outputs: ['incident_types'],
    run: (ctx, { incident_types, data_types }) => ({ incident_types: skimmingNeedsCardData(ctx, incident_types, data_types) }),
  }),
  step({ name: 'sector', why: "the victim's field, from its name first", inputs: ['organization', 'title'], outputs: ['sector'], run: (ctx, { organization, title }) => ({ sector: extractSector(ctx, organization, title) }) }),
  step({ name: 'reported', why: 'the PPC and the police told', inputs: [], outputs: ['reported_to_ppc', 'reported_to_police'], run: (ctx) => ({ reported_to_ppc: extractReportedToPpc(ctx), reported_to_police: extractReportedToPolice(ctx) }) }),
  step({
    name: 'police-publisher',
    why: 'a police force writing about its own mistake does not report to itself; 被害届 it mentions are other cases',
    inputs: ['organization', 'reported_to_police'],
    outputs: ['reported_to_police'],
    run: (_ctx, { organization, reported_to_police }) => ({ reported_to_police: organization && POLICE_BODY_RE.test(organization.value) ? null : reported_to_police }),
  }),
  step({
    name: 'ppc-publisher',
    why: 'the commission publishing what a company reported to it (「A社によれば」) means the company reported',
    inputs: ['organization', 'reported_to_ppc'],
    outputs: ['reported_to_ppc'],
    run: (_ctx, { organization, reported_to_ppc }) => ({
      reported_to_ppc: reported_to_ppc ?? (organization && PPC_NAME_RE.test(organization.value) ? { value: true, at: organization.at, confidence: 'medium', rules: ['step/ppc-publisher'] } : null),
    }),
  }),
  step({
    name: 'contractor_involved',
    why: 'the event at or caused by a contractor; a company named in a story about itself is no third party',
    inputs: ['organization'],
    outputs: ['contractor_involved'],
    run: (ctx, { organization }) => ({ contractor_involved: extractContractor(ctx, organization) }),
  }),
  step({ name: 'attacker', why: 'a named group', inputs: [], outputs: ['attacker'], run: (ctx) => ({ attacker: extractAttacker(ctx) }) }),
  step({ name: 'discovery', why: 'how the organisation learned', inputs: [], outputs: ['discovery'], run: (ctx) => ({ discovery: extractDiscovery(ctx) }) }),
  step({ name: 'discovered_date', why: 'when the organisation learned', inputs: ['disclosure_date'], outputs: ['discovered_date'], run: (ctx) => ({ discovered_date: extractDiscoveredDate(ctx) }) }),
  step({ name: 'occurred_date', why: 'the first day of the event', inputs: ['disclosure_date'], outputs: ['occurred_date'], run: (ctx) => ({ occurred_date: extractOccurredDate(ctx) }) }),
  step({
    name: 'occurred-date-review',
    why: 'the first day of an event is the date notices state least plainly (on the development set a quarter of the occurrence dates not read from a direct, dated statement of the act were wrong): those go to review',
    inputs: ['occurred_date'],
    outputs: ['occurred_date'],
    run: (_ctx, { occurred_date }) => ({ occurred_date: occurred_date && occurred_date.confidence === 'medium' ? { ...occurred_date, confidence: 'low' } : occurred_date }),
  }),
];
checkPipeline(STEPS, RECORD_KEYS.filter((k): k is FieldName => k !== 'header'));

/** Reads one post into a record. */
export function extractPost(post: Post, opts: ExtractOptions = {}): IncidentRecord {
  return readPost(post, opts).record;
}

/** Reads one post into a record, keeping each field's finding (with the ids of the rules behind it). */
export function readPost(post: Post, opts: ExtractOptions = {}): { record: IncidentRecord; fields: Fields } {
  const headerId = extractCasebookId(post.header.normalize('NFKC'));
  const ctx = buildContext(post, headerId?.value ?? null, opts);
  const f = runPipeline(STEPS, ctx);
  return { record: toRecord(post, ctx, f), fields: f };
}

function toRecord(post: Post, ctx: PostContext, f: Fields): IncidentRecord {
  const casebookId = f.casebook_id;
  const title = f.title;
  const disclosure = f.disclosure_date;
  const organization = f.organization;
  const kind = f.kind;
  const types = f.incident_types;
  const count = f.affected_count;
  const dataTypes = f.data_types;
  const sector = f.sector;
  const ppc = f.reported_to_ppc;
  const police = f.reported_to_police;
  const contractor = f.contractor_involved;
  const attacker = f.attacker;
  const discovery = f.discovery;
  const discovered = f.discovered_date;
  const occurred = f.occurred_date;

  const evidence: Partial<Record<RecordKey, Span[]>> = {};
  const put = (key: RecordKey, found: Found<unknown> | null) => {
    const spans = evidenceOf(ctx, found);
    if (spans) evidence[key] = spans;
  };
  evidence.header = [[0, post.header.length]];
  put('casebook_id', casebookId);
  put('kind', kind);
  put('organization', organization);
  put('title', title);
  put('disclosure_date', disclosure);
  put('incident_types', types);
  put('affected_count', count);
  put('data_types', dataTypes);
  put('sector', sector);
  put('reported_to_ppc', ppc);
  put('reported_to_police', police);
  put('contractor_involved', contractor);
  put('attacker', attacker);
  put('discovery', discovery);
  put('occurred_date', occurred);
  put('discovered_date', discovered);

  // How sure each stated value is: the rule's own word, else the usual strength of that field's rules.
  const confidence: Partial<Record<RecordKey, Confidence>> = { header: 'high', kind: kind.confidence };
  const rate = (key: RecordKey, found: Found<unknown> | null, fallback: Confidence) => {
    if (!found) return;
    const v = found.value;
    if (v === null || v === false || (Array.isArray(v) && v.length === 0)) return;
    confidence[key] = found.confidence ?? fallback;
  };
  rate('casebook_id', casebookId, 'high');
  rate('organization', organization, 'medium');
  rate('title', title, 'high');
  rate('disclosure_date', disclosure, 'high');
  rate('incident_types', types, 'high');
  rate('affected_count', count, 'high');
  rate('data_types', dataTypes, 'high');
  rate('sector', sector, 'medium');
  rate('reported_to_ppc', ppc, 'high');
  rate('reported_to_police', police, 'high');
  rate('contractor_involved', contractor, 'medium');
  rate('attacker', attacker, 'high');
  rate('discovery', discovery, 'medium');
  rate('occurred_date', occurred, 'medium');
  rate('discovered_date', discovered, 'medium');
  const lowConfidence = RECORD_KEYS.filter((k) => confidence[k] === 'low');

  return {
    header: post.header,
    casebook_id: casebookId?.value ?? null,
    kind: kind.value,
    organization: organization?.value ?? null,
    title: title?.value ?? null,
    disclosure_date: disclosure?.value ?? null,
    incident_types: types.value,
    affected_count: count?.value ?? null,
    data_types: dataTypes.value,
    sector: sector?.value ?? null,
    reported_to_ppc: ppc?.value ?? false,
    reported_to_police: police?.value ?? false,
    contractor_involved: contractor?.value ?? false,
    attacker: attacker?.value ?? null,
    discovery: discovery?.value ?? null,
    occurred_date: occurred?.value ?? null,
    discovered_date: discovered?.value ?? null,
    evidence,
    confidence,
    low_confidence: lowConfidence,
  };
}

/** Splits a document into posts and reads each one. */
export function extractDocument(text: string, opts: ExtractOptions = {}): Extraction[] {
  return splitPosts(text).map((post) => ({ post, record: extractPost(post, opts) }));
}
