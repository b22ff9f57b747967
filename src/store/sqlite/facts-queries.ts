// SQLite side of the incident facts the pages read (incident_facts, migration 11): the queue of stale
// incidents, writing the facts, and a view's page, count and facet counts in SQL (../incident-facts-sql.ts).
import type Database from 'better-sqlite3';
import type { DutyMark } from '../../analyze/duty-mark.ts';
import type { IncidentFacts } from '../../core/flat-incident.ts';
import { figuresFromRows, figuresSql, largestIds, type FigureRow } from '../incident-figures-sql.ts';
import {
  FACT_COLUMNS, countsFromRows, dutyOf, facetCountsSql, factRowValues, factsOrder, factsWhere, where, type Bind,
} from '../incident-facts-sql.ts';
import { INCIDENT_COLUMNS, LATEST_RECORD, LEAN_RECORD, toIncidents, type IncidentRow, type MemberRow } from '../rows/incident-row.ts';
import type { FactsView } from '../store.ts';
import type { IncidentFactsStore } from '../ports.ts';
import { FactsIndexHolder, type FactsIndexSource } from '../facts-index.ts';
import { JP_NOTICES } from '../../core/dataset.ts';

/** Binds values positionally, in the order the SQL text names them. */
function binder(): { bind: Bind; values: (string | number)[] } {
  const values: (string | number)[] = [];
  return { values, bind: (v) => (values.push(v), '?') };
}

/**
 * The rows a view reads, as `f`, with `f.pos` (the best hit's position) and `f.best` when searching: the
 * hits' incidents with their facts, made once per statement. Named difference: SQLite takes the hits as
 * JSON (json_each's key is the position) and gives each incident's best hit as the bare column beside
 * min(), which SQLite documents as the row of the minimum.
 */
function viewFrom(view: FactsView, bind: Bind): { from: string; withHits: string } {
  if (!view.hits) return { from: 'incident_facts f', withHits: '' };
  const withHits = /* sql */ `
    WITH h AS MATERIALIZED (
      SELECT m.incident_id, min(CAST(j.key AS INTEGER)) AS pos, CAST(j.value AS INTEGER) AS best
      FROM json_each(${bind(JSON.stringify(view.hits))}) j JOIN incident_notices m ON m.notice_id = j.value
      GROUP BY m.incident_id),
    hf AS MATERIALIZED (SELECT f.*, h.pos, h.best FROM h JOIN incident_facts f ON f.incident_id = h.incident_id)`;
  return { from: 'hf f', withHits };
}

