// The few things every PostgreSQL query module shares: the pool, transactions with retry, and how
// driver errors become JikenboErrors.

import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { JikenboError } from '../../core/errors.ts';
import { describeDatabase, readPostgresUrl, type PoolSettings } from './pg-settings.ts';

export type Pool = pg.Pool;
export type Client = pg.PoolClient;
/** A pool or a client inside a transaction: what a query needs. */
export type Queryable = Pick<pg.Pool, 'query'>;

export type Isolation = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

/** What the messages of a pool's errors name: the database (never its password) and the limits it runs under. */
interface PoolFacts {
  database: string;
  settings: PoolSettings;
}

const FACTS = new WeakMap<Pool, PoolFacts>();

/**
 * The pool whose connection the running transaction holds, for as long as its callback runs (and
 * whatever that callback starts). A query on that same pool from there would wait for a second
 * connection while holding the first: with every connection held that way, nothing is ever freed.
 */
const holding = new AsyncLocalStorage<Pool>();

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
  // An idle client losing its connection must not take the process down; the next query reports it.
  pool.on('error', () => {});
  return guardPool(pool, { database: describeDatabase(read.url), settings });
}

/**
 * Makes a pool refuse, loudly, to hand out a connection inside one of its own transactions (see
 * `holding`), and turns its timeouts and lost connections into JikenboErrors that name the database.
 * createPool does it; a store opened on a pool someone else made does it too. Idempotent.
 */
export function guardPool(pool: Pool, facts?: PoolFacts): Pool {
  if (FACTS.has(pool)) return pool;
  FACTS.set(pool, facts ?? factsOf(pool));
  const connect = pool.connect.bind(pool) as (callback?: (...args: unknown[]) => void) => Promise<Client> | undefined;
  // pg-pool's query() takes its connection through this.connect (callback form): one check covers both.
  (pool as { connect: unknown }).connect = (callback?: (...args: unknown[]) => void) => {
    if (holding.getStore() === pool) {
      const err = new JikenboError('internal', `${FACTS.get(pool)!.database}: a query asked the pool for a second connection `
        + 'while its own transaction holds one (pass the transaction\'s client down instead)');
      if (callback) {
        process.nextTick(() => callback(err, undefined, () => {}));
        return undefined;
      }
      return Promise.reject(err);
    }
    if (callback) return connect(callback);
    return connect()!.catch((err: unknown) => { throw databaseError(pool, err); });
  };
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as { query: unknown }).query = (...args: unknown[]) => {
    const result = query(...args);
    return result instanceof Promise ? result.catch((err: unknown) => { throw databaseError(pool, err); }) : result;
  };
  return pool;
}

function factsOf(pool: Pool): PoolFacts {
  const o = pool.options as pg.PoolConfig;
  const name = o.database ?? (o.connectionString ? undefined : o.user);
  return {
    database: o.connectionString ? describeDatabase(o.connectionString) : `PostgreSQL database "${name ?? 'postgres'}" on ${o.host ?? 'localhost'}:${o.port ?? 5432}`,
    settings: {
      poolSize: o.max ?? 10,
      acquireTimeoutMs: o.connectionTimeoutMillis ?? 0,
      statementTimeoutMs: typeof o.statement_timeout === 'number' ? o.statement_timeout : 0,
      idleInTransactionTimeoutMs: typeof o.idle_in_transaction_session_timeout === 'number' ? o.idle_in_transaction_session_timeout : 0,
    },
  };
}

const ACQUIRE_TIMEOUT = /timeout exceeded when trying to connect|connection timeout/i;
const LOST = /Connection terminated|not queryable/i;
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'EPIPE']);

/**
 * A driver error as the JikenboError a person can act on, when it says the database is out of reach
 * for now (503: try again): no free connection in time, a statement cancelled by the statement
 * timeout, a session ended by the idle-in-transaction timeout, a connection refused or lost. Any other
 * error is returned as it is (callers read SQLSTATEs such as 23505 from it).
 */
export function databaseError(pool: Pool, err: unknown): unknown {
  if (err instanceof JikenboError) return err;
  const facts = FACTS.get(pool) ?? factsOf(pool);
  const { database, settings } = facts;
  const state = sqlState(err);
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown } | null)?.code;
  const unavailable = (text: string) => new JikenboError('unavailable', `${database}: ${text}`, { cause: err });
  if (state === '57014' && /statement timeout/i.test(message)) {
    return unavailable(`a statement ran longer than the statement timeout (${settings.statementTimeoutMs} ms) and was cancelled`);
  }
  if (state === '25P03') {
    return unavailable(`a transaction sat idle longer than the idle-in-transaction timeout (${settings.idleInTransactionTimeoutMs} ms); the server ended its session`);
  }
  if (ACQUIRE_TIMEOUT.test(message)) {
    return unavailable(`no connection could be had within the acquire timeout (${settings.acquireTimeoutMs} ms): `
      + `the pool's ${settings.poolSize} connections are all in use, or the server does not answer`);
  }
  if ((typeof code === 'string' && UNREACHABLE.has(code)) || state?.startsWith('08') || state === '57P01' || state === '57P03'
    || (state === undefined && LOST.test(message))) {
    return unavailable(`cannot be reached (${message})`);
  }
  return err;
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
 * `holding`), as it would hold one connection while waiting for another.
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
