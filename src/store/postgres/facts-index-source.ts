// PostgreSQL's part of the incident facts (queries/facts-queries.ts): the facts index's columns
// (../facts-index.ts), each table's as arrays in one statement (a statement is a round trip), read in
// one REPEATABLE READ snapshot with the change token.
import { JP_NOTICES } from '../../core/dataset.ts';
import type { FactsIndexSource } from '../facts-index.ts';
import type { EngineFacts } from '../queries/facts-queries.ts';
import { inTransaction, one, rows, type Pool } from './pg-database.ts';

type Column = keyof Omit<FactsIndexSource, 'token' | 'queued'>;

const INDEX_COLUMNS: Record<Exclude<Column, 'memberNotices' | 'memberIncidents'>, string> = {
  ids: 'incident_id', disclosureDates: 'disclosure_date', sectors: 'sector', typesMasks: 'types_mask', dataMasks: 'data_mask',
  flags: `contractor + 2 * ppc + 4 * attacker + 8 * reviewed + 16 * (dataset <> '${JP_NOTICES}')::int`, affectedCounts: 'affected_count',
  disclosedDays: 'disclosed_days', duties: 'duty',
  numberKeys: 'number_year::bigint * 100000000 + number_own * 10000000 + number_seq',
};
const arrays = (columns: Record<string, string>, order: string) =>
  Object.entries(columns).map(([name, sql]) => `array_agg(${sql} ORDER BY ${order}) AS "${name}"`).join(', ');

/** `changeToken`: the statement of the store's change token. */
export function postgresFacts(pool: Pool, changeToken: string): EngineFacts {
  return {
    // Nothing but the token when facts are queued (they are not current for it).
    indexSource: () => inTransaction(pool, async (client): Promise<FactsIndexSource> => {
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
    }, { isolation: 'REPEATABLE READ', readOnly: true }),
    changeToken: async () => (await one<{ token: string }>(pool, changeToken))!.token,
  };
}
