// The SQLite engine of the query layer (sql.ts): better-sqlite3 answers each statement at once, so a
// piece of work runs synchronously from start to end, and its transaction is better-sqlite3's own
// (BEGIN IMMEDIATE for writes, DEFERRED for reads): no other work can run inside it.

import type Database from 'better-sqlite3';
import { compile, valuesOf, type Dialect, type SqlEngine, type Sql, type Statement, type TransactionOptions } from './sql.ts';

const dialect: Dialect = {
  engine: 'sqlite',
  lockRows: () => '',
  leaseClockMs: '@nowMs',
};

/** better-sqlite3 binds numbers, strings, bigints, buffers and null; a boolean is stored as SQLite stores one, 1 or 0. */
const bindable = (value: unknown): unknown => (typeof value === 'boolean' ? (value ? 1 : 0) : value);

export function sqliteEngine(db: Database.Database): SqlEngine {
  const prepared = new Map<string, { statement: Database.Statement; names: string[] }>();

  const execute = (s: Statement): unknown => {
    let p = prepared.get(s.text);
    if (!p) {
      const { named, names } = compile(s.text);
      p = { statement: db.prepare(named), names };
      prepared.set(s.text, p);
    }
    const { statement, names } = p;
    const args: Array<Record<string, unknown>> = [];
    if (names.length > 0) {
      const values = valuesOf(s, names);
      const bound: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) bound[names[i]!] = bindable(values[i]);
      args.push(bound);
    }
    if (s.mode === 'all') return statement.all(...args);
    if (s.mode === 'get') return statement.get(...args);
    return { changes: statement.run(...args).changes };
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

  return {
    dialect,
    async each<T>(work: () => Sql<T>): Promise<T> {
      return drive(work());
    },
    async transaction<T>(work: () => Sql<T>, options: TransactionOptions = {}): Promise<T> {
      return (options.readOnly ? inTransaction.deferred(work) : inTransaction.immediate(work)) as T;
    },
  };
}
