// The few things every PostgreSQL query module shares: the pool, transactions with retry, and how
// driver errors become JikenboErrors.

import pg from 'pg';
import { JikenboError } from '../../core/errors.ts';
import { databaseError, guardPool, holding, sqlState } from './pg-pool-guard.ts';
import { describeDatabase, readPostgresUrl, type PoolSettings } from './pg-settings.ts';

export { guardPool, sqlState };

export type Pool = pg.Pool;
export type Client = pg.PoolClient;
/** A pool or a client inside a transaction: what a query needs. */
export type Queryable = Pick<pg.Pool, 'query'>;

export type Isolation = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

/**
 * A pool for a postgres:// URL (its jikenbo parameters read by pg-settings.ts; `overrides` from code win);
 * each connection speaks UTC and UTF-8 whatever the server's defaults, under the statement and
 * idle-in-transaction timeouts, and waits for a free connection at most the acquire timeout.
 */
export function createPool(url: string, overrides: Partial<PoolSettings> = {}): Pool {
  const read = readPostgresUrl(url);
  const settings: PoolSettings = { ...read.settings };
  for (const [key, value] of Object.entries(overrides) as [keyof PoolSettings, number | undefined][]) {
    if (value !== undefined) settings[key] = value;
  }
  const pool = new pg.Pool({
    connectionString: read.url,
    max: settings.poolSize,
    connectionTimeoutMillis: settings.acquireTimeoutMs,
    // 0 is not sent (the driver leaves a falsy limit out): the server's own setting applies, "none" by default.
    statement_timeout: settings.statementTimeoutMs,
    idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs,
    options: '-c timezone=UTC -c client_encoding=UTF8',
    types: { getTypeParser },
  });
  return guardPool(pool, { database: describeDatabase(read.url), settings });
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
 * again (another process got in first; the work re-reads what it decides on), a few times. `work`
 * queries through its client only: asking the same pool for anything while it runs is refused (see
 * `holding` in pg-pool-guard.ts), as it would hold one connection while waiting for another.
 */
export async function inTransaction<T>(
  pool: Pool,
  work: (client: Client) => Promise<T>,
  options: { isolation?: Isolation; readOnly?: boolean } = {},
): Promise<T> {
  const begin = `BEGIN ISOLATION LEVEL ${options.isolation ?? 'READ COMMITTED'}${options.readOnly ? ' READ ONLY' : ''}`;
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    // The server ending the session (the idle-in-transaction timeout) reaches a checked-out client as an
    // 'error' event, which would end the process unheard; kept here, it explains the failed query instead.
    let lost: Error | undefined;
    // The server's own reason (25P03) comes first; "Connection terminated" after it says less.
    const onLost = (err: Error) => { if (lost === undefined || sqlState(lost) === undefined) lost = err; };
    client.on('error', onLost);
    try {
      return await holding.run(pool, async () => {
        await client.query(begin);
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      });
    } catch (err) {
      if (lost === undefined) await client.query('ROLLBACK').catch(() => {});
      if (lost === undefined && attempt < 5 && RETRYABLE.has(sqlState(err) ?? '')) continue;
      throw databaseError(pool, lost !== undefined && !(err instanceof JikenboError) ? lost : err);
    } finally {
      client.off('error', onLost);
      // A connection the server has ended is dropped, not handed to the next query.
      client.release(lost);
    }
  }
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
