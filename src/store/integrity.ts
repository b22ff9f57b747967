// What `jikenbo check` finds wrong in a store: each problem names the check, the row it is about,
// and what is wrong with it. The checks are the same on both engines (sqlite/ and postgres/
// integrity-queries.ts); the archive of originals is checked by the app (src/app/check.ts).

export type IntegrityCheck =
  | 'schema'             // the engine's own integrity check (SQLite) or the schema version
  | 'notice_document'    // every notice has its document
  | 'notice_record'      // every notice has a machine record
  | 'document_text'      // each notice's offsets hold its text in its document's text (lead and notices, or whole)
  | 'search_index'       // the full-text index holds every notice, its own words find it, and nothing else
  | 'incident_members'   // every incident notice is in exactly one incident, no incident is empty, others in none
  | 'casebook_numbers'   // numbers unique, counters never behind the numbers handed out
  | 'references'         // corrections, decisions and claim links name rows that exist
  | 'original';          // each document's original is archived and hashes to its SHA-256

export interface IntegrityProblem {
  check: IntegrityCheck;
  /** The row or file concerned: `notice:12`, `incident:4`, `document:7`. */
  subject: string;
  detail: string;
}

export interface IntegrityReport {
  problems: IntegrityProblem[];
  /** How many rows each check looked at. */
  counted: Partial<Record<IntegrityCheck, number>>;
  /** Every document's id and SHA-256, read in the same transaction: the originals the app must find archived. */
  documents: Array<{ id: number; sha256: string }>;
}

/** A sample of a notice's own index tokens that its index entry must match: start, middle and end. */
export function probeTokens(tokens: string): string[][] {
  const all = tokens.split(' ').filter((t) => t.length > 0);
  if (all.length === 0) return [];
  const take = (from: number) => all.slice(Math.max(0, Math.min(from, all.length - 3)), Math.max(0, Math.min(from, all.length - 3)) + 3);
  const probes = [take(0), take(Math.floor(all.length / 2)), take(all.length - 3)];
  return [...new Map(probes.map((p) => [p.join(' '), p])).values()];
}
