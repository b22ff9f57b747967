// Migration 16 (each text stored once) on casebooks of the schema before it, on both engines: every
// document's text reads back identically, its notices, search, integrity and reextract are unchanged,
// and a new ingest stores a document's text outside its notices only.

import Database from 'better-sqlite3';
import pg from 'pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reextractNotices } from '../../src/app/reextract.ts';
import { extractPost, EXTRACTOR_VERSION } from '../../src/extract/extract.ts';
import { splitPosts } from '../../src/extract/split-posts.ts';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { migrationSql, MIGRATIONS } from '../../src/store/migrations/schema-migrations.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/ports.ts';
import { createTestDatabase } from '../helpers/postgres.ts';
import { makeDocument } from './fixtures.ts';

/** Invented notices: a casebook page with a lead and characters outside the basic plane, a bare notice, and so on. */
const CASEBOOK = [
  'source: https://example.invalid/casebook',
  '',
  '【セキュリティ事件簿#2024-001】架空商事株式会社 𠮷田さんの個人情報が漏えい 🙏',
  '架空商事株式会社は2024年3月1日、不正アクセスにより顧客1,200名の個人情報が漏えいしたと公表した。',
  '',
  '【セキュリティ事件簿#2024-002】みどり市 USBメモリ紛失',
  'みどり市は2024年3月5日、住民350名の情報を保存したUSBメモリを紛失したと公表した。',
  '',
].join('\n');
const BARE = 'さくら病院　患者情報の誤送信について\n\n当院職員が患者12名の検査結果を誤ってファクス送信しました。';
/** A document an older splitter cut short: its notice leaves out a trailing credit. */
const CUT_SHORT_POST = 'あおぞら住建　元従業員による顧客情報の持ち出し\n\n元従業員が顧客情報を持ち出していたことが判明しました。\n';
const CUT_SHORT = `${CUT_SHORT_POST}\n出典: 架空の出典`;
const NO_POSTS = '\n\nsource: https://example.invalid/empty\n';

interface Raw {
  query<T>(sql: string): Promise<T[]>;
  exec(sql: string, params?: unknown[]): Promise<void>;
}

// Migrations run by the highest version recorded, so a casebook taken back to the schema before this
// step is brought forward by running the step's own SQL (later steps stay applied: they touch no text).
const isTextOnce = (m: { name: string }) => m.name.startsWith('each text stored once');
const TEXT_ONCE = MIGRATIONS.find(isTextOnce)!;

interface Engine {
  name: string;
  setUp(): Promise<{ open(): Promise<Store>; raw: Raw; applyTextOnce(): Promise<void>; dispose(): Promise<void> }>;
  /** Back to schema 15: documents.text holds each document's whole text again, no lead_text, no whole_text. */
  downgrade: string[];
}

