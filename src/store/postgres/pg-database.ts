// The few things every PostgreSQL query module shares: the pool, transactions with retry, and how
// driver errors become JikenboErrors.

import pg from 'pg';
import { JikenboError } from '../../core/errors.ts';

export type Pool = pg.Pool;
export type Client = pg.PoolClient;
/** A pool or a client inside a transaction: what a query needs. */
export type Queryable = Pick<pg.Pool, 'query'>;

export type Isolation = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

/** A pool for a postgres:// URL; each connection speaks UTC and UTF-8 whatever the server's defaults. */
export function createPool(url: string, max = 10): Pool {
  const pool = new pg.Pool({ connectionString: url, max, options: '-c timezone=UTC -c client_encoding=UTF8', types: { getTypeParser } });
  // An idle client losing its connection must not take the process down; the next query reports it.
  pool.on('error', () => {});
  return pool;
}

const INT8 = 20;

/** bigint (counts, affected_count) as a JavaScript number, as better-sqlite3 gives SQLite's integers. */
function getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (oid === INT8 && format !== 'binary') return (value: string) => Number(value);
  return pg.types.getTypeParser(oid, format as 'text');
}

const RETRYABLE = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected

/**
 * Runs `work` in one transaction on one connection. Serialization failures and deadlocks are tried
 * again (another process got in first; the work re-reads what it decides on), a few times.
 */
export async function inTransaction<T>(
  pool: Pool,
  work: (client: Client) => Promise<T>,
  options: { isolation?: Isolation; readOnly?: boolean } = {},
): Promise<T> {
  const begin = `BEGIN ISOLATION LEVEL ${options.isolation ?? 'READ COMMITTED'}${options.readOnly ? ' READ ONLY' : ''}`;
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      if (attempt < 5 && RETRYABLE.has(sqlState(err) ?? '')) continue;
      throw err;
    } finally {
      client.release();
    }
  }
}

export function sqlState(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** Integrity violations (class 23) and bad data (class 22: a malformed value, a NUL in text) are the input's fault. */
export function isInputError(err: unknown): boolean {
  const state = sqlState(err);
  return state !== undefined && (state.startsWith('23') || state.startsWith('22'));
}

/** The rows of a query typed as the caller says; pg returns unknown rows. */
export async function rows<T>(db: Queryable, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query(sql, params)).rows as T[];
}

export async function one<T>(db: Queryable, sql: string, params: unknown[] = []): Promise<T | undefined> {
  return (await rows<T>(db, sql, params))[0];
}

export function internal(message: string): JikenboError {
  return new JikenboError('internal', message);
}

/** Whether a number can be a row id here (integer columns); anything else names no row, as in SQLite. */
export function isRowId(id: number): boolean {
  return Number.isInteger(id) && id >= -2147483648 && id <= 2147483647;
}
