// Incremental grouping's store (app/regroup.ts), on both engines: the queue the triggers fill, each
// notice's blocks, each block's links, the snapshot a plan is made from. Lists and row sets travel as
// one parameter each, so a step costs a few statements whatever its size (one round trip each on
// PostgreSQL). The contractor-cue windows are each engine's own full-text index (GroupingParts).

import type { IncidentRecord } from '../../core/record.ts';
import type { GroupingStore } from '../ports.ts';
import { toDecision, type DecisionRow } from '../rows/decision-row.ts';
import { LATEST_RECORD, LEAN_RECORD } from '../rows/incident-row.ts';
import { all, get, isRowId, run, type Sql, type SqlEngine } from '../sql/sql.ts';
import type { BlockLink, GroupingItem, GroupingStage, NoticeIndexEntry, NoticeLink } from '../store.ts';
import { PLAN_BASIS } from './plan-basis.ts';

/** What only an engine can do for grouping: its full-text index of the cue windows, and its queue order. */
export interface GroupingParts {
  /** The cue windows of the notices `ids` replaced by those of `entries` (each with windows, of a stored notice). */
  saveWindows(ids: readonly number[], entries: readonly NoticeIndexEntry[]): Sql<void>;
  /** As GroupingStore.writersNaming. */
  writersNaming(keys: ReadonlyArray<{ key: string; from: string | null; to: string | null }>): Sql<Array<{ id: number; windows: string; key: string }>>;
  /**
   * A new queue position for a row of an INSERT … SELECT, after every position given before; `position`
   * is the row's place in the statement from 0 (PostgreSQL's sequence; SQLite's largest seq plus one plus it).
   */
  queueSeq(position: string): string;
}

/** Advisory lock spaces (PostgreSQL) for one notice's index and one block's links. */
const NOTICE_LOCKS = 0x6a6b01;
const BLOCK_LOCKS = 0x6a6b02;

type LinkableRow = { id: number; text: string; record_json: string; ingested_at: string; media_type: string; dataset: string };
type LinkRow = { block: string; link_json: string };
type IncidentOfRow = { id: number; casebook_number: string | null; own_number: string | null; number_assigned_at: string | null; ids: string };

const toBlockLink = (row: LinkRow): BlockLink => ({ block: row.block, link: JSON.parse(row.link_json) as NoticeLink });