const ENGINES: Engine[] = [
  {
    name: 'sqlite',
    async setUp() {
      const dir = mkdtempSync(join(tmpdir(), 'jikenbo-text-once-'));
      const path = join(dir, 'casebook.db');
      const withDb = <T>(work: (db: Database.Database) => T): T => {
        const db = new Database(path);
        try {
          return work(db);
        } finally {
          db.close();
        }
      };
      return {
        open: () => openSqliteStore(path),
        raw: {
          query: async <T>(sql: string) => withDb((db) => db.prepare(sql).all() as T[]),
          exec: async (sql, params = []) => void withDb((db) => db.prepare(sql).run(...params)),
        },
        applyTextOnce: async () => withDb((db) => {
          db.exec(migrationSql(TEXT_ONCE, 'sqlite'));
          db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(TEXT_ONCE.version, TEXT_ONCE.name, new Date().toISOString());
        }),
        dispose: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
    downgrade: [
      "ALTER TABLE documents ADD COLUMN text TEXT NOT NULL DEFAULT ''",
      'ALTER TABLE documents DROP COLUMN lead_text',
      'ALTER TABLE documents DROP COLUMN whole_text',
      `DELETE FROM schema_migrations WHERE version = ${TEXT_ONCE.version}`,
    ],
  },
  {
    name: 'postgres',
    async setUp() {
      const database = await createTestDatabase('jikenbo_text_once');
      const withPool = async <T>(work: (pool: pg.Pool) => Promise<T>): Promise<T> => {
        const pool = new pg.Pool({ connectionString: database.url, max: 1 });
        try {
          return await work(pool);
        } finally {
          await pool.end();
        }
      };
      return {
        open: () => openPostgresStore(database.url, { maxConnections: 2 }),
        raw: {
          query: <T>(sql: string) => withPool(async (pool) => (await pool.query(sql)).rows as T[]),
          exec: (sql, params = []) => {
            let n = 0;
            return withPool(async (pool) => void (await pool.query(sql.replaceAll('?', () => `$${++n}`), params)));
          },
        },
        applyTextOnce: () => withPool(async (pool) => {
          await pool.query(migrationSql(TEXT_ONCE, 'postgres'));
          await pool.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [TEXT_ONCE.version, TEXT_ONCE.name, new Date().toISOString()]);
        }),
        dispose: () => database.drop(),
      };
    },
    downgrade: [
      "ALTER TABLE documents ADD COLUMN text text NOT NULL DEFAULT ''",
      'ALTER TABLE documents DROP COLUMN lead_text',
      'ALTER TABLE documents DROP COLUMN whole_text',
      `DELETE FROM schema_migrations WHERE version = ${TEXT_ONCE.version}`,
    ],
  },
];

/** Each document as the ingest makes it: posts cut by the splitter (or given), each read by the extractor. */
function documents() {
  const cut = (text: string) => splitPosts(text).map((post, ordinal) => ({
    ordinal, start: post.start, end: post.end, text: post.text, record: extractPost(post), extractorVersion: EXTRACTOR_VERSION,
  }));
  const [shortPost] = splitPosts(CUT_SHORT_POST);
  return [
    { text: CASEBOOK, notices: cut(CASEBOOK), lead: 'source: https://example.invalid/casebook\n\n' },
    { text: BARE, notices: cut(BARE), lead: '' },
    {
      text: CUT_SHORT, lead: null,
      notices: [{ ordinal: 0, start: 0, end: CUT_SHORT_POST.length, text: CUT_SHORT_POST, record: extractPost(shortPost!), extractorVersion: EXTRACTOR_VERSION }],
    },
    { text: NO_POSTS, notices: cut(NO_POSTS), lead: NO_POSTS },
  ];
}

describe.each(ENGINES)('each text stored once on $name', (engine) => {
  it('stores a new document\'s text outside its notices only, and reads it back whole', async () => {
    const { open, raw, dispose } = await engine.setUp();
    try {
      const docs = documents();
      const store = await open();
      const ids: number[] = [];
      try {
        for (const [k, d] of docs.entries()) ids.push((await store.ingestDocument(makeDocument(d.text, `doc${k}.txt`), d.notices)).documentId);
        for (const [k, d] of docs.entries()) expect(await store.getDocumentText(ids[k]!)).toBe(d.text);
        expect(await store.getDocumentText(9999)).toBeNull();
      } finally {
        await store.close();
      }
      const rows = await raw.query<{ id: number; lead_text: string; whole_text: string | null }>('SELECT id, lead_text, whole_text FROM documents ORDER BY id');
      expect(rows).toEqual(docs.map((d, k) => ({ id: ids[k], lead_text: d.lead ?? '', whole_text: d.lead === null ? d.text : null })));
    } finally {
      await dispose();
    }
  });

  it('migrates a casebook of schema 15 without losing a character', async () => {
    const { open, raw, applyTextOnce, dispose } = await engine.setUp();
    try {
      const docs = documents();
      let store = await open();
      const ids: number[] = [];
      try {
        for (const [k, d] of docs.entries()) ids.push((await store.ingestDocument(makeDocument(d.text, `doc${k}.txt`), d.notices)).documentId);
      } finally {
        await store.close();
      }
      for (const sql of engine.downgrade) await raw.exec(sql);
      for (const [k, d] of docs.entries()) await raw.exec('UPDATE documents SET text = ? WHERE id = ?', [d.text, ids[k]]);
      expect(await raw.query<{ text: string }>('SELECT text FROM documents ORDER BY id')).toEqual(docs.map((d) => ({ text: d.text })));

      await applyTextOnce();
      store = await open();
      try {
        expect(await raw.query<{ v: number }>('SELECT max(version) AS v FROM schema_migrations')).toEqual([{ v: Math.max(...MIGRATIONS.map((m) => m.version)) }]);
        for (const [k, d] of docs.entries()) expect(await store.getDocumentText(ids[k]!)).toBe(d.text);
        const rows = await raw.query<{ id: number; lead_text: string; whole_text: string | null }>('SELECT id, lead_text, whole_text FROM documents ORDER BY id');
        expect(rows).toEqual(docs.map((d, k) => ({ id: ids[k], lead_text: d.lead ?? '', whole_text: d.lead === null ? d.text : null })));

        // The notices, their evidence offsets into the document, search and integrity are as before.
        const notices = await store.listNotices({ limit: 100 });
        expect(notices).toHaveLength(4);
        for (const [k, d] of docs.entries()) {
          const text = (await store.getDocumentText(ids[k]!))!;
          for (const n of d.notices) {
            const stored = notices.find((s) => s.documentId === ids[k] && s.header === n.record.header)!;
            const detail = (await store.getNotice(stored.id))!;
            expect(detail.text).toBe(n.text);
            expect(text.slice(n.start, n.end)).toBe(n.text);
            expect(detail.record).toEqual(n.record);
          }
        }
        expect((await store.search('𠮷田')).map((h) => h.documentId)).toEqual([ids[0]]);
        expect((await store.search('ファクス')).map((h) => h.documentId)).toEqual([ids[1]]);
        const checked = await store.checkIntegrity();
        expect(checked.problems).toEqual([]);
        expect(checked.counted.document_text).toBe(3);

        const report = await reextractNotices(store, { force: true });
        expect(report.notices).toBe(4);
        for (const [k, d] of docs.entries()) expect(await store.getDocumentText(ids[k]!)).toBe(d.text);

        // An offset moved behind the store's back, in a document of each layout: check names the notice.
        const [second] = (await raw.query<{ id: number }>(`SELECT id FROM notices WHERE document_id = ${ids[0]} AND ordinal = 1`));
        const [cutShort] = (await raw.query<{ id: number }>(`SELECT id FROM notices WHERE document_id = ${ids[2]}`));
        await raw.exec('UPDATE notices SET start_offset = start_offset + 1 WHERE id = ?', [second!.id]);
        await raw.exec('UPDATE notices SET start_offset = start_offset + 1, end_offset = end_offset + 1 WHERE id = ?', [cutShort!.id]);
        expect((await store.checkIntegrity()).problems).toEqual([
          { check: 'document_text', subject: `notice:${second!.id}`, detail: expect.stringContaining('but its text is at') },
          { check: 'document_text', subject: `notice:${cutShort!.id}`, detail: expect.stringContaining('do not hold its text') },
        ]);
      } finally {
        await store.close();
      }
    } finally {
      await dispose();
    }
  });
});
