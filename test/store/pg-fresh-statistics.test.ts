// A bulk ingest on PostgreSQL analyzes the tables it grows as they double (store/postgres/fresh-statistics.ts),
// so the cached plans of foreign-key checks stop being sequential scans made when the tables were small.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, type Pool } from '../../src/store/postgres/pg-database.ts';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { freshStatistics } from '../../src/store/postgres/fresh-statistics.ts';
import { migrate } from '../../src/store/migrations/postgres-migrate.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts';
import { makeDocument, makeNotice, makeRecord } from './fixtures.ts';

/** A pool that records what it is asked and answers reltuples with `rows`. */
function fakePool(rows: () => number, fail = false) {
  const asked: string[] = [];
  const pool = {
    async query(text: string) {
      asked.push(text.split(' ')[0]!);
      if (fail) throw new Error('lock timeout');
      return { rows: [{ n: rows() }] };
    },
  };
  return { pool: pool as unknown as Pool, asked };
}

describe('statistics kept fresh during a bulk ingest', () => {
  it('analyzes after the first thousand notices, then after as many as incidents held at the last time', async () => {
    let incidents = 5000;
    const { pool, asked } = fakePool(() => incidents);
    const statistics = freshStatistics(pool);
    await statistics.added(600);
    expect(asked).toEqual([]);
    await statistics.added(400);
    expect(asked).toEqual(['ANALYZE', 'SELECT']);
    await statistics.added(4999);
    expect(asked).toHaveLength(2);
    incidents = 200;
    await statistics.added(1);
    expect(asked).toHaveLength(4);
    // Never more often than every thousand notices, however small the tables were found.
    await statistics.added(999);
    expect(asked).toHaveLength(4);
    await statistics.added(1);
    expect(asked).toHaveLength(6);
  });

  it('leaves a committed batch alone when the ANALYZE fails, and tries again after the next thousand', async () => {
    const { pool, asked } = fakePool(() => 0, true);
    const statistics = freshStatistics(pool);
    await expect(statistics.added(1000)).resolves.toBeUndefined();
    expect(asked).toEqual(['ANALYZE']);
    await statistics.added(999);
    expect(asked).toHaveLength(1);
    await statistics.added(1);
    expect(asked).toHaveLength(2);
  });
});

/** Only the ANALYZE under test changes these tables' statistics: autovacuum could visit the test's database at any time. */
async function noAutovacuum(pool: Pool): Promise<void> {
  for (const table of ['incidents', 'incident_notices', 'grouping_blocks']) await pool.query(`ALTER TABLE ${table} SET (autovacuum_enabled = false)`);
}

describe('statistics kept fresh on a real PostgreSQL', () => {
  let database: TestDatabase;
  let pool: Pool;
  beforeAll(async () => {
    database = await createTestDatabase('jikenbo_stats', { empty: true });
    pool = createPool(database.url, { poolSize: 1 });
    await migrate(pool);
    await noAutovacuum(pool);
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it('counts the rows of incidents, incident_notices and grouping_blocks in pg_class once due', async () => {
    await pool.query("INSERT INTO incidents (created_at) SELECT '2026-01-01T00:00:00Z' FROM generate_series(1, 1500)");
    const reltuples = async () => (await pool.query<{ relname: string; reltuples: number }>(
      "SELECT relname, reltuples FROM pg_class WHERE relname IN ('incidents', 'incident_notices', 'grouping_blocks') ORDER BY relname")).rows;
    // Never analyzed: PostgreSQL says -1 (the planner guesses from the table's pages).
    expect((await reltuples()).map((r) => r.reltuples)).toEqual([-1, -1, -1]);
    const statistics = freshStatistics(pool);
    await statistics.added(999);
    expect((await reltuples()).map((r) => r.reltuples)).toEqual([-1, -1, -1]);
    await statistics.added(1);
    expect(await reltuples()).toEqual([
      { relname: 'grouping_blocks', reltuples: 0 }, { relname: 'incident_notices', reltuples: 0 }, { relname: 'incidents', reltuples: 1500 },
    ]);
  });

  it('is what the store does after each batch it commits: incidents counted once a thousand notices are in', async () => {
    const other = await createTestDatabase('jikenbo_stats_store');
    const store = await openPostgresStore(other.url, { maxConnections: 2 });
    const check = createPool(other.url, { poolSize: 1 });
    try {
      await noAutovacuum(check);
      const incidents = async () => (await check.query<{ n: number }>("SELECT reltuples AS n FROM pg_class WHERE relname = 'incidents'")).rows[0]!.n;
      const batch = (from: number) => Array.from({ length: 250 }, (_, i) => {
        const text = `株式会社テスト${from + i}は、個人情報を含むファイルの誤送信がありましたことをお知らせします。`;
        return { doc: makeDocument(text, `n${from + i}.txt`), notices: [makeNotice(text, makeRecord({ organization: `株式会社テスト${from + i}` }))] };
      });
      for (const from of [0, 250, 500]) await store.ingestDocuments(batch(from));
      // The same bytes again add nothing, and count for nothing.
      await store.ingestDocuments(batch(500));
      expect(await incidents()).toBe(-1);
      await store.ingestDocuments(batch(750));
      expect(await incidents()).toBe(1000);
    } finally {
      await check.end();
      await store.close();
      await other.drop();
    }
  });
});
