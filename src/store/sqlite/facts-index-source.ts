// SQLite's part of the incident facts (queries/facts-queries.ts): the facts index's columns
// (../facts-index.ts) read column by column with better-sqlite3's pluck (one value a row costs a tenth of
// a row of values), each in rowid order, in one read transaction with the change token.
import type Database from 'better-sqlite3';
import { JP_NOTICES } from '../../core/dataset.ts';
import type { FactsIndexSource } from '../facts-index.ts';
import type { EngineFacts } from '../queries/facts-queries.ts';

/** `changeToken`: the store's change token, read synchronously (a prepared statement). */
export function sqliteFacts(db: Database.Database, changeToken: () => string): EngineFacts {
  const queuedOne = db.prepare('SELECT 1 FROM incident_facts_queue LIMIT 1');
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
  // Nothing but the token when facts are queued (they are not current for it).
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
  return { indexSource: async () => indexSource(), changeToken: async () => changeToken() };
}
