// The incident facts the pages read (incident_facts, migration 11), on both engines: the queue of stale
// incidents, writing the facts, and a view's page, count and facet counts in SQL (../incident-facts-sql.ts,
// ../incident-figures-sql.ts), or from the index kept in memory (../facts-index.ts) while it is current.
// Each engine hands in how the index's columns are read (sqlite/facts-index-source.ts: column by column;
// postgres/facts-index-source.ts: each table's columns as arrays in one statement) and its change token.
import type { IncidentFacts } from '../../core/flat-incident.ts';
import { FactsIndexHolder, type FactsIndexSource } from '../facts-index.ts';
import { figuresFromRows, figuresSql, largestIds, type FigureRow } from '../incident-figures-sql.ts';
import {
  FACT_COLUMNS, countsFromRows, dutyOf, facetCountsSql, factRowValues, factsOrder, factsWhere, where, type Bind,
} from '../incident-facts-sql.ts';
import type { IncidentFactsStore } from '../ports.ts';
import { INCIDENT_COLUMNS, toIncidents, type IncidentRow, type MemberRow } from '../rows/incident-row.ts';
import { all, get, run, type Dialect, type Params, type SqlEngine } from '../sql/sql.ts';
import type { FactsView } from '../store.ts';
import { membersSql } from './incident-queries.ts';

export interface EngineFacts {
  /** The index's columns and the change token, read in one snapshot (nothing but the token when facts are queued). */
  indexSource(): Promise<FactsIndexSource>;
  /** The store's change token now. */
  changeToken(): Promise<string>;
}

/** Binds each value as a parameter of its own (@v0, @v1, …), in the statement's params. */
function binder(): { bind: Bind; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  let n = 0;
  return { params, bind: (v) => { const name = `v${n++}`; params[name] = v; return `@${name}`; } };
}

/**
 * The rows a view reads, as `f`, with `f.pos` (the best hit's position) and `f.best` when searching: the
 * hits' incidents with their facts, made once per statement. The hits are one list parameter; each
 * incident's best hit is its hit of the least position.
 */
function viewFrom({ listRows, list }: Dialect, view: FactsView, params: Record<string, unknown>): { from: string; withHits: string } {
  if (!view.hits) return { from: 'incident_facts f', withHits: '' };
  params.hits = list(view.hits);
  const withHits = /* sql */ `
    WITH h AS MATERIALIZED (
      SELECT x.incident_id, x.pos, x.best FROM (
        SELECT m.incident_id, j.position AS pos, j.value AS best, row_number() OVER (PARTITION BY m.incident_id ORDER BY j.position) AS nth
        FROM ${listRows('hits', 'integer')} AS j JOIN incident_notices m ON m.notice_id = j.value) x
      WHERE x.nth = 1),
    hf AS MATERIALIZED (SELECT f.*, h.pos, h.best FROM h JOIN incident_facts f ON f.incident_id = h.incident_id)`;
  return { from: 'hf f', withHits };
}

const FACT_TYPES = {
  incident_id: 'integer', disclosure_date: 'text', year: 'text', month: 'text', affected_count: 'bigint', number_year: 'integer',
  number_own: 'integer', number_seq: 'integer', sector: 'text', types_mask: 'integer', data_mask: 'integer', contractor: 'integer',
  ppc: 'integer', attacker: 'integer', reviewed: 'integer', disclosed_days: 'integer', duty: 'integer', dataset: 'text',
} as const satisfies Record<(typeof FACT_COLUMNS)[number], string>;

