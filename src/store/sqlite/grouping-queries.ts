// The SQLite side of incremental grouping: the queue triggers fill, each notice's blocks, each
// block's links, and the contractor-cue windows in an FTS5 trigram table. Ids travel as JSON arrays.

import type Database from 'better-sqlite3';
import type { IncidentRecord } from '../../core/record.ts';
import type { BlockLink, GroupingStage, NoticeLink } from '../store.ts';
import type { GroupingStore } from '../ports.ts';
import { toDecision, type DecisionRow } from '../rows/decision-row.ts';
import { LATEST_RECORD, LEAN_RECORD } from '../rows/incident-row.ts';

/** Many small lookups at once: json_each over one bound array, never SQL built from values. */
const json = (values: readonly unknown[]): string => JSON.stringify(values);

/** An FTS5 trigram query for a key, a quoted phrase (quotes doubled): no key is query syntax. */
function phrase(key: string): string {
  return `"${key.replaceAll('"', '""')}"`;
}

/** What makes a plan stale: another regrouping or a person's decision since it was read. */
export const PLAN_BASIS = /* sql */ `
    SELECT (SELECT generation FROM incident_generation) || ':' || (SELECT coalesce(max(id), 0) FROM manual_links) AS basis`;

export function groupingQueries(db: Database.Database): GroupingStore {
  const countStages = db.prepare<[], { stage: GroupingStage; n: number }>('SELECT stage, count(*) AS n FROM grouping_queue GROUP BY stage');
  // min(stage) and the stage's oldest items both come from the (stage, seq) index, read in its order.
  const takeItems = db.prepare<[number], { stage: GroupingStage; item: string; seq: number }>(/* sql */ `
    SELECT stage, item, seq FROM grouping_queue WHERE stage = (SELECT min(stage) FROM grouping_queue)
    ORDER BY seq LIMIT ?`);
  const linkableSql = (record: string, text: string) => /* sql */ `
    SELECT n.id, ${text} AS text, ${record} AS record_json, d.ingested_at, d.media_type, d.dataset
    FROM notices n JOIN records r ON ${LATEST_RECORD} JOIN documents d ON d.id = n.document_id
    WHERE n.id IN (SELECT value FROM json_each(?)) ORDER BY n.id`;
  type LinkableRow = { id: number; text: string; record_json: string; ingested_at: string; media_type: string; dataset: string };
  const selectWithText = db.prepare<[string], LinkableRow>(linkableSql('coalesce(n.effective_json, r.record_json)', 'n.text'));
  const selectLean = db.prepare<[string], LinkableRow>(linkableSql(LEAN_RECORD.sqlite, "''"));
  const selectBlocksOf = db.prepare<[string], { notice_id: number; block: string; at: string | null }>(
    'SELECT notice_id, block, at FROM grouping_blocks WHERE notice_id IN (SELECT value FROM json_each(?)) ORDER BY notice_id, block');
  // Undated notices match every window; a bound left null is no bound.
  const selectWithin = db.prepare<{ block: string; from: string | null; to: string | null }, { notice_id: number }>(/* sql */ `
    SELECT notice_id FROM grouping_blocks WHERE block = @block AND at IS NULL
    UNION SELECT notice_id FROM grouping_blocks WHERE block = @block AND at >= coalesce(@from, '') AND at <= coalesce(@to, '9999')
    ORDER BY notice_id`);
  const selectInBlocks = db.prepare<[string], { notice_id: number; block: string }>(
    'SELECT block, notice_id FROM grouping_blocks WHERE block IN (SELECT value FROM json_each(?)) ORDER BY block, notice_id');
  const selectBlockHead = db.prepare<[string, number], { notice_id: number }>(
    'SELECT notice_id FROM grouping_blocks WHERE block = ? ORDER BY notice_id LIMIT ?');
  const selectWriters = db.prepare<{ query: string; from: string | null; to: string | null }, { id: number; windows: string }>(/* sql */ `
    SELECT rowid AS id, body AS windows FROM grouping_windows WHERE grouping_windows MATCH @query
      AND (at IS NULL OR (at >= coalesce(@from, '') AND at <= coalesce(@to, '9999'))) ORDER BY rowid`);
  // One index probe per candidate, stopping at the first row: a prolific organisation's rows are not read.
  const selectOrgKeys = db.prepare<[string], { key: string }>(
    "SELECT DISTINCT value AS key FROM json_each(?) WHERE EXISTS (SELECT 1 FROM grouping_blocks WHERE block = 'org:' || value)");
  const selectBlockLinks = db.prepare<[string], { block: string; link_json: string }>(
    'SELECT block, link_json FROM grouping_links WHERE block IN (SELECT value FROM json_each(?))');
  const selectTouching = db.prepare<[string, string], { block: string; link_json: string }>(/* sql */ `
    SELECT block, link_json FROM grouping_links WHERE a IN (SELECT value FROM json_each(?))
    UNION SELECT block, link_json FROM grouping_links WHERE b IN (SELECT value FROM json_each(?))`);
  const selectIncidents = db.prepare<[string], { id: number; casebook_number: string | null; own_number: string | null; number_assigned_at: string | null; ids: string }>(/* sql */ `
    SELECT i.id, i.casebook_number, i.own_number, i.number_assigned_at,
           (SELECT json_group_array(notice_id) FROM incident_notices WHERE incident_id = i.id) AS ids
    FROM incidents i
    WHERE i.id IN (SELECT incident_id FROM incident_notices WHERE notice_id IN (SELECT value FROM json_each(?)))
    ORDER BY i.id`);

  const nextSeq = '(SELECT coalesce(max(seq), 0) + 1 FROM grouping_queue)';
  const enqueue = db.prepare<[number, string]>(`INSERT OR REPLACE INTO grouping_queue (stage, item, seq) VALUES (?, ?, ${nextSeq})`);
  const dequeue = db.prepare<[number, string, number]>('DELETE FROM grouping_queue WHERE stage = ? AND item = ? AND seq = ?');
  const clearBlocks = db.prepare<[number]>('DELETE FROM grouping_blocks WHERE notice_id = ?');
  const insertBlock = db.prepare<[number, string, string | null]>('INSERT OR IGNORE INTO grouping_blocks (notice_id, block, at) VALUES (?, ?, ?)');
  const clearWindows = db.prepare<[number]>('DELETE FROM grouping_windows WHERE rowid = ?');
  const insertWindows = db.prepare<[number, string, string | null]>('INSERT INTO grouping_windows (rowid, body, at) VALUES (?, ?, ?)');
  const clearLinks = db.prepare<[string]>('DELETE FROM grouping_links WHERE block = ?');
  const insertLink = db.prepare<[string, number, number, string]>('INSERT INTO grouping_links (block, a, b, link_json) VALUES (?, ?, ?, ?)');
  const selectBasis = db.prepare<[], { basis: string }>(PLAN_BASIS);
  const selectCounters = db.prepare<[], { year: number; last: number }>('SELECT year, last FROM casebook_counters');
  const selectDecisions = db.prepare<[], DecisionRow>('SELECT * FROM manual_links ORDER BY id');
  const selectSummary = db.prepare<[], { incidents: number; linked: number; clashes: number }>(/* sql */ `
    SELECT (SELECT count(*) FROM incidents) AS incidents,
           (SELECT coalesce(sum(n), 0) FROM (SELECT count(*) AS n FROM incident_notices GROUP BY incident_id HAVING count(*) > 1)) AS linked,
           (SELECT count(*) FROM incidents WHERE number_clash = 1) AS clashes`);

  const selectRelated = db.prepare<{ id: number; limit: number }, { id: number; reason: 'clash' | 'same_org' }>(/* sql */ `
    SELECT id, reason, min(rank) AS first_rank FROM (
      SELECT o.id, 'clash' AS reason, 0 AS rank, o.first_disclosure
      FROM incidents self JOIN incidents o ON o.casebook_number = self.casebook_number AND o.id <> self.id
      WHERE self.id = @id AND self.number_clash = 1
      UNION
      SELECT i.id, 'same_org', 1, i.first_disclosure
      FROM incidents i WHERE i.id <> @id AND i.id IN (
        SELECT m2.incident_id FROM incident_notices m1
        JOIN grouping_blocks b1 ON b1.notice_id = m1.notice_id AND b1.block >= 'org:' AND b1.block < 'org;'
        JOIN grouping_blocks b2 ON b2.block = b1.block
        JOIN incident_notices m2 ON m2.notice_id = b2.notice_id
        WHERE m1.incident_id = @id))
    GROUP BY id ORDER BY first_rank, first_disclosure DESC NULLS LAST, id DESC LIMIT @limit`);

  const saveIndex = db.transaction((entries: Parameters<GroupingStore['saveNoticeIndex']>[0], done: Parameters<GroupingStore['saveNoticeIndex']>[1], blocks: readonly string[]) => {
    for (const e of entries) {
      clearBlocks.run(e.id);
      for (const block of e.blocks) insertBlock.run(e.id, block, e.at);
      clearWindows.run(e.id);
      if (e.windows !== '') insertWindows.run(e.id, e.windows, e.at);
      enqueue.run(3, String(e.id));
    }
    for (const block of blocks) enqueue.run(2, block);
    for (const d of done) dequeue.run(1, d.item, d.seq);
  });
  const saveLinks = db.transaction((entries: ReadonlyArray<{ block: string; links: NoticeLink[] }>, done: Parameters<GroupingStore['saveBlockLinks']>[1], notices: readonly number[]) => {
    for (const e of entries) {
      clearLinks.run(e.block);
      for (const link of e.links) insertLink.run(e.block, link.notices[0], link.notices[1], JSON.stringify(link));
    }
    for (const id of notices) enqueue.run(3, String(id));
    for (const d of done) dequeue.run(2, d.item, d.seq);
  });

  const toBlockLink = (row: { block: string; link_json: string }): BlockLink => ({ block: row.block, link: JSON.parse(row.link_json) as NoticeLink });

  return {
    async groupingWork() {
      const work: Record<GroupingStage, number> = { 1: 0, 2: 0, 3: 0 };
      for (const row of countStages.all()) work[row.stage] = row.n;
      return work;
    },
    async takeGroupingItems(limits) {
      const found = takeItems.all(Math.max(limits[1], limits[2], limits[3]));
      if (found.length === 0) return null;
      const stage = found[0]!.stage;
      return { stage, items: found.slice(0, limits[stage]).map((r) => ({ item: r.item, seq: r.seq })) };
    },
    async loadLinkable(ids, withText) {
      return (withText ? selectWithText : selectLean).all(json(ids)).map((row) => ({
        id: row.id, text: row.text, record: JSON.parse(row.record_json) as IncidentRecord, ingestedAt: row.ingested_at, mediaType: row.media_type, dataset: row.dataset,
      }));
    },
    async indexOfNotices(ids) {
      const out = new Map<number, { blocks: string[]; at: string | null }>(ids.map((id) => [id, { blocks: [], at: null }]));
      for (const row of selectBlocksOf.all(json(ids))) {
        const entry = out.get(row.notice_id);
        if (!entry) continue;
        entry.blocks.push(row.block);
        entry.at = row.at;
      }
      return out;
    },
    async noticesWithin(windows) {
      return windows.map((w) => selectWithin.all({ block: w.block, from: w.from, to: w.to }).map((r) => r.notice_id));
    },
    async noticesInBlocks(blocks, limit) {
      if (limit !== undefined) return new Map(blocks.map((b) => [b, selectBlockHead.all(b, limit).map((r) => r.notice_id)]));
      const out = new Map<string, number[]>(blocks.map((b) => [b, []]));
      for (const row of selectInBlocks.all(json(blocks))) out.get(row.block)?.push(row.notice_id);
      return out;
    },
    async writersNaming(keys) {
      // The trigram tokenizer cannot look for fewer than three characters; no key that short is looked for.
      return keys.filter((k) => [...k.key].length >= 3)
        .flatMap((k) => selectWriters.all({ query: phrase(k.key), from: k.from, to: k.to }).map((w) => ({ ...w, key: k.key })));
    },
    async orgKeysAmong(candidates) {
      return candidates.length === 0 ? [] : selectOrgKeys.all(json(candidates)).map((r) => r.key);
    },
    async linksOfBlocks(blocks) {
      return selectBlockLinks.all(json(blocks)).map(toBlockLink);
    },
    async linksTouching(ids) {
      const list = json(ids);
      return selectTouching.all(list, list).map(toBlockLink);
    },
    async incidentsOfNotices(ids) {
      return selectIncidents.all(json(ids)).map((row) => ({
        id: row.id, number: row.casebook_number ?? row.own_number, numberKept: row.casebook_number !== null, ownNumber: row.own_number,
        numberAssignedAt: row.number_assigned_at, noticeIds: JSON.parse(row.ids) as number[],
      }));
    },
    async saveNoticeIndex(entries, done, blocks) {
      saveIndex.immediate(entries, done, blocks);
    },
    async saveBlockLinks(entries, done, notices) {
      saveLinks.immediate(entries, done, notices);
    },
    async loadPlanBasis() {
      return db.transaction(() => ({
        basis: selectBasis.get()!.basis,
        counters: new Map(selectCounters.all().map((row) => [row.year, row.last])),
        decisions: selectDecisions.all().map(toDecision),
      }))();
    },
    async relatedIncidentIds(id, limit) {
      return selectRelated.all({ id, limit }).map((r) => ({ id: r.id, reason: r.reason }));
    },
    async groupingSummary() {
      const row = selectSummary.get()!;
      return { incidents: row.incidents, linkedNotices: row.linked, clashes: row.clashes };
    },
  };
}
