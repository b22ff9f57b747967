// Two jikenbo processes ingest overlapping folders into one casebook at once (the real CLI, as two
// servers or two cron jobs would): every file is stored and archived once, every notice is in exactly
// one incident, casebook numbers are unique and gap-free per year, the grouping is the one a single
// process ingesting everything would make, and a later regroup changes nothing.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { archiveDirFor, openCasebook } from '../../src/app/casebook.ts';
import { regroupIncidents } from '../../src/app/incidents.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { numberAudit, partition, takeCensus, type Census, type ReadQuery } from '../helpers/casebook-census.ts';
import { writeOverlappingSets, type OverlappingSets } from '../helpers/overlapping-notices.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts';
import { jikenbo, type CliResult } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const SIZE = { pairs: 15, singles: 50 };

interface Engine {
  name: 'postgres' | 'sqlite';
  /** Races run, each on fresh folders and a fresh casebook (a few seconds each). */
  rounds: number;
  /** A fresh casebook location for `--db`, and how to read it and count its archived originals. */
  create(dir: string): Promise<{ db: string; read: ReadQuery; originals(): Promise<number>; dispose(): Promise<void> }>;
}

const ENGINES: Engine[] = [
  {
    name: 'postgres',
    rounds: 3,
    async create() {
      const database: TestDatabase = await createTestDatabase('jikenbo_race');
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const read: ReadQuery = async <T>(sql: string) => (await client.query(sql)).rows as T[];
      return {
        db: database.url, read,
        originals: async () => Number((await read<{ n: string }>('SELECT count(*) AS n FROM blobs'))[0]!.n),
        async dispose() {
          await client.end();
          await database.drop();
        },
      };
    },
  },
  {
    name: 'sqlite',
    rounds: 2,
    async create(dir) {
      const db = join(dir, 'race.db');
      let handle: Database.Database | null = null;
      // Opened only after the processes are done: they create the file and its schema.
      const open = () => (handle ??= new Database(db, { readonly: true }));
      return {
        db,
        read: async <T>(sql: string) => open().prepare(sql).all() as T[],
        originals: async () => readdirSync(archiveDirFor(db), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length,
        async dispose() {
          handle?.close();
        },
      };
    },
  },
];

/** "N files, P posts, R new records, D duplicates (already stored), F failures" from an ingest. */
function summary(run: CliResult): { files: number; newRecords: number; duplicates: number } {
  const m = run.stdout.match(/^(\d+) files, \d+ posts, (\d+) new records, (\d+) duplicates/m);
  if (!m) throw new Error(`no ingest summary in: ${run.stdout}\n${run.stderr}`);
  return { files: Number(m[1]), newRecords: Number(m[2]), duplicates: Number(m[3]) };
}

/** What one process ingesting both folders one after the other makes of the same files. */
async function sequentialCensus(dir: string, sets: OverlappingSets): Promise<Census> {
  const casebook = await openCasebook(join(dir, 'sequential.db'));
  try {
    await ingestPaths([sets.a, sets.b], casebook);
    const db = new Database(join(dir, 'sequential.db'), { readonly: true });
    try {
      return await takeCensus(async <T>(sql: string) => db.prepare(sql).all() as T[]);
    } finally {
      db.close();
    }
  } finally {
    await casebook.close();
  }
}

/** Whether the two processes were storing documents at the same time (from the stored ingest times). */
async function overlapped(read: ReadQuery, sets: OverlappingSets): Promise<boolean> {
  const docs = await read<{ source: string; ingested_at: string }>('SELECT source, ingested_at FROM documents');
  const window = (dir: string) => {
    const times = docs.filter((d) => d.source.startsWith(dir + '/')).map((d) => d.ingested_at).sort();
    return [times[0]!, times.at(-1)!] as const;
  };
  const [a, b] = [window(sets.a), window(sets.b)];
  return a[0] <= b[1] && b[0] <= a[1];
}

describe.each(ENGINES)('two processes ingesting overlapping folders at once ($name)', (engine) => {
  const dir = tempDir('jikenbo-race-');
  const figures: string[] = [];
  let overlappingRounds = 0;
  afterAll(() => console.log(`concurrent ingest (${engine.name}):\n  ${figures.join('\n  ')}`));

  it.each(Array.from({ length: engine.rounds }, (_, i) => i + 1))('round %i: each file stored once, numbers unique and gap-free, grouped as one process would', async (round) => {
    const roundDir = join(dir, `round-${round}`);
    const sets = writeOverlappingSets(roundDir, { seed: 100 + round, ...SIZE, reverseB: round % 2 === 0 });
    const target = await engine.create(roundDir);
    try {
      const started = performance.now();
      // No JIKENBO_ARCHIVE: on PostgreSQL the originals go to the shared blobs table.
      const env = { JIKENBO_ARCHIVE: '', JIKENBO_DB: '', DATABASE_URL: '' };
      const [runA, runB] = await Promise.all([
        jikenbo(['ingest', '--db', target.db, sets.a], env),
        jikenbo(['ingest', '--db', target.db, sets.b], env),
      ]);
      const seconds = (performance.now() - started) / 1000;
      expect(runA.stderr + runB.stderr).toBe('');
      expect([runA.code, runB.code]).toEqual([0, 0]);

      // Each shared file is new to exactly one process and already stored for the other.
      const [a, b] = [summary(runA), summary(runB)];
      expect(a.files + b.files).toBe(sets.files.length + sets.shared);
      expect(a.newRecords + b.newRecords).toBe(sets.files.length);
      expect(a.duplicates + b.duplicates).toBe(sets.shared);

      const census = await takeCensus(target.read);
      expect(census.documents).toBe(sets.files.length);
      expect(census.distinctSha256).toBe(sets.files.length);
      expect(await target.originals()).toBe(sets.files.length);
      expect(census.notices).toBe(sets.files.length);
      expect(census.misplaced).toEqual([]);
      expect(census.incidents.filter((i) => i.members.length === 0)).toEqual([]);

      const numbers = numberAudit(census);
      expect(numbers.unnumbered).toEqual([]);
      expect(numbers.repeated).toEqual([]);
      expect(numbers.gaps).toEqual([]);
      expect(census.counters).toEqual(numbers.perYear);

      // The grouping does not depend on which process stored what first: the follow-ups split across
      // the two folders are with their first notices.
      const sequential = await sequentialCensus(roundDir, sets);
      expect(partition(census)).toEqual(partition(sequential));
      expect(census.incidents.length).toBe(sets.files.length - sets.followUps.length);

      // A third process regrouping afterwards keeps every incident, member and number as it was.
      const casebook = await openCasebook(target.db);
      try {
        await regroupIncidents(casebook.store);
      } finally {
        await casebook.close();
      }
      expect(await takeCensus(target.read)).toEqual(census);

      const both = await overlapped(target.read, sets);
      if (both) overlappingRounds++;
      figures.push(`round ${round}: ${sets.files.length} files (${sets.shared} in both folders, ${sets.followUps.length} follow-up pairs), ` +
        `${census.incidents.length} incidents, processes ${a.newRecords}+${b.newRecords} new / ${a.duplicates}+${b.duplicates} duplicates, ` +
        `${seconds.toFixed(1)} s, ingests ${both ? 'overlapped' : 'did not overlap'}`);
    } finally {
      await target.dispose();
    }
  }, 60_000);

  // Whether the two processes overlapped depends on the machine's load, so it is reported, not asserted:
  // a test never fails because the machine was slow (the checks above hold either way).
  afterAll(() => {
    console.log(`concurrent ingest: processes overlapped in ${overlappingRounds} round(s)`);
  });
});