export function groupingQueries(engine: SqlEngine, parts: GroupingParts): GroupingStore {
  const { inList, list, listRows, recordRows, records, lockEach, json, jsonArray, descNullsLast, byteOrder } = engine.dialect;
  const linkable = (withText: boolean) => /* sql */ `
    SELECT n.id, ${withText ? 'n.text' : "''"} AS text,
           ${withText ? 'coalesce(n.effective_json, r.record_json)' : LEAN_RECORD[engine.dialect.engine]} AS record_json,
           d.ingested_at, d.media_type, d.dataset
    FROM notices n JOIN records r ON ${LATEST_RECORD} JOIN documents d ON d.id = n.document_id
    WHERE n.id ${inList('ids', 'integer')} ORDER BY n.id`;
  const withText = linkable(true);
  const lean = linkable(false);
  // Undated notices match every window; a bound left null is no bound. Both halves read the (block, at) index.
  const windowRows = recordRows('windows', { position: 'integer', block: 'text', lo: 'text', hi: 'text' });
  const within = /* sql */ `
    SELECT w.position, g.notice_id FROM ${windowRows} w JOIN grouping_blocks g ON g.block = w.block AND g.at IS NULL
    UNION ALL
    SELECT w.position, g.notice_id FROM ${windowRows} w JOIN grouping_blocks g
      ON g.block = w.block AND g.at >= coalesce(w.lo, '') AND g.at <= coalesce(w.hi, '9999')
    ORDER BY 1, 2`;
  // Up to @limit notices of each block by one index probe, whatever the block's size: all of a block
  // no larger, in order; some of a larger one (which its caller sets aside by its length alone).
  const heads = /* sql */ `
    SELECT b.value AS block,
           (SELECT ${jsonArray('h.notice_id', 'h.notice_id')}
            FROM (SELECT notice_id FROM grouping_blocks WHERE block = b.value LIMIT @limit) h) AS ids
    FROM ${listRows('blocks', 'text')} b`;
  const enqueue = /* sql */ `
    INSERT INTO grouping_queue (stage, item, seq)
    SELECT w.stage, w.item, ${parts.queueSeq('w.position')} FROM ${recordRows('work', { position: 'integer', stage: 'integer', item: 'text' })} w
    WHERE true ON CONFLICT (stage, item) DO UPDATE SET seq = excluded.seq`;
  // Each item removed only if it was not queued again since (its seq unchanged).
  const dequeue = /* sql */ `
    DELETE FROM grouping_queue WHERE stage = @stage
      AND (item, seq) IN (SELECT d.item, d.seq FROM ${recordRows('done', { item: 'text', seq: 'bigint' })} d)`;

  const mayGiveLinks = /* sql */ `
    SELECT b.value AS block FROM ${listRows('blocks', 'text')} b
    WHERE EXISTS (SELECT 1 FROM grouping_links l WHERE l.block = b.value)
       OR (SELECT count(*) FROM (SELECT 1 FROM grouping_blocks g WHERE g.block = b.value LIMIT 2) s) = 2`;

  /** Queues items of several stages in one statement; an item queued again moves to the back. */
  function* queue(...work: Array<[GroupingStage, readonly string[]]>): Sql<void> {
    const rows = work.flatMap(([stage, items]) => [...new Set(items)].map((item) => ({ stage, item })));
    if (rows.length > 0) yield* run(enqueue, { work: records(rows.map((r, position) => ({ position, ...r }))) });
  }
  function* settle(stage: GroupingStage, done: readonly GroupingItem[]): Sql<void> {
    if (done.length > 0) yield* run(dequeue, { stage, done: records(done.map((d) => ({ item: d.item, seq: d.seq }))) });
  }
  /** Two processes writing one notice's index or one block's links take turns (PostgreSQL; SQLite's write transaction holds the file). */
  function* lock(space: number, type: 'integer' | 'text', keys: readonly (number | string)[]): Sql<void> {
    const statement = lockEach(type);
    if (statement !== null && keys.length > 0) yield* all(statement, { space, keys: list(keys) });
  }

  return {
    async groupingWork() {
      const work: Record<GroupingStage, number> = { 1: 0, 2: 0, 3: 0 };
      const found = await engine.each(() => all<{ stage: GroupingStage; n: number }>(
        'SELECT stage, CAST(count(*) AS INTEGER) AS n FROM grouping_queue GROUP BY stage'));
      for (const row of found) work[row.stage] = row.n;
      return work;
    },
    async takeGroupingItems(limits) {
      // min(stage) and the stage's oldest items both come from the (stage, seq) index, read in its
      // order as far as the largest limit (a limit the plan cannot know would sort the whole stage).
      const found = await engine.each(() => all<{ stage: GroupingStage; item: string; seq: number | string }>(/* sql */ `
        SELECT stage, item, seq FROM grouping_queue WHERE stage = (SELECT min(stage) FROM grouping_queue)
        ORDER BY seq LIMIT @limit`, { limit: Math.max(limits[1], limits[2], limits[3]) }));
      if (found.length === 0) return null;
      const stage = found[0]!.stage;
      return { stage, items: found.slice(0, limits[stage]).map((r) => ({ item: r.item, seq: Number(r.seq) })) };
    },
    async loadLinkable(ids, text) {
      if (ids.length === 0) return [];
      const found = await engine.each(() => all<LinkableRow>(text ? withText : lean, { ids: list(ids) }));
      return found.map((row) => ({
        id: row.id, text: row.text, record: JSON.parse(row.record_json) as IncidentRecord, ingestedAt: row.ingested_at, mediaType: row.media_type, dataset: row.dataset,
      }));
    },
    async indexOfNotices(ids) {
      const out = new Map<number, { blocks: string[]; at: string | null }>(ids.map((id) => [id, { blocks: [], at: null }]));
      if (ids.length === 0) return out;
      const found = await engine.each(() => all<{ notice_id: number; block: string; at: string | null }>(
        `SELECT notice_id, block, at FROM grouping_blocks WHERE notice_id ${inList('ids', 'integer')} ORDER BY notice_id, block`, { ids: list(ids) }));
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
      const found = await engine.each(() => all<{ position: number; notice_id: number }>(within, {
        windows: records(windows.map((w, position) => ({ position, block: w.block, lo: w.from, hi: w.to }))),
      }));
      const out = windows.map((): number[] => []);
      for (const row of found) out[row.position]!.push(row.notice_id);
      return out;
    },
    async noticesInBlocks(blocks, limit) {
      const out = new Map<string, number[]>(blocks.map((b) => [b, []]));
      if (blocks.length === 0) return out;
      if (limit !== undefined) {
        const found = await engine.each(() => all<{ block: string; ids: string }>(heads, { blocks: list(blocks), limit }));
        for (const row of found) out.set(row.block, JSON.parse(row.ids) as number[]);
        return out;
      }
      const found = await engine.each(() => all<{ block: string; notice_id: number }>(
        `SELECT block, notice_id FROM grouping_blocks WHERE block ${inList('blocks', 'text')} ORDER BY block, notice_id`, { blocks: list(blocks) }));
      for (const row of found) out.get(row.block)?.push(row.notice_id);
      return out;
    },
    async writersNaming(keys) {
      return keys.length === 0 ? [] : engine.each(() => parts.writersNaming(keys));
    },
    async orgKeysByPrefix(prefixes) {
      const out = new Map<string, string[]>();
      if (prefixes.length === 0) return out;
      // One range of the block index per prefix, in byte order (code point order) on both engines.
      // 'org:' + p is never U+10FFFF alone: its end is always a string.
      const ranges = prefixes.map((p, position) => ({ position, lo: `org:${p}`, hi: prefixEnd(`org:${p}`)! }));
      const found = await engine.each(() => all<{ position: number; key: string }>(/* sql */ `
        SELECT DISTINCT r.position, substr(g.block, 5) AS key
        FROM ${recordRows('ranges', { position: 'integer', lo: 'text', hi: 'text' })} r
        JOIN grouping_blocks g ON g.block >= r.lo ${byteOrder} AND g.block < r.hi ${byteOrder}`, { ranges: records(ranges) }));
      for (const { position, key } of found) {
        const prefix = prefixes[Number(position)]!;
        (out.get(prefix) ?? out.set(prefix, []).get(prefix)!).push(key);
      }
      return out;
    },
    async linksOfBlocks(blocks) {
      if (blocks.length === 0) return [];
      const found = await engine.each(() => all<LinkRow>(
        `SELECT block, CAST(link_json AS TEXT) AS link_json FROM grouping_links WHERE block ${inList('blocks', 'text')}`, { blocks: list(blocks) }));
      return found.map(toBlockLink);
    },
    async linksTouching(ids) {
      if (ids.length === 0) return [];
      const found = await engine.each(() => all<LinkRow>(/* sql */ `
        SELECT block, CAST(link_json AS TEXT) AS link_json FROM grouping_links WHERE a ${inList('ids', 'integer')}
        UNION ALL
        SELECT block, CAST(link_json AS TEXT) AS link_json FROM grouping_links WHERE b ${inList('ids', 'integer')} AND NOT a ${inList('ids', 'integer')}`,
      { ids: list(ids) }));
      return found.map(toBlockLink);
    },
    async incidentsOfNotices(ids) {
      if (ids.length === 0) return [];
      const found = await engine.each(() => all<IncidentOfRow>(/* sql */ `
        SELECT i.id, i.casebook_number, i.own_number, i.number_assigned_at,
               (SELECT ${jsonArray('m.notice_id', 'm.notice_id')} FROM incident_notices m WHERE m.incident_id = i.id) AS ids
        FROM incidents i
        WHERE i.id IN (SELECT incident_id FROM incident_notices WHERE notice_id ${inList('ids', 'integer')})
        ORDER BY i.id`, { ids: list(ids) }));
      return found.map((row) => ({
        id: row.id, number: row.casebook_number ?? row.own_number, numberKept: row.casebook_number !== null, ownNumber: row.own_number,
        numberAssignedAt: row.number_assigned_at, noticeIds: JSON.parse(row.ids) as number[],
      }));
    },
    async saveNoticeIndex(entries, done, blocks, mayLink) {
      const noticeIds = [...new Set(entries.map((e) => e.id))].sort((a, b) => a - b);
      const blockRows = entries.flatMap((e) => e.blocks.map((block) => ({ id: e.id, block, at: e.at })));
      await engine.transaction(function* () {
        yield* lock(NOTICE_LOCKS, 'integer', noticeIds);
        if (noticeIds.length > 0) {
          yield* run(`DELETE FROM grouping_blocks WHERE notice_id ${inList('ids', 'integer')}`, { ids: list(noticeIds) });
        }
        // A notice deleted since it was read is not indexed.
        if (blockRows.length > 0) {
          yield* run(/* sql */ `
            INSERT INTO grouping_blocks (notice_id, block, at)
            SELECT DISTINCT e.id, e.block, e.at FROM ${recordRows('blocks', { id: 'integer', block: 'text', at: 'text' })} e
            WHERE EXISTS (SELECT 1 FROM notices n WHERE n.id = e.id)`, { blocks: records(blockRows) });
        }
        yield* parts.saveWindows(noticeIds, entries.filter((e) => e.windows !== ''));
        // Blocks are checked once their lock is held (PostgreSQL): two steps indexing the two notices of
        // one block at once would otherwise each see one notice and neither queue it.
        yield* lock(BLOCK_LOCKS, 'text', blocks);
        const linking = blocks.length === 0 ? [] : (yield* all<{ block: string }>(mayGiveLinks, { blocks: list(blocks) })).map((r) => r.block);
        yield* queue([3, noticeIds.map(String)], [2, [...mayLink, ...linking]]);
        yield* settle(1, done);
      });
    },
    async saveBlockLinks(entries, done, notices) {
      const links = entries.flatMap((e) => e.links.map((link) => ({ block: e.block, a: link.notices[0], b: link.notices[1], link: JSON.stringify(link) })));
      await engine.transaction(function* () {
        // As above, per block: two processes linking one block again would each keep their links.
        yield* lock(BLOCK_LOCKS, 'text', entries.map((e) => e.block));
        if (entries.length > 0) {
          yield* run(`DELETE FROM grouping_links WHERE block ${inList('blocks', 'text')}`, { blocks: list(entries.map((e) => e.block)) });
        }
        if (links.length > 0) {
          yield* run(/* sql */ `
            INSERT INTO grouping_links (block, a, b, link_json)
            SELECT l.block, l.a, l.b, ${json('l.link')} FROM ${recordRows('links', { block: 'text', a: 'integer', b: 'integer', link: 'text' })} l`,
          { links: records(links) });
        }
        yield* queue([3, notices.map(String)]);
        yield* settle(2, done);
      });
    },
    async loadPlanBasis() {
      // One snapshot: the basis, the counters and the decisions as of one moment.
      return engine.transaction(function* () {
        const basis = (yield* get<{ basis: string }>(PLAN_BASIS))!.basis;
        const counters = yield* all<{ year: number; last: number }>('SELECT year, last FROM casebook_counters');
        const decisions = yield* all<DecisionRow>('SELECT * FROM manual_links ORDER BY id');
        return { basis, counters: new Map(counters.map((row) => [row.year, row.last])), decisions: decisions.map(toDecision) };
      }, { isolation: 'REPEATABLE READ', readOnly: true });
    },
    async relatedIncidentIds(id, limit) {
      if (!isRowId(id)) return [];
      const found = await engine.each(() => all<{ id: number; first_rank: number }>(/* sql */ `
        SELECT r.id, min(r.rank) AS first_rank FROM (
          SELECT o.id, 0 AS rank, o.first_disclosure
          FROM incidents self JOIN incidents o ON o.casebook_number = self.casebook_number AND o.id <> self.id
          WHERE self.id = @id AND self.number_clash = 1
          UNION
          SELECT i.id, 1, i.first_disclosure
          FROM incidents i WHERE i.id <> @id AND i.id IN (
            SELECT m2.incident_id FROM incident_notices m1
            JOIN grouping_blocks b1 ON b1.notice_id = m1.notice_id AND b1.block >= 'org:' AND b1.block < 'org;'
            JOIN grouping_blocks b2 ON b2.block = b1.block
            JOIN incident_notices m2 ON m2.notice_id = b2.notice_id
            WHERE m1.incident_id = @id)) r
        GROUP BY r.id ORDER BY min(r.rank), max(r.first_disclosure) ${descNullsLast}, r.id DESC LIMIT @limit`, { id, limit }));
      return found.map((r) => ({ id: r.id, reason: Number(r.first_rank) === 0 ? 'clash' as const : 'same_org' as const }));
    },
    async groupingSummary() {
      const row = (await engine.each(() => get<{ incidents: number; linked: number; clashes: number }>(/* sql */ `
        SELECT (SELECT CAST(count(*) AS INTEGER) FROM incidents) AS incidents,
               (SELECT CAST(coalesce(sum(s.n), 0) AS INTEGER) FROM (SELECT count(*) AS n FROM incident_notices GROUP BY incident_id HAVING count(*) > 1) s) AS linked,
               (SELECT CAST(count(*) AS INTEGER) FROM incidents WHERE number_clash = 1) AS clashes`)))!;
      return { incidents: row.incidents, linkedNotices: row.linked, clashes: row.clashes };
    },
  };
}

/**
 * The first string after every string beginning with `prefix`, in code point order (byte order of
 * UTF-8): its last code point the next one (past the surrogates, which no stored text holds), or, when
 * that is the last of all, the same for the prefix without it. null: no string follows (a prefix of
 * U+10FFFF alone).
 */
export function prefixEnd(prefix: string): string | null {
  const points = Array.from(prefix, (c) => c.codePointAt(0)!);
  while (points.length > 0) {
    const next = points.pop()! + 1;
    if (next <= 0x10ffff) return String.fromCodePoint(...points, next >= 0xd800 && next <= 0xdfff ? 0xe000 : next);
  }
  return null;
}
