// The PostgreSQL pool never hangs: no query holds one connection while waiting for another, and a
// stuck statement, an exhausted pool or an idle transaction becomes a clear 'unavailable' error.

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JikenboError } from '../../src/core/errors.ts';
import { createPool, inTransaction, type Pool } from '../../src/store/postgres/pg-database.ts';
import { DEFAULT_POOL_SETTINGS, readPostgresUrl } from '../../src/store/postgres/pg-settings.ts';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts';
import { NOTICES, makeDocument, makeNotice } from './fixtures.ts';
import { httpErrorOf } from '../../src/server/error-response.ts';

async function errorOf(promise: Promise<unknown>): Promise<JikenboError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(JikenboError);
  return err as JikenboError;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PostgreSQL pool settings in the URL', () => {
  it('reads jikenbo\'s parameters off the URL, keeps the others for the driver, and refuses bad values', () => {
    const read = readPostgresUrl('postgres://u:secret@db.example:5433/cases?pool_size=3&statement_timeout_ms=0&sslmode=disable&acquire_timeout_ms=250');
    expect(read.settings).toEqual({ ...DEFAULT_POOL_SETTINGS, poolSize: 3, statementTimeoutMs: 0, acquireTimeoutMs: 250 });
    expect(read.url).toBe('postgres://u:secret@db.example:5433/cases?sslmode=disable');
    expect(readPostgresUrl('postgres://localhost/cases').settings).toEqual(DEFAULT_POOL_SETTINGS);
    for (const bad of ['pool_size=0', 'statement_timeout_ms=-1', 'acquire_timeout_ms=soon', 'idle_in_transaction_timeout_ms=1.5']) {
      expect(() => readPostgresUrl(`postgres://localhost/cases?${bad}`)).toThrow(JikenboError);
    }
  });
});

describe('PostgreSQL pool without hangs', () => {
  let database: TestDatabase;
  const pools: Pool[] = [];
  const pool = (settings: Parameters<typeof createPool>[1]) => {
    const p = createPool(database.url, settings);
    pools.push(p);
    return p;
  };

  beforeAll(async () => {
    database = await createTestDatabase('jikenbo_pool');
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await database?.drop();
  });

  it('refuses, at once, a query on the pool inside a transaction of the same pool', async () => {
    const p = pool({ poolSize: 1, acquireTimeoutMs: 0 });
    // With one connection and no acquire timeout this would wait for ever without the guard.
    const err = await errorOf(inTransaction(p, async () => p.query('SELECT 1')));
    expect(err.code).toBe('internal');
    expect(err.message).toMatch(/second connection while its own transaction holds one/);
    const nested = await errorOf(inTransaction(p, async () => inTransaction(p, async () => 1)));
    expect(nested.message).toMatch(/second connection/);
    // The connection went back: the pool still answers, outside any transaction.
    expect((await p.query('SELECT 2 AS n')).rows[0]).toEqual({ n: 2 });
  });

  it('guards a pool the caller made and hands to the store, too', async () => {
    const foreign = new pg.Pool({ connectionString: database.url, max: 1 });
    const store = await openPostgresStore(foreign);
    try {
      const err = await errorOf(inTransaction(foreign, async () => foreign.query('SELECT 1')));
      expect(err.message).toContain(`PostgreSQL database "${database.name}"`);
      expect(err.message).toMatch(/second connection/);
      // The store works on it outside transactions (a notice read, inside its own transaction, too).
      expect(await store.getNotice(1)).toBeNull();
    } finally {
      await store.close();
      await foreign.end();
    }
  });

  it('lets another pool be used inside a transaction (only the same pool would wait on itself)', async () => {
    const a = pool({ poolSize: 1 });
    const b = pool({ poolSize: 1 });
    expect(await inTransaction(a, async () => (await b.query('SELECT 3 AS n')).rows[0])).toEqual({ n: 3 });
  });

  it('reads many notices at once on a pool of one connection', async () => {
    const store = await openPostgresStore(p1Url(database.url), {});
    try {
      const { noticeIds } = await store.ingestDocument(makeDocument(NOTICES.leak.text), [makeNotice(NOTICES.leak.text, NOTICES.leak.record)]);
      const id = noticeIds[0]!;
      // getNotice used to ask for a second connection inside its transaction: with one connection, it hung.
      const read = await Promise.all(Array.from({ length: 20 }, () => store.getNotice(id)));
      expect(read.every((n) => n?.id === id)).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('cancels a statement over the statement timeout with an error naming the database', async () => {
    const p = pool({ statementTimeoutMs: 200 });
    const started = Date.now();
    const err = await errorOf(p.query('SELECT pg_sleep(20)'));
    // Cancelled long before the sleep ends: generous for a loaded machine, still half the sleep.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(err.code).toBe('unavailable');
    expect(httpErrorOf(err).status).toBe(503);
    expect(err.message).toContain(`PostgreSQL database "${database.name}"`);
    expect(err.message).toMatch(/statement timeout \(200 ms\)/);
    // Inside a transaction too, and the pool goes on serving.
    const inTx = await errorOf(inTransaction(p, async (client) => client.query('SELECT pg_sleep(5)')));
    expect(inTx.message).toMatch(/statement timeout/);
    expect((await p.query('SELECT 1 AS n')).rows[0]).toEqual({ n: 1 });
  });

  it('gives up waiting for a connection after the acquire timeout when the pool is exhausted', async () => {
    const p = pool({ poolSize: 2, acquireTimeoutMs: 150 });
    const held = [await p.connect(), await p.connect()];
    try {
      const err = await errorOf(p.query('SELECT 1'));
      expect(err.code).toBe('unavailable');
      expect(err.message).toContain(`"${database.name}"`);
      expect(err.message).toMatch(/acquire timeout \(150 ms\).*2 connections are all in use/);
      expect((await errorOf(inTransaction(p, async () => 1))).message).toMatch(/acquire timeout/);
    } finally {
      for (const c of held) c.release();
    }
    expect((await p.query('SELECT 1 AS n')).rows[0]).toEqual({ n: 1 });
  });

  it('reports a transaction the server ended for sitting idle, and drops its connection', async () => {
    const p = pool({ poolSize: 1, idleInTransactionTimeoutMs: 100 });
    const err = await errorOf(inTransaction(p, async (client) => {
      await client.query('SELECT 1');
      await sleep(600);
      return client.query('SELECT 1');
    }));
    expect(err.code).toBe('unavailable');
    expect(err.message).toMatch(/idle-in-transaction timeout \(100 ms\)/);
    // The ended connection was not handed out again: the next query gets a new one.
    expect((await p.query('SELECT 4 AS n')).rows[0]).toEqual({ n: 4 });
  });
});

function p1Url(url: string): string {
  const u = new URL(url);
  u.searchParams.set('pool_size', '1');
  u.searchParams.set('acquire_timeout_ms', '5000');
  return u.toString();
}
