// The extraction engine: splits a document into posts and reads each into an IncidentRecord with evidence.
import type { IncidentRecord, RecordKey, Span } from '../core/record.ts';
import type { Post } from './post.ts';
import { splitPosts } from './split-posts.ts';
import { buildContext, spanOf, type Found, type PostContext } from './context.ts';
import { extractCasebookId } from './casebook-id.ts';
import { extractTitle } from './title.ts';
import { extractOrganization } from './organization.ts';
import { extractDisclosureDate } from './disclosure-date.ts';
import { extractIncidentTypes } from './incident-types.ts';
import { extractAffectedCount } from './affected-count.ts';
import { extractDataTypes } from './data-types.ts';
import { extractSector } from './sector.ts';
import { extractReportedToPolice, extractReportedToPpc } from './reporting.ts';
import { extractContractor } from './contractor.ts';
import { extractAttacker } from './attacker.ts';
import { extractDiscoveredDate, extractDiscovery } from './discovery.ts';
import { extractOccurredDate } from './event-dates.ts';
import { extractKind } from './kind.ts';

export const EXTRACTOR_VERSION = '1.0.0';

export interface Extraction {
  post: Post;
  record: IncidentRecord;
}

function evidenceOf(ctx: PostContext, found: Found<unknown> | null): Span[] | undefined {
  if (!found || found.at.length === 0) return undefined;
  return found.at.map(([s, e]) => spanOf(ctx, s, e));
}

/** Reads one post into a record. */
export function extractPost(post: Post): IncidentRecord {
  const headerId = extractCasebookId(post.header.normalize('NFKC'));
  const ctx = buildContext(post, headerId?.value ?? null);
  const casebookId = extractCasebookId(ctx.header);
  const title = extractTitle(ctx);
  const disclosure = extractDisclosureDate(ctx);
  ctx.noticeDate = disclosure?.value ?? null;
  const organization = extractOrganization(ctx, title);
  const kind = extractKind(ctx, casebookId !== null);
  const types = extractIncidentTypes(ctx);
  const count = extractAffectedCount(ctx);
  const dataTypes = extractDataTypes(ctx);
  const sector = extractSector(ctx, organization, title);
  const ppc = extractReportedToPpc(ctx);
  const police = extractReportedToPolice(ctx);
  const contractor = extractContractor(ctx);
  const attacker = extractAttacker(ctx);
  let discovery = extractDiscovery(ctx);
  let discovered = extractDiscoveredDate(ctx);
  const occurred = extractOccurredDate(ctx);
  // A theft is noticed by the victim as it happens (「…を盗まれました」): the day it occurred is the day they knew.
  if (!discovery && !discovered && types.value.includes('theft') && occurred) {
    const at = types.at[types.value.indexOf('theft')]!;
    discovery = { value: 'internal_detection', at: [at] };
    discovered = { value: occurred.value, at: occurred.at };
  }

  const evidence: Partial<Record<RecordKey, Span[]>> = {};
  const put = (key: RecordKey, found: Found<unknown> | null) => {
    const spans = evidenceOf(ctx, found);
    if (spans) evidence[key] = spans;
  };
  evidence.header = [[0, post.header.length]];
  put('casebook_id', casebookId);
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

  return {
    header: post.header,
    casebook_id: casebookId?.value ?? null,
    kind,
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
  };
}

/** Splits a document into posts and reads each one. */
export function extractDocument(text: string): Extraction[] {
  return splitPosts(text).map((post) => ({ post, record: extractPost(post) }));
}
