// The SQLite engine of the query layer (sql.ts): better-sqlite3 answers each statement at once, so a
// piece of work runs synchronously from start to end, and its transaction is better-sqlite3's own
// (BEGIN IMMEDIATE for writes, DEFERRED for reads): no other work can run inside it.

import type Database from 'better-sqlite3';
import { compile, valuesOf, type Dialect, type SqlEngine, type Sql, type Statement, type TransactionOptions } from './sql.ts';

const dialect: Dialect = {
  engine: 'sqlite',
  lockRows: () => '',
  lockTable: () => null,
  lockKey: null,
  lockEach: () => null,
  json: (expr) => expr,
  byteOrder: '',
  descNullsLast: 'DESC',
  stringAgg: (expr, separator) => `group_concat(${expr}, ${separator})`,
  isUniqueViolation: (err) => (err as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE',
  isInputError: (err) => {
    const code = (err as { code?: unknown } | null)?.code;
    return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
  },
  jsonArray: (expr, orderBy) => `json_group_array(${expr} ORDER BY ${orderBy})`,
  leaseClockMs: '@nowMs',
  inList: (name) => `IN (SELECT value FROM json_each(@${name}))`,
  list: (values) => JSON.stringify(values),
  listRows: (name) => `(SELECT key AS position, value FROM json_each(@${name}))`,
  recordRows: (name, columns) =>
    `(SELECT ${Object.keys(columns).map((c) => `json_extract(value, '$.${c}') AS ${c}`).join(', ')} FROM json_each(@${name}))`,
  records: (values) => JSON.stringify(values),
  nextIds: (table) => /* sql */ `
    WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @count)
    SELECT (SELECT coalesce(max(id), 0) FROM ${table}) + i AS id FROM n ORDER BY i`,
};

/** better-sqlite3 binds numbers, strings, bigints, buffers and null; a boolean is stored as SQLite stores one, 1 or 0. */
const bindable = (value: unknown): unknown => (typeof value === 'boolean' ? (value ? 1 : 0) : value);

const CACHED = 1000;

export function sqliteEngine(db: Database.Database): SqlEngine {
  const prepared = new Map<string, { statement: Database.Statement; occurrences: string[] }>();

  const execute = (s: Statement): unknown => {
    let p = prepared.get(s.text);
    if (!p) {
      const { positional, occurrences } = compile(s.text);
      p = { statement: db.prepare(positional), occurrences };
      // Most texts are constants; a filtered view's text depends on which filters are set: keep the last thousand.
      if (prepared.size >= CACHED) prepared.delete(prepared.keys().next().value!);
      prepared.set(s.text, p);
    }
    const values = valuesOf(s, p.occurrences);
    for (let i = 0; i < values.length; i++) values[i] = bindable(values[i]);
    if (s.mode === 'all') return p.statement.all(...values);
    if (s.mode === 'get') return p.statement.get(...values);
    return { changes: p.statement.run(...values).changes };
  };

  /** Feeds each statement's result (or error) back into the work until it returns. */
  const drive = <T>(work: Sql<T>): T => {
    let step = work.next();
    while (!step.done) {
      let result: unknown;
      try {
        result = execute(step.value);
      } catch (err) {
        step = work.throw(err);
        continue;
      }
      step = work.next(result);
    }
    return step.value;
  };

  const inTransaction = db.transaction((work: () => Sql<unknown>) => drive(work()));

  // Not async functions: the work is done by the time the promise is made, one promise fewer per call.
  return {
    dialect,
    each<T>(work: () => Sql<T>): Promise<T> {
      try {
        return Promise.resolve(drive(work()));
      } catch (err) {
        return Promise.reject(err);
      }
    },
    transaction<T>(work: () => Sql<T>, options: TransactionOptions = {}): Promise<T> {
      try {
        return Promise.resolve((options.readOnly ? inTransaction.deferred(work) : inTransaction.immediate(work)) as T);
      } catch (err) {
        return Promise.reject(err);
      }
    },
  };
}
