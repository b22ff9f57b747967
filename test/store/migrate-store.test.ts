// Moving a casebook between SQLite and PostgreSQL and back, and backing it up on each engine, with the
// same per-table checksums at every step.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupCasebook, restoreCasebook } from '../../src/app/backup.ts';
import { openCasebook } from '../../src/app/casebook.ts';
import { linkNoticesAsPerson } from '../../src/app/incidents.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { casebookChecksums, migrateStore } from '../../src/app/migrate-store.ts';
import { markPublication } from '../../src/app/publication.ts';
import { correctValue } from '../../src/app/review.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { PG_BIN } from '../helpers/postgres-global-setup.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts';
import { jikenbo } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { makeDocument, makeNotice, makeRecord } from './fixtures.ts';
import { addAccount, createApiToken, signIn } from '../../src/app/accounts.ts';

const dir = tempDir('jikenbo-migrate-');
const original = join(dir, 'original.db');
const databases: TestDatabase[] = [];

async function database(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const db = await createTestDatabase('jikenbo_migrate', options);
  databases.push(db);
  return db;
}

/** What a reader sees, engine-independent: lists, incidents and corrections. */
async function view(location: string) {
  const casebook = await openCasebook(location);
  try {
    const { store } = casebook;
    const notices = await store.listNotices({ limit: 1000 });
    const documentIds = [...new Set(notices.map((n) => n.documentId))].sort((x, y) => x - y);
    return {
      notices,
      // Each text is stored once (the notices hold it): the documents' texts must come back whole.
      documentTexts: await Promise.all(documentIds.map(async (id) => [id, await store.getDocumentText(id)])),
      noticeTexts: await Promise.all(notices.map(async (n) => [n.id, (await store.getNotice(n.id))!.text])),
      incidents: await store.listIncidents({ limit: 1000 }),
      corrections: [...(await store.listAllCorrections('notice'))],
      hits: (await store.search('不正アクセス')).map((h) => h.id),
      original: await casebook.archive.get((await store.getDocument(1))!.sha256),
    };
  } finally {
    await casebook.close();
  }
}

beforeAll(async () => {
  const casebook = await openCasebook(original);
  await ingestPaths([resolve('demo/notices')], casebook);
  const [a, b] = await casebook.store.listNotices({ limit: 2 });
  await linkNoticesAsPerson(casebook.store, a!.id, b!.id, 'hanako');
  await correctValue(casebook.store, { target: 'notice', id: a!.id, field: 'affected_count', value: '4321', by: 'sato', reason: '公表文の記載による' });
  // A publication mark (schema 20) travels with its incident.
  await markPublication(casebook.store, { refs: [String((await casebook.store.incidentOfNotice(a!.id))!)], publishable: true, by: 'sato' });
  // Accounts, an API token and sign-ins travel too, with the audit log that recorded all of it.
  await addAccount(casebook.store, { name: 'sato', role: 'editor', password: 'a long enough password' }, 'cli:root');
  await createApiToken(casebook.store, 'sato', { label: 'nightly', scope: 'ingest', madeIn: 'session' }, 'cli:root');
  await signIn(casebook.store, 'sato', 'a long enough password', { ip: '127.0.0.1' });
  await casebook.close();
});

afterAll(async () => {
  for (const db of databases) await db.drop();
});

describe('migrate-store', () => {
  it('moves a casebook to PostgreSQL and back with the same checksums, originals and answers', async () => {
    const pg = await database();
    const there = await jikenbo(['migrate-store', '--from', original, '--to', pg.url]);
    expect(there.stderr).toBe('');
    expect(there.code).toBe(0);
    expect(there.stdout).toContain('every table and original is the same on both sides');
    expect(there.stdout).toMatch(/^notices\t16\t16\t/m);
    expect(there.stdout).toMatch(/^manual_links\t1\t1\t/m);
    expect(there.stdout).toMatch(/^corrections\t1\t1\t/m);
    expect(there.stdout).toMatch(/^accounts\t1\t1\t/m);
    expect(there.stdout).toMatch(/^api_tokens\t1\t1\t/m);
    expect(there.stdout).toMatch(/^sessions\t1\t1\t/m);
    expect(there.stdout).toMatch(/^publication_marks\t1\t1\t/m);
    // 16 ingests, a link, a correction, a publication mark, an account, a token, a sign-in.
    expect(there.stdout).toMatch(/^audit_log\t22\t22\t/m);
    expect(there.stdout).toContain('16 originals copied');
    expect(there.stdout).not.toContain('DIFFERENT');

    const back = join(dir, 'back.db');
    const again = await jikenbo(['migrate-store', '--from', pg.url, '--to', back]);
    expect(again.code).toBe(0);
    expect(await casebookChecksums(back)).toEqual(await casebookChecksums(original));
    expect(await casebookChecksums(pg.url)).toEqual(await casebookChecksums(original));

    const [before, onPg, after] = [await view(original), await view(pg.url), await view(back)];
    expect(before.incidents.some((i) => i.members.some((m) => m.origin === 'manual'))).toBe(true);
    expect(before.hits.length).toBeGreaterThan(0);
    expect(before.documentTexts.length).toBeGreaterThan(0);
    expect(before.documentTexts.every(([, text]) => typeof text === 'string' && text.length > 0)).toBe(true);
    expect(onPg).toEqual(before);
    expect(after).toEqual(before);

    // The copy carries on: new rows get fresh ids, not ones the copied rows hold.
    const casebook = await openCasebook(pg.url);
    const text = '【架空】あたらし社　新しいお知らせ\n不正アクセスがありました。';
    const added = await casebook.store.ingestDocument(makeDocument(text), [makeNotice(text, makeRecord())]);
    expect(added.noticeIds[0]).toBe(17);
    await casebook.close();
  });

  it('refuses a target that holds a casebook unless forced', async () => {
    const pg = await database();
    expect((await migrateStore(original, pg.url)).same).toBe(true);
    const refused = await jikenbo(['migrate-store', '--from', original, '--to', pg.url]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not empty.*--force/);
    expect((await migrateStore(original, pg.url, { force: true })).same).toBe(true);
    expect(await casebookChecksums(pg.url)).toEqual(await casebookChecksums(original));
    expect((await jikenbo(['migrate-store', '--from', original])).stderr).toMatch(/--to/);
  });
});

