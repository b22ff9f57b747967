// The extraction engine: splits a document into posts and reads each into an IncidentRecord with evidence.
import { RECORD_KEYS, type Confidence, type IncidentRecord, type RecordKey, type Span } from '../core/record.ts';
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

export const EXTRACTOR_VERSION = '1.1.1';

export interface Extraction {
  post: Post;
  record: IncidentRecord;
}

function evidenceOf(ctx: PostContext, found: Found<unknown> | null): Span[] | undefined {
  if (!found || found.at.length === 0) return undefined;
  return found.at.map(([s, e]) => spanOf(ctx, s, e));
}

const IMMEDIATE_REPORT_RE = /^(?:すぐに|直ちに|ただちに|即座に|同日)、?[^。]{0,20}(?:警察|交番|110番)[^。]{0,20}(?:届|通報|相談)/;

/** The sentence right after the dated theft, when it says the notice's own voice reported it at once. */
function ownImmediateReport(ctx: PostContext, dateAt: number): [number, number] | null {
  const i = ctx.sentences.findIndex((s) => s.start <= dateAt && dateAt < s.end);
  const next = ctx.sentences[i + 1];
  if (i < 0 || !next) return null;
  const m = IMMEDIATE_REPORT_RE.exec(next.text);
  return m ? [next.start, next.start + m[0].length] : null;
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
  // 「…を盗まれました。すぐに警察に被害届を提出しました」: the organisation itself acted at once, so it knew
  // that day. Only where the notice speaks for itself; 「職員は直ちに通報」 is what one employee knew.
  if (!discovery && !discovered && types.value.includes('theft') && occurred) {
    const acted = ownImmediateReport(ctx, occurred.at[0]![0]);
    if (acted) {
      discovery = { value: 'internal_detection', at: [acted], confidence: 'low' };
      discovered = { value: occurred.value, at: occurred.at, confidence: 'low' };
    }
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
export function extractDocument(text: string): Extraction[] {
  return splitPosts(text).map((post) => ({ post, record: extractPost(post) }));
}
