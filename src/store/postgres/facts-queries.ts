// PostgreSQL side of the incident facts the pages read, as sqlite/facts-queries.ts: the queue of stale
// incidents, writing the facts, and a view's page, count and facet counts in SQL (../incident-facts-sql.ts).
import type { IncidentFacts } from '../../core/flat-incident.ts';
import { figuresFromRows, figuresSql, largestIds, type FigureRow } from '../incident-figures-sql.ts';
import {
  FACT_COLUMNS, countsFromRows, dutyOf, facetCountsSql, factRowValues, factsOrder, factsWhere, where, type Bind,
} from '../incident-facts-sql.ts';
import { INCIDENT_COLUMNS, LATEST_RECORD, LEAN_RECORD, toIncidents, type IncidentRow, type MemberRow } from '../rows/incident-row.ts';
import type { FactsView } from '../store.ts';
import type { IncidentFactsStore } from '../ports.ts';
import { inTransaction, one, rows, type Pool } from './pg-database.ts';
import { FactsIndexHolder, type FactsIndexSource } from '../facts-index.ts';
import { JP_NOTICES } from '../../core/dataset.ts';

function binder(): { bind: (v: unknown) => string; values: unknown[] } {
  const values: unknown[] = [];
  return { values, bind: (v) => `$${values.push(v)}` };
}

/**
 * The rows a view reads, as `f`, with `f.pos` and `f.best` when searching (made once per statement). Named difference: PostgreSQL takes the hits
 * as an int[] (WITH ORDINALITY gives the position) and each incident's best hit as the first of its hits
 * in position order (array_agg ORDER BY), where SQLite reads the bare column beside min().
 */
function viewFrom(view: FactsView, bind: (v: unknown) => string): { from: string; withHits: string } {
  if (!view.hits) return { from: 'incident_facts f', withHits: '' };
  const withHits = /* sql */ `
    WITH h AS MATERIALIZED (
      SELECT m.incident_id, min(j.pos) AS pos, (array_agg(j.notice_id ORDER BY j.pos))[1] AS best
      FROM unnest(${bind(view.hits)}::int[]) WITH ORDINALITY AS j(notice_id, pos) JOIN incident_notices m ON m.notice_id = j.notice_id
      GROUP BY m.incident_id),
    hf AS MATERIALIZED (SELECT f.*, h.pos, h.best FROM h JOIN incident_facts f ON f.incident_id = h.incident_id)`;
  return { from: 'hf f', withHits };
}

type Column = keyof Omit<FactsIndexSource, 'token' | 'queued'>;

// The facet columns for the index (../facts-index.ts), each as one array, in one statement per table.
const INDEX_COLUMNS: Record<Exclude<Column, 'memberNotices' | 'memberIncidents'>, string> = {
  ids: 'incident_id', disclosureDates: 'disclosure_date', sectors: 'sector', typesMasks: 'types_mask', dataMasks: 'data_mask',
  flags: `contractor + 2 * ppc + 4 * attacker + 8 * reviewed + 16 * (dataset <> '${JP_NOTICES}')::int`, affectedCounts: 'affected_count',
  disclosedDays: 'disclosed_days', duties: 'duty',
  numberKeys: 'number_year::bigint * 100000000 + number_own * 10000000 + number_seq',
};
const arrays = (columns: Record<string, string>, order: string) =>
  Object.entries(columns).map(([name, sql]) => `array_agg(${sql} ORDER BY ${order}) AS "${name}"`).join(', ');

/**
 * The store's facts queries; `changeToken` is the statement of the store's change token, `useIndex`
 * whether counts and pages come from the index kept in memory while it is current.
 */