/** `useIndex`: whether counts and pages come from the index kept in memory while it is current. */
export function factsQueries(engine: SqlEngine, facts: EngineFacts, useIndex: boolean): IncidentFactsStore {
  const { dialect } = engine;
  const { inList, list, recordRows, records } = dialect;
  const index = useIndex ? new FactsIndexHolder(() => facts.indexSource(), () => facts.changeToken()) : { current: async () => null };
  const columns = FACT_COLUMNS.join(', ');
  // The facts rows and their JSON, each in one statement for the lot.
  const upsertFacts = /* sql */ `
    INSERT INTO incident_facts (${columns}) SELECT ${columns} FROM ${recordRows('facts', FACT_TYPES)} AS r WHERE true
    ON CONFLICT (incident_id) DO UPDATE SET ${FACT_COLUMNS.slice(1).map((c) => `${c} = excluded.${c}`).join(', ')}`;
  const upsertJson = /* sql */ `
    INSERT INTO incident_facts_json (incident_id, facts_json)
    SELECT r.incident_id, r.facts_json FROM ${recordRows('facts', { incident_id: 'integer', facts_json: 'text' })} AS r WHERE true
    ON CONFLICT (incident_id) DO UPDATE SET facts_json = excluded.facts_json`;
  // An incident gone meanwhile (a regrouping retired it) keeps no facts, whichever committed first.
  const dropGone = ['incident_facts', 'incident_facts_json'].map((table) => /* sql */ `
    DELETE FROM ${table} WHERE incident_id ${inList('ids', 'integer')} AND NOT EXISTS (SELECT 1 FROM incidents i WHERE i.id = ${table}.incident_id)`);
  // Each done item removed only if it was not queued again since (its seq unchanged).
  const settle = /* sql */ `
    DELETE FROM incident_facts_queue
    WHERE (incident_id, seq) IN (SELECT d.incident_id, d.seq FROM ${recordRows('done', { incident_id: 'integer', seq: 'bigint' })} AS d)`;
  const leanMembers = membersSql(dialect, true);

  const ordered = <T extends { id: number }>(ids: readonly number[], found: T[]): T[] => {
    const byId = new Map(found.map((r) => [r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  };
  const factsOf = async (ids: readonly number[]): Promise<IncidentFacts[]> => {
    if (ids.length === 0) return [];
    const found = await engine.each(() => all<{ facts_json: string }>(`SELECT facts_json FROM incident_facts_json WHERE incident_id ${inList('ids', 'integer')}`, { ids: list(ids) }));
    return ordered(ids, found.map((r) => JSON.parse(r.facts_json) as IncidentFacts));
  };
  /** A view's statement: `build` makes the text with the view's rows (`from`, after `withHits`) and binds its values. */
  const viewSql = (view: FactsView, build: (from: string, withHits: string, bind: Bind) => string): { text: string; params: Params } => {
    const { bind, params } = binder();
    const { from, withHits } = viewFrom(dialect, view, params);
    return { text: build(from, withHits, bind), params };
  };

  return {
    async takeFactsWork(limit) {
      const found = await engine.each(() => all<{ incident_id: number; seq: number }>('SELECT incident_id, seq FROM incident_facts_queue ORDER BY seq LIMIT @limit', { limit }));
      return found.map((r) => ({ incidentId: r.incident_id, seq: Number(r.seq) }));
    },

    async listIncidentsByIds(ids) {
      if (ids.length === 0) return [];
      return engine.transaction(function* () {
        const incidents = yield* all<IncidentRow>(`SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE id ${inList('ids', 'integer')}`, { ids: list(ids) });
        return ordered(ids, toIncidents(incidents, yield* all<MemberRow>(leanMembers, { ids: list(ids) })));
      }, { readOnly: true });
    },

    async saveIncidentFacts(saved, gone, done, duty) {
      const rows = saved.map((f) => Object.fromEntries(factRowValues(f, dutyOf(duty, f.id)).map((v, i) => [FACT_COLUMNS[i], v])) as Record<string, string | number | null>);
      const json = saved.map((f) => ({ incident_id: f.id, facts_json: JSON.stringify(f) }));
      const ids = [...gone, ...saved.map((f) => f.id)];
      await engine.transaction(function* () {
        if (rows.length > 0) {
          yield* run(upsertFacts, { facts: records(rows) });
          yield* run(upsertJson, { facts: records(json) });
        }
        if (ids.length > 0) for (const statement of dropGone) yield* run(statement, { ids: list(ids) });
        if (done.length > 0) yield* run(settle, { done: records(done.map((d) => ({ incident_id: d.incidentId, seq: d.seq }))) });
      });
    },

    async queryIncidentFacts(view, sort, window) {
      const current = await index.current();
      if (current) {
        const { ids, bestNotice } = current.page(view, sort, window);
        return { rows: await factsOf(ids), bestNotice };
      }
      const searching = view.hits !== undefined;
      // The page's ids over the narrow rows, then the facts of those alone.
      const { text, params } = viewSql(view, (from, withHits, bind) => `${withHits} SELECT f.incident_id AS id${searching ? ', f.best' : ''} FROM ${from}
        ${where(factsWhere(view.filter, bind))} ORDER BY ${factsOrder(sort, searching)} LIMIT ${bind(window.limit)} OFFSET ${bind(window.offset)}`);
      const found = await engine.each(() => all<{ id: number; best?: number | null }>(text, params));
      const bestNotice = new Map<number, number>();
      for (const r of found) if (r.best !== undefined && r.best !== null) bestNotice.set(r.id, r.best);
      return { rows: await factsOf(found.map((r) => r.id)), bestNotice };
    },

    async scanIncidentFacts(view) {
      const { text, params } = viewSql(view, (from, withHits, bind) =>
        `${withHits} SELECT j.facts_json FROM ${from} JOIN incident_facts_json j ON j.incident_id = f.incident_id ${where(factsWhere(view.filter, bind))}`);
      return (await engine.each(() => all<{ facts_json: string }>(text, params))).map((r) => JSON.parse(r.facts_json) as IncidentFacts);
    },

    async countIncidentFacts(view) {
      const current = await index.current();
      if (current) return current.count(view);
      const { text, params } = viewSql(view, (from, withHits, bind) => `${withHits} SELECT count(*) AS n FROM ${from} ${where(factsWhere(view.filter, bind))}`);
      return (await engine.each(() => get<{ n: number }>(text, params)))!.n;
    },

    async countIncidentFacets(view) {
      const current = await index.current();
      if (current) return current.counts(view);
      const { text, params } = viewSql(view, (from, withHits, bind) => `${withHits} ${facetCountsSql(from, view.filter, bind)}`);
      return countsFromRows(await engine.each(() => all<{ facet: string; value: string | null; n: number }>(text, params)));
    },

    async incidentFactsByIds(ids) {
      return factsOf(ids);
    },

    async incidentFigures(view) {
      const current = await index.current();
      if (current) {
        const found = current.figureRows(view);
        return figuresFromRows(found, await factsOf(largestIds(found)));
      }
      const { text, params } = viewSql(view, (from, withHits, bind) => figuresSql(withHits, from, view.filter, bind));
      const found = await engine.each(() => all<FigureRow>(text, params));
      return figuresFromRows(found, await factsOf(largestIds(found)));
    },
  };
}
