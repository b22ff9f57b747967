// The PostgreSQL side of incremental grouping, as sqlite/grouping-queries.ts.
// Named difference: the contractor-cue windows are a tsvector of their distinct character bigrams
// (PostgreSQL has no trigram index without an extension); a key's bigrams all present find a
// superset of the windows holding it, which the caller reads.

import type { IncidentRecord } from '../../core/record.ts';
import type { BlockLink, GroupingStage, NoticeLink } from '../store.ts';
import type { GroupingStore } from '../ports.ts';
import { toDecision, type DecisionRow } from '../rows/decision-row.ts';
import { LATEST_RECORD, LEAN_RECORD } from '../rows/incident-row.ts';
import { inTransaction, isRowId, one, rows, type Pool, type Queryable } from './pg-database.ts';
import { quoteLexeme } from './pg-text-search.ts';

/** Each line's adjacent pairs of characters (code points, so no pair splits one), once each. */
function bigramsOf(text: string): string[] {
  const out = new Set<string>();
  for (const line of text.split('\n')) {
    const chars = Array.from(line);
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  }
  return [...out];
}

/** `'ab' & 'bc'`: all the key's bigrams, every lexeme quoted; null for a key of one character. */
function keyQuery(key: string): string | null {
  const part = bigramsOf(key).map(quoteLexeme).join(' & ');
  return part === '' ? null : part;
}

/** Advisory lock classes (the first key of the two-key form) for one notice's index and one block's links. */
const NOTICE_LOCKS = 0x6a6b01;
const BLOCK_LOCKS = 0x6a6b02;


/**
 * What makes a plan stale: another regrouping or a person's decision since it was read. (Notices stored
 * meanwhile do not: the queue holds them for the next step.)
 */
export const PLAN_BASIS = /* sql */ `
  SELECT (SELECT generation FROM incident_generation) || ':' || (SELECT coalesce(max(id), 0) FROM manual_links) AS basis`;

/** Queues items of several stages in one statement (a statement is a round trip). */
async function enqueue(db: Queryable, ...work: Array<[GroupingStage, readonly string[]]>): Promise<void> {
  const pairs = work.flatMap(([stage, items]) => [...new Set(items)].map((item): [GroupingStage, string] => [stage, item]));
  if (pairs.length === 0) return;
  await db.query(/* sql */ `
    INSERT INTO grouping_queue (stage, item, seq)
    SELECT stage, item, nextval('grouping_seq') FROM unnest($1::int[], $2::text[]) AS w (stage, item)
    ON CONFLICT (stage, item) DO UPDATE SET seq = excluded.seq`, [pairs.map(([stage]) => stage), pairs.map(([, item]) => item)]);
}

async function dequeue(db: Queryable, stage: GroupingStage, done: ReadonlyArray<{ item: string; seq: number }>): Promise<void> {
  if (done.length === 0) return;
  await db.query(/* sql */ `
    DELETE FROM grouping_queue q USING unnest($2::text[], $3::bigint[]) AS d (item, seq)
    WHERE q.stage = $1 AND q.item = d.item AND q.seq = d.seq`, [stage, done.map((d) => d.item), done.map((d) => d.seq)]);
}

export { dequeue as settleGroupingItems };

