// What a casebook holds, read with plain SQL (the same on SQLite and PostgreSQL), for tests that check
// it stayed whole: documents and their hashes, notices and the incidents they are in, the numbers.

import { formatOwnNumber, parseCasebookNumber, parseOwnNumber } from '../../src/analyze/casebook-number.ts';

/** Runs one read-only query; numbers come back as numbers. */
export type ReadQuery = <T>(sql: string) => Promise<T[]>;

export interface CensusIncident {
  id: number;
  number: string | null;
  /** The number jikenbo gave (JYYYY-NNNN), also when a header number shows. */
  ownNumber: string | null;
  /** Member notices as `sha256#ordinal`, sorted: comparable between casebooks. */
  members: string[];
}

export interface Census {
  documents: number;
  distinctSha256: number;
  notices: number;
  /** Notices of kind incident with how many incidents each is in, for those not in exactly one. */
  misplaced: Array<{ noticeId: number; incidents: number }>;
  incidents: CensusIncident[];
  counters: Record<number, number>;
}

export async function takeCensus(query: ReadQuery): Promise<Census> {
  const [docs] = await query<{ documents: number; distinct_sha: number }>(
    'SELECT count(*) AS documents, count(DISTINCT sha256) AS distinct_sha FROM documents');
  const [notices] = await query<{ n: number }>('SELECT count(*) AS n FROM notices');
  const misplaced = await query<{ notice_id: number; incidents: number }>(/* sql */ `
    SELECT n.id AS notice_id, (SELECT count(*) FROM incident_notices m WHERE m.notice_id = n.id) AS incidents
    FROM notices n WHERE n.kind = 'incident' AND (SELECT count(*) FROM incident_notices m WHERE m.notice_id = n.id) <> 1`);
  const incidents = await query<{ id: number; number: string | null; own_number: string | null }>('SELECT id, coalesce(casebook_number, own_number) AS number, own_number FROM incidents ORDER BY id');
  const members = await query<{ incident_id: number; member: string }>(/* sql */ `
    SELECT m.incident_id, d.sha256 || '#' || n.ordinal AS member
    FROM incident_notices m JOIN notices n ON n.id = m.notice_id JOIN documents d ON d.id = n.document_id`);
  const counters = await query<{ year: number; last: number }>('SELECT year, last FROM casebook_counters ORDER BY year');
  const byIncident = new Map<number, string[]>();
  for (const m of members) (byIncident.get(Number(m.incident_id)) ?? byIncident.set(Number(m.incident_id), []).get(Number(m.incident_id))!).push(m.member);
  return {
    documents: Number(docs!.documents),
    distinctSha256: Number(docs!.distinct_sha),
    notices: Number(notices!.n),
    misplaced: misplaced.map((r) => ({ noticeId: Number(r.notice_id), incidents: Number(r.incidents) })),
    incidents: incidents.map((i) => ({ id: Number(i.id), number: i.number, ownNumber: i.own_number, members: (byIncident.get(Number(i.id)) ?? []).sort() })),
    counters: Object.fromEntries(counters.map((c) => [Number(c.year), Number(c.last)])),
  };
}

/** The grouping alone, as sorted lists of members: equal for two casebooks that grouped alike. */
export function partition(census: Census): string[] {
  return census.incidents.map((i) => i.members.join(' ')).sort();
}

/**
 * Per year, jikenbo's own running numbers in use; `gaps` lists those missing below each year's highest,
 * `repeated` the numbers (of either form) two incidents share, `unnumbered` incidents without a full number.
 */
export function numberAudit(census: Census): { perYear: Record<number, number>; gaps: string[]; repeated: string[]; unnumbered: number[] } {
  const seen = new Map<string, number>();
  const perYear = new Map<number, number[]>();
  const unnumbered: number[] = [];
  for (const i of census.incidents) {
    if (!parseOwnNumber(i.number) && !parseCasebookNumber(i.number)) {
      unnumbered.push(i.id);
      continue;
    }
    // An own number beside a header number is still given: it counts, and may be shared by no one.
    for (const n of new Set([i.number!, i.ownNumber ?? i.number!])) seen.set(n, (seen.get(n) ?? 0) + 1);
    const own = parseOwnNumber(i.ownNumber);
    if (own) (perYear.get(own.year) ?? perYear.set(own.year, []).get(own.year)!).push(own.seq);
  }
  const gaps: string[] = [];
  for (const [year, seqs] of perYear) {
    const have = new Set(seqs);
    for (let s = 1; s <= Math.max(...seqs); s++) if (!have.has(s)) gaps.push(formatOwnNumber(year, s));
  }
  return {
    perYear: Object.fromEntries([...perYear].map(([y, s]) => [y, s.length])),
    gaps,
    repeated: [...seen].filter(([, n]) => n > 1).map(([number]) => number),
    unnumbered,
  };
}
