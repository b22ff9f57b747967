// What only the SQLite engine has: its migrations, pragmas, FTS5 index, and crash safety.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexTokens } from '../../src/core/bigram.ts';
import { JikenboError } from '../../src/core/errors.ts';
import { MIGRATIONS } from '../../src/store/migrations/schema-migrations.ts';
import { migrate } from '../../src/store/migrations/sqlite-migrate.ts';
import { openSqliteDatabase, openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { NOTICES, makeDocument, makeNotice, makeRecord } from './fixtures.ts';

const TABLES = ['documents', 'notices', 'records', 'notice_types', 'incidents', 'incident_notices'] as const;

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jikenbo-sqlite-'));
  path = join(dir, 'casebook.db');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A second, independent connection to inspect what is really on disk. */
function inspect<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

function rowCounts(db: Database.Database): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) counts[table] = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  // A contentless FTS5 table cannot be counted directly; its size table has one row per indexed row.
  counts.notice_fts = (db.prepare('SELECT count(*) AS n FROM notice_fts_docsize').get() as { n: number }).n;
  return counts;
}

async function ingestFixtures(): Promise<void> {
  const store = await openSqliteStore(path);
  for (const { text, record } of Object.values(NOTICES)) {
    await store.ingestDocument(makeDocument(text), [makeNotice(text, record)]);
  }
  await store.close();
}

describe('migrations', () => {
  it('run once on open, and re-opening applies nothing', async () => {
    await (await openSqliteStore(path)).close();
    const first = inspect((db) => db.prepare('SELECT version, name, applied_at FROM schema_migrations').all());
    expect(first).toHaveLength(MIGRATIONS.length);
    expect((first as Array<{ version: number }>).map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));

    await ingestFixtures();
    await (await openSqliteStore(path)).close();
    inspect((db) => {
      expect(db.prepare('SELECT version, name, applied_at FROM schema_migrations').all()).toEqual(first);
      expect(rowCounts(db).notices).toBe(4);
    });

    const db = new Database(path);
    expect(migrate(db)).toEqual({ applied: [], current: MIGRATIONS.at(-1)!.version });
    db.close();
  });

  it('apply later migrations in order, each recorded with its own transaction', () => {
    const db = new Database(path);
    const last = MIGRATIONS.at(-1)!.version;
    const extra = [
      ...MIGRATIONS,
      { version: last + 2, name: 'third', sql: 'CREATE TABLE third (id INTEGER PRIMARY KEY, second_id INTEGER REFERENCES second (id))' },
      { version: last + 1, name: 'second', sql: 'CREATE TABLE second (id INTEGER PRIMARY KEY)' },
    ];
    expect(migrate(db, extra)).toEqual({ applied: [...MIGRATIONS.map((m) => m.version), last + 1, last + 2], current: last + 2 });
    expect(migrate(db, extra).applied).toEqual([]);
    db.close();
  });

  it('roll back a failing migration and keep the ones before it', () => {
    const db = new Database(path);
    const last = MIGRATIONS.at(-1)!.version;
    const broken = [...MIGRATIONS, { version: last + 1, name: 'broken', sql: 'CREATE TABLE half (id INTEGER); SELECT * FROM no_such_table' }];
    expect(() => migrate(db, broken)).toThrow(/no_such_table/);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half'").get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({ v: last });
    db.close();
  });

  it('refuse a database from a newer jikenbo', async () => {
    await (await openSqliteStore(path)).close();
    const db = new Database(path);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 'x')").run();
    db.close();
    const err = await openSqliteStore(path).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(JikenboError);
    expect((err as JikenboError).code).toBe('conflict');
  });
});

describe('connection settings', () => {
  it('uses WAL, foreign keys and a busy timeout', () => {
    const db = openSqliteDatabase(path, { busyTimeoutMs: 1234 });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(1234);
    expect(() => db.prepare("INSERT INTO records (notice_id, record_json, extractor_version, created_at) VALUES (42, '{}', 'x', 'y')").run())
      .toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('the FTS5 index', () => {
  it('holds exactly the bigram tokens, none split by unicode61', async () => {
    const text = '委託先のＶＰＮ機器から不正アクセス。ｶｰﾄﾞ情報 Café 𠮷野 人々';
    const store = await openSqliteStore(path);
    await store.ingestDocument(makeDocument(text), [makeNotice(text, makeRecord())]);
    await store.close();
    const db = new Database(path);
    db.exec('CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, notice_fts, row)');
    const terms = (db.prepare('SELECT term FROM temp.vocab ORDER BY term').all() as Array<{ term: string }>).map((r) => r.term);
    db.close();
    expect(terms).toEqual([...new Set(indexTokens(text).split(' '))].sort());
    expect(terms).toContain('委託');
    expect(terms).toContain('café');
    expect(terms).toContain('𠮷野');
    expect(terms).toContain('カー');
  });
});

describe('transactions', () => {
  it('leaves every table untouched by hostile queries', async () => {
    await ingestFixtures();
    const before = inspect(rowCounts);
    const store = await openSqliteStore(path);
    for (const query of ['"', "' OR 1=1 --", 'NEAR(', '*', ')', '"); DELETE FROM notices; --', 'x" OR "y']) {
      await store.search(query);
    }
    await expect(store.search('')).rejects.toBeInstanceOf(JikenboError);
    await store.close();
    expect(inspect(rowCounts)).toEqual(before);
    expect(before.notices).toBe(4);
  });

  it('stores one row per notice in every table, in one ingest', async () => {
    await ingestFixtures();
    expect(inspect(rowCounts)).toEqual({
      documents: 4, notices: 4, records: 4, notice_types: 5, incidents: 4, incident_notices: 4, notice_fts: 4,
    });
  });

  it('rolls back every table when a notice fails halfway', async () => {
    const store = await openSqliteStore(path);
    const a = NOTICES.leak;
    const b = NOTICES.lost;
    const ingest = store.ingestDocument(makeDocument(`${a.text}${b.text}`), [
      makeNotice(a.text, a.record, 0),
      makeNotice(b.text, makeRecord({ ...b.record, affected_count: -5 }), 1),
    ]);
    await expect(ingest).rejects.toMatchObject({ code: 'bad_input' });
    await store.close();
    expect(Object.values(inspect(rowCounts)).every((n) => n === 0)).toBe(true);
  });

  it('keeps nothing of a document when the process is killed mid-ingest', () => {
    const child = fileURLToPath(new URL('./kill-ingest-child.ts', import.meta.url));
    const run = spawnSync(process.execPath, ['--import', 'tsx', child, path], { encoding: 'utf8', timeout: 20_000 });
    expect(run.signal).toBe('SIGKILL');
    expect(run.stdout).toContain('ingesting');
    expect(run.stdout).not.toContain('survived');
    // The document ingested before the killed one is kept whole; nothing of the killed one is.
    expect(inspect(rowCounts)).toEqual({
      documents: 1, notices: 1, records: 1, notice_types: 1, incidents: 1, incident_notices: 1, notice_fts: 1,
    });
    expect(inspect((db) => db.prepare('SELECT organization FROM notices').all())).toEqual([{ organization: 'あおば総合病院' }]);
  });
});
