// What keeps a PostgreSQL pool from hanging, and says why when it cannot answer: a pool refuses a
// connection asked for inside one of its own transactions, and its timeouts and lost connections become
// JikenboErrors ('unavailable', a 503) that name the database and the limit it hit.

import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';
import { JikenboError } from '../../core/errors.ts';
import { describeDatabase, type PoolSettings } from './pg-settings.ts';

type Pool = pg.Pool;
type Client = pg.PoolClient;

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
export const holding = new AsyncLocalStorage<Pool>();

/**
 * Makes a pool refuse, loudly, to hand out a connection inside one of its own transactions (see
 * `holding`), and turns its timeouts and lost connections into JikenboErrors that name the database.
 * createPool does it; a store opened on a pool someone else made does it too. Idempotent.
 */
export function guardPool(pool: Pool, facts?: PoolFacts): Pool {
  if (FACTS.has(pool)) return pool;
  FACTS.set(pool, facts ?? factsOf(pool));
  // A restart or failover ends every connection. pg reports it as 'error' events, and one with no
  // listener ends the process: on the pool for an idle client, on the client while checked out, where
  // pool.query listens only once (a FATAL message and then the closed socket are two events). The
  // failed query itself rejects with the reason (turned into 'unavailable' below); the pool drops the
  // dead client and opens new connections once the server is back.
  pool.on('error', ignore);
  pool.on('connect', (client: Client) => client.on('error', ignore));
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

function ignore(): void {}

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
  // The pages say it in the reader's language (error.db.* in the web app's catalogue), naming the same things.
  const [, name = database, host = ''] = /^PostgreSQL database "(.*)" on (.+)$/s.exec(database) ?? [];
  const unavailable = (text: string, key: string, params: Record<string, string | number> = {}) =>
    new JikenboError('unavailable', `${database}: ${text}`, { cause: err, key, params: { name, host, ...params } });
  if (state === '57014' && /statement timeout/i.test(message)) {
    return unavailable(`a statement ran longer than the statement timeout (${settings.statementTimeoutMs} ms) and was cancelled`,
      'error.db.statement_timeout', { ms: String(settings.statementTimeoutMs) });
  }
  if (state === '25P03') {
    return unavailable(`a transaction sat idle longer than the idle-in-transaction timeout (${settings.idleInTransactionTimeoutMs} ms); the server ended its session`,
      'error.db.idle_timeout', { ms: String(settings.idleInTransactionTimeoutMs) });
  }
  if (ACQUIRE_TIMEOUT.test(message)) {
    return unavailable(`no connection could be had within the acquire timeout (${settings.acquireTimeoutMs} ms): `
      + `the pool's ${settings.poolSize} connections are all in use, or the server does not answer`,
    'error.db.acquire_timeout', { ms: String(settings.acquireTimeoutMs), size: settings.poolSize });
  }
  if ((typeof code === 'string' && UNREACHABLE.has(code)) || state?.startsWith('08') || state === '57P01' || state === '57P03'
    || (state === undefined && LOST.test(message))) {
    return unavailable(`cannot be reached (${message})`, 'error.db.unreachable', { detail: message });
  }
  return err;
}

export function sqlState(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