export function factsQueries(pool: Pool, changeToken: string, useIndex: boolean): IncidentFactsStore {
  // Read in one snapshot with the token; nothing but the token when facts are queued (not current for it).
  const indexSource = () => inTransaction(pool, async (client): Promise<FactsIndexSource> => {
    const { token } = (await one<{ token: string }>(client, changeToken))!;
    const queued = (await rows(client, 'SELECT 1 FROM incident_facts_queue LIMIT 1')).length > 0;
    const empty = { ids: [], disclosureDates: [], sectors: [], typesMasks: [], dataMasks: [], flags: [], disclosedDays: [], duties: [], affectedCounts: [], numberKeys: [], memberNotices: [], memberIncidents: [] };
    if (queued) return { token, queued, ...empty };
    const facts = (await one<Record<string, unknown[] | null>>(client, `SELECT ${arrays(INDEX_COLUMNS, 'incident_id')} FROM incident_facts`))!;
    const members = (await one<Record<string, unknown[] | null>>(client,
      `SELECT ${arrays({ memberNotices: 'notice_id', memberIncidents: 'incident_id' }, 'notice_id')} FROM incident_notices`))!;
    const source: Record<string, unknown> = { token, queued };
    // array_agg of no rows is null.
    for (const [name, values] of Object.entries({ ...facts, ...members })) source[name] = values ?? [];
    return source as unknown as FactsIndexSource;
  }, { isolation: 'REPEATABLE READ', readOnly: true });
  const index = useIndex ? new FactsIndexHolder(indexSource, async () => (await one<{ token: string }>(pool, changeToken))!.token) : { current: async () => null };

  const ordered = <T extends { id: number }>(ids: readonly number[], found: T[]): T[] => {
    const byId = new Map(found.map((r) => [r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  };

  const factsOf = async (ids: readonly number[]): Promise<IncidentFacts[]> => {
    if (ids.length === 0) return [];
    const found = await rows<{ facts_json: string }>(pool, 'SELECT facts_json FROM incident_facts_json WHERE incident_id = ANY ($1::int[])', [ids]);
    return ordered(ids, found.map((r) => JSON.parse(r.facts_json) as IncidentFacts));
  };

  return {
    async takeFactsWork(limit) {
      const found = await rows<{ incident_id: number; seq: string }>(pool,
        'SELECT incident_id, seq FROM incident_facts_queue ORDER BY seq LIMIT $1', [limit]);
      return found.map((r) => ({ incidentId: r.incident_id, seq: Number(r.seq) }));
    },

    async listIncidentsByIds(ids) {
      if (ids.length === 0) return [];
      return inTransaction(pool, async (client) => {
        const incidents = await rows<IncidentRow>(client, `SELECT ${INCIDENT_COLUMNS} FROM incidents WHERE id = ANY ($1::int[])`, [ids]);
        const members = await rows<MemberRow>(client, /* sql */ `
          SELECT m.incident_id, n.id AS notice_id, n.header, ${LEAN_RECORD.postgres} AS record_json, d.ingested_at, m.origin, m.reason_json, d.dataset, d.external_id
          FROM incident_notices m JOIN notices n ON n.id = m.notice_id JOIN records r ON ${LATEST_RECORD} JOIN documents d ON d.id = n.document_id
          WHERE m.incident_id = ANY ($1::int[])
          ORDER BY n.id`, [ids]);
        return ordered(ids, toIncidents(incidents, members));
      }, { readOnly: true });
    },

    async saveIncidentFacts(facts, gone, done, duty) {
      await inTransaction(pool, async (client) => {
        // One statement for the lot: each row's values bound in column order.
        const perInsert = Math.floor(30_000 / FACT_COLUMNS.length);
        for (let i = 0; i < facts.length; i += perInsert) {
          const { bind, values } = binder();
          const tuples = facts.slice(i, i + perInsert).map((f) => `(${factRowValues(f, dutyOf(duty, f.id)).map(bind).join(', ')})`);
          await client.query(/* sql */ `
            INSERT INTO incident_facts (${FACT_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}
            ON CONFLICT (incident_id) DO UPDATE SET ${FACT_COLUMNS.slice(1).map((c) => `${c} = excluded.${c}`).join(', ')}`, values);
        }
        if (facts.length > 0) {
          await client.query(/* sql */ `
            INSERT INTO incident_facts_json (incident_id, facts_json) SELECT * FROM unnest($1::int[], $2::text[])
            ON CONFLICT (incident_id) DO UPDATE SET facts_json = excluded.facts_json`, [facts.map((f) => f.id), facts.map((f) => JSON.stringify(f))]);
        }
        // An incident gone meanwhile (a regrouping retired it) keeps no facts, whichever committed first.
        for (const table of ['incident_facts', 'incident_facts_json']) {
          await client.query(`DELETE FROM ${table} f WHERE f.incident_id = ANY ($1::int[]) AND NOT EXISTS (SELECT 1 FROM incidents i WHERE i.id = f.incident_id)`,
            [[...gone, ...facts.map((f) => f.id)]]);
        }
        if (done.length > 0) {
          await client.query(/* sql */ `
            DELETE FROM incident_facts_queue q USING unnest($1::int[], $2::bigint[]) AS d(incident_id, seq)
            WHERE q.incident_id = d.incident_id AND q.seq = d.seq`, [done.map((d) => d.incidentId), done.map((d) => d.seq)]);
        }
      });
    },

    async queryIncidentFacts(view, sort, window) {
      const current = await index.current();
      if (current) {
        const { ids, bestNotice } = current.page(view, sort, window);
        return { rows: await factsOf(ids), bestNotice };
      }
      const { bind, values } = binder();
      const { from, withHits } = viewFrom(view, bind);
      const searching = view.hits !== undefined;
      // The page's ids over the narrow rows, then the facts of those alone.
      const found = await rows<{ id: number; best?: number | null }>(pool, `${withHits} SELECT f.incident_id AS id${searching ? ', f.best' : ''} FROM ${from}
        ${where(factsWhere(view.filter, bind as Bind))} ORDER BY ${factsOrder(sort, searching)} LIMIT ${bind(window.limit)} OFFSET ${bind(window.offset)}`, values);
      const bestNotice = new Map<number, number>();
      for (const r of found) if (r.best !== undefined && r.best !== null) bestNotice.set(r.id, r.best);
      return { rows: await factsOf(found.map((r) => r.id)), bestNotice };
    },

    async scanIncidentFacts(view) {
      const { bind, values } = binder();
      const { from, withHits } = viewFrom(view, bind);
      const found = await rows<{ facts_json: string }>(pool,
        `${withHits} SELECT j.facts_json FROM ${from} JOIN incident_facts_json j ON j.incident_id = f.incident_id ${where(factsWhere(view.filter, bind as Bind))}`, values);
      return found.map((r) => JSON.parse(r.facts_json) as IncidentFacts);
    },

    async countIncidentFacts(view) {
      const current = await index.current();
      if (current) return current.count(view);
      const { bind, values } = binder();
      const { from, withHits } = viewFrom(view, bind);
      const found = await rows<{ n: number }>(pool, `${withHits} SELECT count(*)::int AS n FROM ${from} ${where(factsWhere(view.filter, bind as Bind))}`, values);
      return found[0]!.n;
    },

    async countIncidentFacets(view) {
      const current = await index.current();
      if (current) return current.counts(view);
      const { bind, values } = binder();
      const { from, withHits } = viewFrom(view, bind);
      return countsFromRows(await rows<{ facet: string; value: string | null; n: string }>(pool, `${withHits} ${facetCountsSql(from, view.filter, bind as Bind)}`, values));
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
      const { bind, values } = binder();
      const { from, withHits } = viewFrom(view, bind);
      const found = await rows<FigureRow>(pool, figuresSql(withHits, from, view.filter, bind as Bind), values);
      return figuresFromRows(found, await factsOf(largestIds(found)));
    },
  };
}
