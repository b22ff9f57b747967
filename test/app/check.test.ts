// `jikenbo check` on both engines: a sound casebook passes; each kind of damage done behind the
// store's back (index entry lost, notice out of its incident, a number handed out twice, a counter
// behind, an original changed or gone) is named, and the command exits 1.
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { archiveDirFor, openCasebook } from '../../src/app/casebook.ts';
import { checkCasebook } from '../../src/app/check.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { FileArchive } from '../../src/sources/file-archive.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts';
import { jikenbo } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const dir = tempDir();
const databases: TestDatabase[] = [];
afterAll(async () => {
  for (const db of databases) await db.drop();
});

interface Setup {
  location: string;
  exec(sql: string): Promise<unknown[]>;
  /** Replaces (bytes) or removes (null) the archived original with this SHA-256. */
  tamper(sha256: string, bytes: Uint8Array | null): Promise<void>;
}

const ENGINES: Array<{ name: string; make(): Promise<Setup> }> = [
  {
    name: 'sqlite',
    async make() {
      const location = join(dir, `check-${Date.now()}.db`);
      return {
        location,
        async exec(sql) {
          const db = new Database(location);
          try {
            return /^\s*select/i.test(sql) ? db.prepare(sql).all() : (db.exec(sql), []);
          } finally {
            db.close();
          }
        },
        async tamper(sha256, bytes) {
          const path = new FileArchive(archiveDirFor(location)).pathOf(sha256);
          if (bytes) writeFileSync(path, bytes);
          else rmSync(path);
        },
      };
    },
  },
  {
    name: 'postgres',
    async make() {
      const db = await createTestDatabase('jikenbo_check');
      databases.push(db);
      const exec = async (sql: string, params: unknown[] = []) => {
        const client = new pg.Client({ connectionString: db.url });
        await client.connect();
        try {
          return (await client.query(sql, params)).rows as unknown[];
        } finally {
          await client.end();
        }
      };
      return {
        location: db.url,
        exec: (sql) => exec(sql),
        async tamper(sha256, bytes) {
          if (bytes) await exec('UPDATE blobs SET bytes = $2 WHERE sha256 = $1', [sha256, Buffer.from(bytes)]);
          else await exec('DELETE FROM blobs WHERE sha256 = $1', [sha256]);
        },
      };
    },
  },
];

describe.each(ENGINES)('jikenbo check on $name', (engine) => {
  it('passes a sound casebook and names every kind of damage', async () => {
    const setup = await engine.make();
    const casebook = await openCasebook(setup.location);
    try {
      await ingestPaths([resolve('demo/notices')], casebook);
      const sound = await checkCasebook(casebook);
      expect(sound.problems).toEqual([]);
      expect(sound.ok).toBe(true);
      expect(sound.counted.search_index).toBe(16);
      expect(sound.counted.original).toBe(sound.documents.length);
    } finally {
      await casebook.close();
    }
    const passed = await jikenbo(['check', '--db', setup.location]);
    expect(passed.code).toBe(0);
    expect(passed.stdout).toMatch(/is sound/);

    const incidents = await setup.exec('SELECT i.id, i.own_number, m.notice_id FROM incidents i JOIN incident_notices m ON m.incident_id = i.id WHERE i.own_number IS NOT NULL ORDER BY i.id') as Array<{ id: number; own_number: string; notice_id: number }>;
    const [a, b, c] = incidents.filter((row, i, all) => all.findIndex((x) => x.id === row.id) === i);
    const docs = await setup.exec('SELECT id, sha256 FROM documents ORDER BY id') as Array<{ id: number; sha256: string }>;
    await setup.exec(engine.name === 'sqlite' ? `DELETE FROM notice_fts WHERE rowid = ${a!.notice_id}` : `DELETE FROM notice_search WHERE notice_id = ${a!.notice_id}`);
    await setup.exec(`DELETE FROM incident_notices WHERE incident_id = ${b!.id}`);
    // A number jikenbo gave is never given to a second incident, nor changed: the database refuses both.
    await expect(setup.exec(`UPDATE incidents SET own_number = '${c!.own_number}' WHERE id = ${a!.id}`)).rejects.toThrow(/never change/);
    await expect(setup.exec(`UPDATE incidents SET own_number = NULL WHERE id = ${a!.id}`)).rejects.toThrow(/never change/);
    await setup.exec('UPDATE casebook_counters SET last = 1');
    await setup.tamper(docs[0]!.sha256, new TextEncoder().encode('差し替えられた原本'));
    await setup.tamper(docs[1]!.sha256, null);

    const damaged = await openCasebook(setup.location);
    try {
      const report = await checkCasebook(damaged);
      const found = report.problems.map((p) => `${p.check} ${p.subject}`);
      expect(found).toContain(`search_index notice:${a!.notice_id}`);
      expect(found).toContain(`incident_members notice:${b!.notice_id}`);
      expect(found).toContain(`incident_members incident:${b!.id}`);
      expect(found.some((f) => f.startsWith('casebook_numbers year:'))).toBe(true);
      expect(report.problems.find((p) => p.subject === `document:${docs[0]!.id}`)?.detail).toMatch(/hashes to/);
      expect(report.problems.find((p) => p.subject === `document:${docs[1]!.id}`)?.detail).toMatch(/not in the archive/);
      expect(report.ok).toBe(false);
    } finally {
      await damaged.close();
    }
    const failed = await jikenbo(['check', '--db', setup.location]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/^search_index\tnotice:\d+\t/m);
    expect(failed.stdout).toMatch(/problems in/);
  }, 120_000);
});