export function groupingQueries(pool: Pool): GroupingStore {
  const toBlockLink = (row: { block: string; link_json: NoticeLink }): BlockLink => ({ block: row.block, link: row.link_json });
  return {
    async groupingWork() {
      const work: Record<GroupingStage, number> = { 1: 0, 2: 0, 3: 0 };
      for (const row of await rows<{ stage: GroupingStage; n: number }>(pool, 'SELECT stage, count(*)::int AS n FROM grouping_queue GROUP BY stage')) work[row.stage] = row.n;
      return work;
    },
    async takeGroupingItems(limits) {
      // min(stage) and the stage's oldest items both come from the (stage, seq) index, read in its
      // order as far as the largest limit (a limit the plan cannot know would sort the whole stage).
      const found = await rows<{ stage: GroupingStage; item: string; seq: string }>(pool, /* sql */ `
        SELECT stage, item, seq FROM grouping_queue WHERE stage = (SELECT min(stage) FROM grouping_queue)
        ORDER BY seq LIMIT $1`, [Math.max(limits[1], limits[2], limits[3])]);
      if (found.length === 0) return null;
      const stage = found[0]!.stage;
      return { stage, items: found.slice(0, limits[stage]).map((r) => ({ item: r.item, seq: Number(r.seq) })) };
    },
    async loadLinkable(ids, withText) {
      const found = await rows<{ id: number; text: string; record_json: string; ingested_at: string; media_type: string; dataset: string }>(pool, /* sql */ `
        SELECT n.id, ${withText ? 'n.text' : "''"} AS text,
               ${withText ? 'coalesce(n.effective_json, r.record_json)' : LEAN_RECORD.postgres} AS record_json, d.ingested_at, d.media_type, d.dataset
        FROM notices n JOIN records r ON ${LATEST_RECORD} JOIN documents d ON d.id = n.document_id
        WHERE n.id = ANY ($1::int[]) ORDER BY n.id`, [ids]);
      return found.map((row) => ({ id: row.id, text: row.text, record: JSON.parse(row.record_json) as IncidentRecord, ingestedAt: row.ingested_at, mediaType: row.media_type, dataset: row.dataset }));
    },
    async indexOfNotices(ids) {
      const out = new Map<number, { blocks: string[]; at: string | null }>(ids.map((id) => [id, { blocks: [], at: null }]));
      const found = await rows<{ notice_id: number; block: string; at: string | null }>(pool,
        'SELECT notice_id, block, at FROM grouping_blocks WHERE notice_id = ANY ($1::int[]) ORDER BY notice_id, block', [ids]);
      for (const row of found) {
        const entry = out.get(row.notice_id);
        if (!entry) continue;
        entry.blocks.push(row.block);
        entry.at = row.at;
      }
      return out;
    },
    async noticesWithin(windows) {
      if (windows.length === 0) return [];
      // All windows in one statement; undated notices match every window, a null bound is no bound.
      const found = await rows<{ w: number; notice_id: number }>(pool, /* sql */ `
        SELECT w.ord::int AS w, g.notice_id
        FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS w (block, lo, hi, ord)
        CROSS JOIN LATERAL (
          SELECT notice_id FROM grouping_blocks WHERE block = w.block AND at IS NULL
          UNION SELECT notice_id FROM grouping_blocks WHERE block = w.block AND at >= coalesce(w.lo, '') AND at <= coalesce(w.hi, '9999')) g
        ORDER BY w.ord, g.notice_id`, [windows.map((w) => w.block), windows.map((w) => w.from), windows.map((w) => w.to)]);
      const out = windows.map((): number[] => []);
      for (const row of found) out[row.w - 1]!.push(row.notice_id);
      return out;
    },
    async noticesInBlocks(blocks, limit) {
      const out = new Map<string, number[]>(blocks.map((b) => [b, []]));
      const found = limit === undefined
        ? await rows<{ notice_id: number; block: string }>(pool,
          'SELECT block, notice_id FROM grouping_blocks WHERE block = ANY ($1::text[]) ORDER BY block, notice_id', [blocks])
        : await rows<{ notice_id: number; block: string }>(pool, /* sql */ `
          SELECT b.block, g.notice_id FROM unnest($1::text[]) AS b (block)
          CROSS JOIN LATERAL (SELECT notice_id FROM grouping_blocks WHERE block = b.block ORDER BY notice_id LIMIT $2) g
          ORDER BY b.block, g.notice_id`, [blocks, limit]);
      for (const row of found) out.get(row.block)?.push(row.notice_id);
      return out;
    },
    async writersNaming(keys) {
      const wanted = keys.flatMap((k) => {
        const query = keyQuery(k.key);
        return query === null ? [] : [{ ...k, query }];
      });
      if (wanted.length === 0) return [];
      // Every key in one statement, each with its window (undated windows always match).
      return rows<{ id: number; windows: string; key: string }>(pool, /* sql */ `
        SELECT w.notice_id AS id, w.body AS windows, k.key
        FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS k (key, query, lo, hi)
        JOIN grouping_windows w ON w.grams @@ k.query::tsquery
          AND (w.at IS NULL OR (w.at >= coalesce(k.lo, '') AND w.at <= coalesce(k.hi, '9999')))
        ORDER BY k.key, w.notice_id`,
      [wanted.map((k) => k.key), wanted.map((k) => k.query), wanted.map((k) => k.from), wanted.map((k) => k.to)]);
    },
    async orgKeysAmong(candidates) {
      if (candidates.length === 0) return [];
      // One index probe per candidate, stopping at the first row: a prolific organisation's rows are not read.
      return (await rows<{ key: string }>(pool, /* sql */ `
        SELECT DISTINCT c AS key FROM unnest($1::text[]) AS c WHERE EXISTS (SELECT 1 FROM grouping_blocks WHERE block = 'org:' || c)`, [candidates]))
        .map((r) => r.key);
    },
    async linksOfBlocks(blocks) {
      return (await rows<{ block: string; link_json: NoticeLink }>(pool, 'SELECT block, link_json FROM grouping_links WHERE block = ANY ($1::text[])', [blocks]))
        .map(toBlockLink);
    },
    async linksTouching(ids) {
      return (await rows<{ block: string; link_json: NoticeLink }>(pool, /* sql */ `
        SELECT block, link_json FROM grouping_links WHERE a = ANY ($1::int[])
        UNION ALL SELECT block, link_json FROM grouping_links WHERE b = ANY ($1::int[]) AND NOT a = ANY ($1::int[])`, [ids]))
        .map(toBlockLink);
    },
    async incidentsOfNotices(ids) {
      const found = await rows<{ id: number; casebook_number: string | null; own_number: string | null; number_assigned_at: string | null; ids: number[] }>(pool, /* sql */ `
        SELECT i.id, i.casebook_number, i.own_number, i.number_assigned_at,
               coalesce((SELECT array_agg(notice_id ORDER BY notice_id) FROM incident_notices WHERE incident_id = i.id), '{}') AS ids
        FROM incidents i
        WHERE i.id IN (SELECT incident_id FROM incident_notices WHERE notice_id = ANY ($1::int[]))
        ORDER BY i.id`, [ids]);
      return found.map((row) => ({
        id: row.id, number: row.casebook_number ?? row.own_number, numberKept: row.casebook_number !== null, ownNumber: row.own_number,
        numberAssignedAt: row.number_assigned_at, noticeIds: row.ids,
      }));
    },
    async saveNoticeIndex(entries, done, blocks) {
      await inTransaction(pool, async (client) => {
        const noticeIds = entries.map((e) => e.id);
        // Two processes indexing one notice at once take turns (in id order, so neither waits on the other's next).
        await client.query('SELECT pg_advisory_xact_lock($1, id) FROM unnest($2::int[]) AS id ORDER BY id', [NOTICE_LOCKS, [...new Set(noticeIds)].sort((a, b) => a - b)]);
        await client.query('DELETE FROM grouping_blocks WHERE notice_id = ANY ($1::int[])', [noticeIds]);
        await client.query(/* sql */ `
          INSERT INTO grouping_blocks (notice_id, block, at)
          SELECT DISTINCT e.id, e.block, e.at FROM unnest($1::int[], $2::text[], $3::text[]) AS e (id, block, at)
          WHERE EXISTS (SELECT 1 FROM notices n WHERE n.id = e.id)`,
        [entries.flatMap((e) => e.blocks.map(() => e.id)), entries.flatMap((e) => e.blocks), entries.flatMap((e) => e.blocks.map(() => e.at))]);
        await client.query('DELETE FROM grouping_windows WHERE notice_id = ANY ($1::int[])', [noticeIds]);
        const windowed = entries.filter((e) => e.windows !== '');
        await client.query(/* sql */ `
          INSERT INTO grouping_windows (notice_id, body, grams, at)
          SELECT w.id, w.body, w.grams::tsvector, w.at FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) AS w (id, body, grams, at)
          WHERE EXISTS (SELECT 1 FROM notices n WHERE n.id = w.id)`,
        [windowed.map((e) => e.id), windowed.map((e) => e.windows), windowed.map((e) => bigramsOf(e.windows).map(quoteLexeme).join(' ')), windowed.map((e) => e.at)]);
        await enqueue(client, [3, noticeIds.map(String)], [2, blocks]);
        await dequeue(client, 1, done);
      });
    },
    async saveBlockLinks(entries, done, notices) {
      await inTransaction(pool, async (client) => {
        // As above, per block: two processes linking one block again would each keep their links.
        await client.query('SELECT pg_advisory_xact_lock($1, h) FROM (SELECT DISTINCT hashtext(b) AS h FROM unnest($2::text[]) AS b) s ORDER BY h',
          [BLOCK_LOCKS, entries.map((e) => e.block)]);
        await client.query('DELETE FROM grouping_links WHERE block = ANY ($1::text[])', [entries.map((e) => e.block)]);
        const links = entries.flatMap((e) => e.links.map((link) => ({ block: e.block, link })));
        await client.query(/* sql */ `
          INSERT INTO grouping_links (block, a, b, link_json)
          SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::jsonb[])`,
        [links.map((l) => l.block), links.map((l) => l.link.notices[0]), links.map((l) => l.link.notices[1]), links.map((l) => JSON.stringify(l.link))]);
        await enqueue(client, [3, notices.map(String)]);
        await dequeue(client, 2, done);
      });
    },
    async loadPlanBasis() {
      // One statement, so one snapshot: no transaction's round trips around it.
      const row = (await one<{ basis: string; counters: Array<[number, number]>; decisions: DecisionRow[] }>(pool, /* sql */ `
        SELECT (${PLAN_BASIS}) AS basis,
               (SELECT coalesce(json_agg(json_build_array(year, last)), '[]') FROM casebook_counters) AS counters,
               (SELECT coalesce(json_agg(m ORDER BY m.id), '[]') FROM manual_links m) AS decisions`))!;
      return { basis: row.basis, counters: new Map(row.counters), decisions: row.decisions.map(toDecision) };
    },
    async relatedIncidentIds(id, limit) {
      if (!isRowId(id)) return [];
      return rows<{ id: number; reason: 'clash' | 'same_org' }>(pool, /* sql */ `
        SELECT id, (array_agg(reason ORDER BY rank))[1] AS reason FROM (
          SELECT o.id, 'clash' AS reason, 0 AS rank, o.first_disclosure
          FROM incidents self JOIN incidents o ON o.casebook_number = self.casebook_number AND o.id <> self.id
          WHERE self.id = $1 AND self.number_clash = 1
          UNION
          SELECT i.id, 'same_org', 1, i.first_disclosure
          FROM incidents i WHERE i.id <> $1 AND i.id IN (
            SELECT m2.incident_id FROM incident_notices m1
            JOIN grouping_blocks b1 ON b1.notice_id = m1.notice_id AND b1.block >= 'org:' AND b1.block < 'org;'
            JOIN grouping_blocks b2 ON b2.block = b1.block
            JOIN incident_notices m2 ON m2.notice_id = b2.notice_id
            WHERE m1.incident_id = $1)) r
        GROUP BY id ORDER BY min(rank), max(first_disclosure) DESC NULLS LAST, id DESC LIMIT $2`, [id, limit]);
    },
    async groupingSummary() {
      const row = (await one<{ incidents: number; linked: number; clashes: number }>(pool, /* sql */ `
        SELECT (SELECT count(*)::int FROM incidents) AS incidents,
               (SELECT coalesce(sum(n), 0)::int FROM (SELECT count(*) AS n FROM incident_notices GROUP BY incident_id HAVING count(*) > 1) s) AS linked,
               (SELECT count(*)::int FROM incidents WHERE number_clash = 1) AS clashes`))!;
      return { incidents: row.incidents, linkedNotices: row.linked, clashes: row.clashes };
    },
  };
}