describe('backup and restore', () => {
  it('backs up SQLite while another connection writes, and restores it whole', async () => {
    const live = join(dir, 'live.db');
    const store = await openSqliteStore(live);
    const put = (i: number) => {
      const text = `【架空】書き込み${i}株式会社　お知らせ\n不正アクセス${i}件目。`;
      return store.ingestDocument(makeDocument(text), [makeNotice(text, makeRecord())]);
    };
    for (let i = 0; i < 200; i++) await put(i);
    let writing = true;
    let written = 200;
    const writer = (async () => {
      while (writing) {
        await put(written++);
        await new Promise((r) => setImmediate(r));
      }
    })();
    const out = join(dir, 'live-backup.db');
    const report = await backupCasebook(live, out);
    writing = false;
    await writer;
    await store.close();
    expect(report.pages).toBeGreaterThan(0);
    expect(written).toBeGreaterThan(200);

    const copy = new Database(out, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const notices = (copy.prepare('SELECT count(*) AS n FROM notices').get() as { n: number }).n;
    copy.close();
    expect(notices).toBeGreaterThanOrEqual(200);
    expect(notices).toBeLessThanOrEqual(written);

    await expect(backupCasebook(live, out)).rejects.toThrow(/exists/);
    const restored = join(dir, 'restored.db');
    expect(await restoreCasebook(out, restored)).toMatchObject({ dbPath: restored });
    expect(await casebookChecksums(restored)).toEqual(await casebookChecksums(out));
    await expect(restoreCasebook(out, restored)).rejects.toThrow(/--force/);
    await expect(restoreCasebook(join(dir, 'none.db'), join(dir, 'x.db'))).rejects.toThrow(/no file/);
  });

  it('backs up and restores through the CLI', async () => {
    const out = join(dir, 'cli-backup.db');
    const backup = await jikenbo(['backup', '--db', original, '--out', out]);
    expect(backup.code).toBe(0);
    const target = join(dir, 'cli-restored.db');
    const restore = await jikenbo(['restore', out, '--db', target]);
    expect(restore.code).toBe(0);
    expect(existsSync(target)).toBe(true);
    expect(await casebookChecksums(target)).toEqual(await casebookChecksums(original));
    expect((await jikenbo(['restore', join(dir, 'missing.db'), '--db', join(dir, 'y.db')])).code).toBe(1);
  });

  it('takes the originals with the backup and puts them back, so the restored casebook passes check (issue 19, item 8)', async () => {
    const home = join(dir, 'elsewhere');
    const out = join(home, 'with-originals.db');
    const backup = await jikenbo(['backup', '--db', original, '--out', out]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/and its originals to .*with-originals-archive \(\d+ copied\)/);
    const target = join(dir, 'restored-whole', 'cases.db');
    mkdirSync(dirname(target), { recursive: true });
    const restore = await jikenbo(['restore', out, '--db', target]);
    expect(restore.code, restore.stderr).toBe(0);
    const check = await jikenbo(['check', '--db', target]);
    expect({ code: check.code, out: check.stdout + check.stderr }).toMatchObject({ code: 0 });

    // An original the casebook lost: the backup says so and exits 1, never a silent half copy.
    const archive = join(dirname(original), `${basename(original, '.db')}-archive`);
    const lost = readdirSync(archive, { recursive: true, withFileTypes: true }).find((e) => e.isFile())!;
    const lostPath = join(lost.parentPath, lost.name);
    const bytes = readFileSync(lostPath);
    rmSync(lostPath);
    try {
      const partial = await jikenbo(['backup', '--db', original, '--out', join(home, 'partial.db')]);
      expect(partial.code).toBe(1);
      expect(partial.stderr).toMatch(/warning: 1 originals are not in .*the backup is not whole/);
    } finally {
      writeFileSync(lostPath, bytes);
    }
  });

  it('round-trips a PostgreSQL casebook through the documented pg_dump -Fc and pg_restore', async () => {
    const pg = await database();
    expect((await migrateStore(original, pg.url)).same).toBe(true);
    const dump = join(dir, 'casebook.dump');
    execFileSync(join(PG_BIN, 'pg_dump'), ['--format=custom', '--no-owner', '--file', dump, pg.url]);
    // pg_restore needs a database without tables, as `createdb` makes it.
    const restored = await database({ empty: true });
    execFileSync(join(PG_BIN, 'pg_restore'), ['--no-owner', '--exit-on-error', '--dbname', restored.url, dump]);
    expect(await casebookChecksums(restored.url)).toEqual(await casebookChecksums(pg.url));
    expect(await view(restored.url)).toEqual(await view(original));
  });
});