export function factsQueries(db: Database.Database, changeToken: () => string, useIndex: boolean): IncidentFactsStore {
  const takeWork = db.prepare<[number], { incident_id: number; seq: number }>(
    'SELECT incident_id, seq FROM incident_facts_queue ORDER BY seq LIMIT ?');
  const upsert = db.prepare(`INSERT OR REPLACE INTO incident_facts (${FACT_COLUMNS.join(', ')}) VALUES (${FACT_COLUMNS.map(() => '?').join(', ')})`);
  const upsertJson = db.prepare<[number, string]>('INSERT OR REPLACE INTO incident_facts_json (incident_id, facts_json) VALUES (?, ?)');
  const drop = db.prepare<[number]>('DELETE FROM incident_facts WHERE incident_id = ?');
  const dropJson = db.prepare<[number]>('DELETE FROM incident_facts_json WHERE incident_id = ?');
  const settle = db.prepare<[number, number]>('DELETE FROM incident_facts_queue WHERE incident_id = ? AND seq = ?');
  // An incident another process retired after its facts were made keeps none.
  const dropRetired = [
    db.prepare<[string]>('DELETE FROM incident_facts WHERE incident_id IN (SELECT value FROM json_each(?)) AND incident_id NOT IN (SELECT id FROM incidents)'),
    db.prepare<[string]>('DELETE FROM incident_facts_json WHERE incident_id IN (SELECT value FROM json_each(?)) AND incident_id NOT IN (SELECT id FROM incidents)'),
  ];
  const incidentsByIds = db.prepare<[string], IncidentRow>(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE id IN (SELECT value FROM json_each(?))`);
  const leanMembers = db.prepare<[string], MemberRow>(/* sql */ `
    SELECT m.incident_id, n.id AS notice_id, n.header, ${LEAN_RECORD.sqlite} AS record_json, d.ingested_at, m.origin, m.reason_json, d.dataset, d.external_id
    FROM incident_notices m JOIN notices n ON n.id = m.notice_id JOIN records r ON ${LATEST_RECORD} JOIN documents d ON d.id = n.document_id
    WHERE m.incident_id IN (SELECT value FROM json_each(?))
    ORDER BY n.id`);
  const factsByIds = db.prepare<[string], { facts_json: string }>(
    'SELECT facts_json FROM incident_facts_json WHERE incident_id IN (SELECT value FROM json_each(?))');
  // The facet columns and memberships for the index (../facts-index.ts), read in one snapshot with the
  // token; nothing but the token when facts are queued (they are not current for it).
  const queuedOne = db.prepare('SELECT 1 FROM incident_facts_queue LIMIT 1');
  // Column by column (one value a row costs a tenth of a row of values), each in rowid order.
  const column = (sql: string) => db.prepare(sql).pluck();
  const columns = {
    ids: column('SELECT incident_id FROM incident_facts ORDER BY incident_id'),
    disclosureDates: column('SELECT disclosure_date FROM incident_facts ORDER BY incident_id'),
    sectors: column('SELECT sector FROM incident_facts ORDER BY incident_id'),
    typesMasks: column('SELECT types_mask FROM incident_facts ORDER BY incident_id'),
    dataMasks: column('SELECT data_mask FROM incident_facts ORDER BY incident_id'),
    flags: column(`SELECT contractor + 2 * ppc + 4 * attacker + 8 * reviewed + 16 * (dataset <> '${JP_NOTICES}') FROM incident_facts ORDER BY incident_id`),
    disclosedDays: column('SELECT disclosed_days FROM incident_facts ORDER BY incident_id'),
    duties: column('SELECT duty FROM incident_facts ORDER BY incident_id'),
    affectedCounts: column('SELECT affected_count FROM incident_facts ORDER BY incident_id'),
    numberKeys: column('SELECT number_year * 100000000 + number_own * 10000000 + number_seq FROM incident_facts ORDER BY incident_id'),
    memberNotices: column('SELECT notice_id FROM incident_notices ORDER BY rowid'),
    memberIncidents: column('SELECT incident_id FROM incident_notices ORDER BY rowid'),
  };
  const indexSource = db.transaction((): FactsIndexSource => {
    const token = changeToken();
    const read = (name: keyof typeof columns) => (queued ? [] : columns[name].all()) as never[];
    const queued = queuedOne.get() !== undefined;
    return {
      token, queued, ids: read('ids'), disclosureDates: read('disclosureDates'), sectors: read('sectors'), typesMasks: read('typesMasks'),
      dataMasks: read('dataMasks'), flags: read('flags'), disclosedDays: read('disclosedDays'), duties: read('duties'),
      affectedCounts: read('affectedCounts'), numberKeys: read('numberKeys'),
      memberNotices: read('memberNotices'), memberIncidents: read('memberIncidents'),
    };
  });
  const index = useIndex ? new FactsIndexHolder(async () => indexSource(), async () => changeToken()) : { current: async () => null };
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let s = statements.get(sql);
    if (!s) {
      // The SQL text depends only on which filters are set, so few shapes recur; keep the last hundred.
      if (statements.size >= 100) statements.delete(statements.keys().next().value!);
      statements.set(sql, (s = db.prepare(sql)));
    }
    return s;
  };

  const save = db.transaction((facts: readonly IncidentFacts[], gone: readonly number[], done: readonly { incidentId: number; seq: number }[], duty: ReadonlyMap<number, DutyMark>) => {
    for (const f of facts) {
      upsert.run(...factRowValues(f, dutyOf(duty, f.id)));
      upsertJson.run(f.id, JSON.stringify(f));
    }
    for (const id of gone) {
      drop.run(id);
      dropJson.run(id);
    }
    for (const statement of dropRetired) statement.run(JSON.stringify(facts.map((f) => f.id)));
    for (const d of done) settle.run(d.incidentId, d.seq);
  });

  const ordered = <T extends { id: number }>(ids: readonly number[], rows: T[]): T[] => {
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  };
  const factsOf = (ids: readonly number[]) =>
    ids.length === 0 ? [] : ordered(ids, factsByIds.all(JSON.stringify(ids)).map((r) => JSON.parse(r.facts_json) as IncidentFacts));

  return {
    async takeFactsWork(limit) {
      return takeWork.all(limit).map((r) => ({ incidentId: r.incident_id, seq: r.seq }));
    },

    async listIncidentsByIds(ids) {
      if (ids.length === 0) return [];
      const json = JSON.stringify(ids);
      return ordered(ids, toIncidents(incidentsByIds.all(json), leanMembers.all(json)));
    },

    async saveIncidentFacts(facts, gone, done, duty) {
      save.immediate(facts, gone, done, duty);
    },

    async queryIncidentFacts(view, sort, window) {
      const current = await index.current();
      if (current) {
        const { ids, bestNotice } = current.page(view, sort, window);
        return { rows: factsOf(ids), bestNotice };
      }
      const { bind, values } = binder();
      const { from, withHits } = viewFrom(view, bind);
      const searching = view.hits !== undefined;
      // The page's ids over the narrow rows, then the facts of those alone.
      const sql = `${withHits} SELECT f.incident_id AS id${searching ? ', f.best' : ''} FROM ${from} ${where(factsWhere(view.filter, bind))}
        ORDER BY ${factsOrder(sort, searching)} LIMIT ${bind(window.limit)} OFFSET ${bind(window.offset)}`;
      const found = prepare(sql).all(...values) as { id: number; best?: number }[];
      const bestNotice = new Map<number, number>();
      for (const r of found) if (r.best !== undefined) bestNotice.set(r.id, r.best);
      return { rows: factsOf(found.map((r) => r.id)), bestNotice };
    },

    async scanIncidentFacts(view) {
      const { bind, values } = binder();
      const { from, withHits } = viewFrom(view, bind);
      const sql = `${withHits} SELECT j.facts_json FROM ${from} JOIN incident_facts_json j ON j.incident_id = f.incident_id ${where(factsWhere(view.filter, bind))}`;
      return (prepare(sql).pluck().all(...values) as string[]).map((json) => JSON.parse(json) as IncidentFacts);
    },

    async countIncidentFacts(view) {
      const current = await index.current();
      if (current) return current.count(view);
      const { bind, values } = binder();
      const { from, withHits } = viewFrom(view, bind);
      const sql = `${withHits} SELECT count(*) AS n FROM ${from} ${where(factsWhere(view.filter, bind))}`;
      return (prepare(sql).get(...values) as { n: number }).n;
    },

    async countIncidentFacets(view) {
      const current = await index.current();
      if (current) return current.counts(view);
      const { bind, values } = binder();
      const { from, withHits } = viewFrom(view, bind);
      const sql = `${withHits} ${facetCountsSql(from, view.filter, bind)}`;
      return countsFromRows(prepare(sql).all(...values) as { facet: string; value: string | null; n: number }[]);
    },

    async incidentFactsByIds(ids) {
      return factsOf(ids);
    },

    async incidentFigures(view) {
      const current = await index.current();
      if (current) {
        const found = current.figureRows(view);
        return figuresFromRows(found, factsOf(largestIds(found)));
      }
      const { bind, values } = binder();
      const { from, withHits } = viewFrom(view, bind);
      const found = prepare(figuresSql(withHits, from, view.filter, bind)).all(...values) as FigureRow[];
      return figuresFromRows(found, factsOf(largestIds(found)));
    },
  };
}
