// The same files ingested in one batch and in two give incidents that never share a number: the
// casebook pages' header numbers (#2023-001 …) arrive after jikenbo has numbered the bare notices, and
// jikenbo's own numbers (J2023-0001 …) have a form no header has. Both engines.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCasebookNumber, parseOwnNumber } from '../../src/analyze/casebook-number.ts';
import { openCasebook } from '../../src/app/casebook.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { generateCorpus } from '../../scripts/gen-corpus/corpus.ts';
import { numberAudit, partition, takeCensus, type Census } from '../helpers/casebook-census.ts';
import { createTestDatabase } from '../helpers/postgres.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const POSTS = 560;

/** The generated corpus without its PDFs (slow to read, and no different for numbering): bare notices and casebook pages. */
function writeFiles(dir: string): { bare: string; pages: string; count: number } {
  const [bare, pages] = [join(dir, 'bare'), join(dir, 'pages')];
  mkdirSync(bare, { recursive: true });
  mkdirSync(pages, { recursive: true });
  let count = 0;
  for (const file of generateCorpus({ posts: POSTS, seed: 16 })) {
    if (file.format === 'pdf') continue;
    writeFileSync(join(file.format === 'casebook' ? pages : bare, file.name), file.bytes);
    count++;
  }
  return { bare, pages, count };
}

interface Target { location: string; census(): Promise<Census>; dispose(): Promise<void> }

const ENGINES: Array<{ name: string; create(dir: string, name: string): Promise<Target> }> = [
  {
    name: 'sqlite',
    async create(dir, name) {
      const location = join(dir, `${name}.db`);
      return {
        location,
        async census() {
          const db = new Database(location, { readonly: true });
          try {
            return await takeCensus(async <T>(sql: string) => db.prepare(sql).all() as T[]);
          } finally {
            db.close();
          }
        },
        async dispose() {},
      };
    },
  },
  {
    name: 'postgres',
    async create() {
      const database = await createTestDatabase('jikenbo_batches');
      return {
        location: database.url,
        async census() {
          const client = new pg.Client({ connectionString: database.url });
          await client.connect();
          try {
            return await takeCensus(async <T>(sql: string) => (await client.query(sql)).rows.map((r) =>
              Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^\d+$/.test(v) && k !== 'number' && k !== 'member' ? Number(v) : v])) as T));
          } finally {
            await client.end();
          }
        },
        dispose: () => database.drop(),
      };
    },
  },
];

describe.each(ENGINES)('numbers after one batch and after two ($name)', (engine) => {
  const dir = tempDir('jikenbo-batches-');
  const targets: Target[] = [];
  afterAll(async () => {
    for (const t of targets) await t.dispose();
  });

  it('no two incidents share a number, header numbers stay as read, and the grouping is the same', async () => {
    const files = writeFiles(dir);
    expect(files.count).toBeGreaterThan(330);
    const run = async (name: string, batches: string[][]): Promise<Census> => {
      const target = await engine.create(dir, name);
      targets.push(target);
      const casebook = await openCasebook(target.location);
      try {
        for (const batch of batches) await ingestPaths(batch, casebook, { readers: 0 });
      } finally {
        await casebook.close();
      }
      return target.census();
    };
    const one = await run('one', [[files.bare, files.pages]]);
    // The bare notices first, numbered by jikenbo; then the casebook pages, whose header numbers are
    // the ones jikenbo took in the old scheme (112 of 371 incidents shared a number that way).
    const two = await run('two', [[files.bare], [files.pages]]);

    for (const census of [one, two]) {
      const audit = numberAudit(census);
      expect(audit.repeated).toEqual([]);
      expect(audit.unnumbered).toEqual([]);
      const headers = census.incidents.filter((i) => parseCasebookNumber(i.number));
      const own = census.incidents.filter((i) => parseOwnNumber(i.number));
      // Both kinds are there, so the test is about the collision it claims to prevent.
      expect(headers.length).toBeGreaterThan(20);
      expect(own.length).toBeGreaterThan(100);
      // Header numbers run from 001 in each year, as jikenbo's own numbers do: the same running numbers, two forms.
      const headerSeqs = new Set(headers.map((i) => `${parseCasebookNumber(i.number)!.year}:${parseCasebookNumber(i.number)!.seq}`));
      expect(own.some((i) => headerSeqs.has(`${parseOwnNumber(i.number)!.year}:${parseOwnNumber(i.number)!.seq}`))).toBe(true);
    }
    expect(partition(two)).toEqual(partition(one));
    // Each header number names the same posts in both casebooks.
    const byNumber = (c: Census) => Object.fromEntries(c.incidents.filter((i) => parseCasebookNumber(i.number)).map((i) => [i.number, i.members.join(' ')]));
    expect(byNumber(two)).toEqual(byNumber(one));
  }, 240_000);
});
