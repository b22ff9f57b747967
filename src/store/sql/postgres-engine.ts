// The PostgreSQL engine of the query layer (sql.ts): each statement awaited on the pool, or on the
// transaction's own connection (inTransaction in pg-database.ts: serialization failures and deadlocks
// tried again, a second connection from the pool refused while the transaction holds one).

import { inTransaction, isInputError, sqlState, type Pool, type Queryable } from '../postgres/pg-database.ts';
import { compile, valuesOf, type Dialect, type Sql, type SqlEngine, type Statement, type TransactionOptions } from './sql.ts';

const dialect: Dialect = {
  engine: 'postgres',
  lockRows: (mode = 'UPDATE') => `FOR ${mode}`,
  lockTable: (table, mode) => `LOCK TABLE ${table} IN ${mode} MODE`,
  lockKey: 'SELECT pg_advisory_xact_lock(@space, hashtext(@key))',
  lockEach: (type) => (type === 'integer'
    ? 'SELECT pg_advisory_xact_lock(CAST(@space AS integer), k) FROM (SELECT DISTINCT value AS k FROM unnest(CAST(@keys AS integer[])) AS value) s ORDER BY k'
    : 'SELECT pg_advisory_xact_lock(CAST(@space AS integer), h) FROM (SELECT DISTINCT hashtext(value) AS h FROM unnest(CAST(@keys AS text[])) AS value) s ORDER BY h'),
  json: (expr) => `CAST(${expr} AS jsonb)`,
  byteOrder: 'COLLATE "C"',
  descNullsLast: 'DESC NULLS LAST',
  stringAgg: (expr, separator, orderBy) => `string_agg(${expr}, ${separator}${orderBy ? ` ORDER BY ${orderBy}` : ''})`,
  isUniqueViolation: (err) => sqlState(err) === '23505',
  isInputError,
  jsonArray: (expr, orderBy) => `coalesce(json_agg(${expr} ORDER BY ${orderBy})::text, '[]')`,
  leaseClockMs: '(extract(epoch FROM clock_timestamp()) * 1000)::bigint',
  inList: (name, type) => `= ANY (CAST(@${name} AS ${type}[]))`,
  list: (values) => [...values],
  listRows: (name, type) => `(SELECT position - 1 AS position, value FROM unnest(CAST(@${name} AS ${type}[])) WITH ORDINALITY AS t (value, position))`,
  recordRows: (name, columns) =>
    `(SELECT * FROM json_to_recordset(CAST(@${name} AS json)) AS t (${Object.entries(columns).map(([c, type]) => `${c} ${type}`).join(', ')}))`,
  records: (values) => JSON.stringify(values),
  nextIds: (table) => `SELECT nextval(pg_get_serial_sequence('${table}', 'id'))::int AS id FROM generate_series(1, CAST(@count AS integer))`,
};

async function execute(db: Queryable, s: Statement): Promise<unknown> {
  const { numbered, names } = compile(s.text);
  const result = await db.query(numbered, valuesOf(s, names));
  if (s.mode === 'all') return result.rows;
  if (s.mode === 'get') return result.rows[0];
  return { changes: result.rowCount ?? 0 };
}

/** Feeds each statement's result (or error) back into the work until it returns. */
async function drive<T>(work: Sql<T>, db: Queryable): Promise<T> {
  let step = work.next();
  while (!step.done) {
    let result: unknown;
    try {
      result = await execute(db, step.value);
    } catch (err) {
      step = work.throw(err);
      continue;
    }
    step = work.next(result);
  }
  return step.value;
}

export function postgresEngine(pool: Pool): SqlEngine {
  return {
    dialect,
    each: (work) => drive(work(), pool),
    // A new generator for each attempt: a retried transaction reads again what it decides on.
    transaction: (work, options: TransactionOptions = {}) => inTransaction(pool, (client) => drive(work(), client), options),
  };
}
