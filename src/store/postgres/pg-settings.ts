// How a jikenbo server uses its PostgreSQL connections: pool size and the three timeouts, read from the
// casebook's postgres:// URL (`?pool_size=4&statement_timeout_ms=5000`), so that --db, JIKENBO_DB and
// DATABASE_URL all configure them in one place. The URL's other parameters go to the driver untouched.

import { z } from 'zod';
import { JikenboError } from '../../core/errors.ts';
import { invalidInput } from '../../core/invalid-input.ts';

export interface PoolSettings {
  /** Connections the pool opens at most. */
  poolSize: number;
  /** How long a query waits for a free connection (or for a new one to connect) before it fails; 0 waits for ever. */
  acquireTimeoutMs: number;
  /** How long one statement may run before the server cancels it; 0 leaves it to the server (no limit unless the database or role sets one). */
  statementTimeoutMs: number;
  /** How long a transaction may sit idle before the server ends its session; 0 leaves it to the server (no limit by default). */
  idleInTransactionTimeoutMs: number;
}

/**
 * Long enough for the heaviest statement of a large casebook (a regrouping's snapshot, a batch insert),
 * short enough that a stuck query or an exhausted pool becomes an answer rather than a hung request.
 * Migrations and whole-casebook copies lift the statement timeout for their own transaction.
 */
export const DEFAULT_POOL_SETTINGS: PoolSettings = {
  poolSize: 10,
  acquireTimeoutMs: 15_000,
  statementTimeoutMs: 60_000,
  idleInTransactionTimeoutMs: 60_000,
};

const PARAMS = {
  pool_size: 'poolSize',
  acquire_timeout_ms: 'acquireTimeoutMs',
  statement_timeout_ms: 'statementTimeoutMs',
  idle_in_transaction_timeout_ms: 'idleInTransactionTimeoutMs',
} as const satisfies Record<string, keyof PoolSettings>;

const millis = z.coerce.number().int().min(0).max(2_147_483_647);
const schema = z.object({
  pool_size: z.coerce.number().int().min(1).max(1000).optional(),
  acquire_timeout_ms: millis.optional(),
  statement_timeout_ms: millis.optional(),
  idle_in_transaction_timeout_ms: millis.optional(),
});

/** The driver's URL (jikenbo's parameters taken out) and the settings they gave, over the defaults. */
export function readPostgresUrl(url: string): { url: string; settings: PoolSettings } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new JikenboError('bad_input', 'the PostgreSQL URL cannot be read', { subject: 'db' });
  }
  const given: Record<string, string> = {};
  for (const name of Object.keys(PARAMS)) {
    const value = u.searchParams.get(name);
    if (value !== null) given[name] = value;
    u.searchParams.delete(name);
  }
  const parsed = schema.safeParse(given);
  if (!parsed.success) throw invalidInput(parsed.error, { what: 'the PostgreSQL URL\'s parameter' });
  const settings = { ...DEFAULT_POOL_SETTINGS };
  for (const [name, key] of Object.entries(PARAMS)) {
    const value = parsed.data[name as keyof typeof PARAMS];
    if (value !== undefined) settings[key] = value;
  }
  return { url: u.toString(), settings };
}

/** `database "name" on host:port`, for messages: never the password. */
export function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    const name = decodeURIComponent(u.pathname.replace(/^\//, '')) || u.username || 'postgres';
    return `PostgreSQL database "${name}" on ${u.host || 'localhost'}`;
  } catch {
    return 'PostgreSQL database';
  }
}
