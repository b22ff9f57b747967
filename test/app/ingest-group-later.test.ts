// `jikenbo ingest --group-later`: the files are stored and searchable, every new notice waits in the
// grouping queue, alone in an incident of its own, and the next regrouping groups them as an ingest
// that grouped at once would have.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCasebook } from '../../src/app/casebook.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { drainGrouping } from '../../src/app/regroup.ts';
import { generateCorpus } from '../../scripts/gen-corpus/corpus.ts';
import { partition, takeCensus, type Census } from '../helpers/casebook-census.ts';
import { jikenbo as runCli } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const census = async (location: string): Promise<Census> => {
  const db = new Database(location, { readonly: true });
  try {
    return await takeCensus(async <T>(sql: string) => db.prepare(sql).all() as T[]);
  } finally {
    db.close();
  }
};

describe('an ingest that leaves grouping for later', () => {
  const dir = tempDir('jikenbo-group-later-');

  it('stores every notice alone, queues it, and the next regrouping groups as an ingest that grouped at once', async () => {
    const files = join(dir, 'files');
    mkdirSync(files, { recursive: true });
    // Text and HTML only: PDFs are slow to read and no different for grouping.
    for (const file of generateCorpus({ posts: 240, seed: 7 })) {
      if (file.format !== 'pdf') writeFileSync(join(files, file.name), file.bytes);
    }
    const ingest = async (name: string, groupLater: boolean) => {
      const location = join(dir, `${name}.db`);
      const casebook = await openCasebook(location);
      try {
        const report = await ingestPaths([files], casebook, { readers: 0, groupLater });
        return { location, casebook, report };
      } catch (err) {
        await casebook.close();
        throw err;
      }
    };

    const now = await ingest('now', false);
    await now.casebook.close();
    const later = await ingest('later', true);
    try {
      const notices = await later.casebook.store.countNotices();
      expect(notices).toBe(now.report.newRecords);
      expect(later.report.groupingLeft).toBe(notices);
      expect(now.report.groupingLeft).toBeUndefined();
      expect((await later.casebook.store.groupingWork())[1]).toBe(notices);
      // Searchable at once, and each notice an incident of its own until grouped.
      expect((await later.casebook.store.search('個人情報')).length).toBeGreaterThan(0);
      // (A notice that is no incident's, a notice of another kind, is in none.)
      const alone = await census(later.location);
      expect(alone.misplaced).toEqual([]);
      expect(alone.incidents.length).toBeGreaterThan(notices / 2);
      expect(alone.incidents.filter((i) => i.members.length !== 1)).toEqual([]);

      await drainGrouping(later.casebook.store);
      expect(await later.casebook.store.groupingWork()).toEqual({ 1: 0, 2: 0, 3: 0 });
    } finally {
      await later.casebook.close();
    }
    const [grouped, reference] = [await census(later.location), await census(now.location)];
    // The corpus has follow-ups and casebook pages of one incident: grouping had something to do.
    expect(reference.incidents.length).toBeLessThan(now.report.newRecords);
    expect(partition(grouped)).toEqual(partition(reference));
  });

  it('says on the command line how many notices wait, and the next ingest groups them', async () => {
    const files = join(dir, 'cli');
    mkdirSync(files, { recursive: true });
    for (const file of generateCorpus({ posts: 60, seed: 8 })) {
      if (file.format === 'text') writeFileSync(join(files, file.name), file.bytes);
    }
    const db = join(dir, 'cli.db');
    const first = await runCli(['ingest', '--db', db, '--group-later', files]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/grouping left for later: [1-9][0-9]* notices wait/);
    expect(first.stdout).not.toMatch(/incidents in the casebook/);
    const more = join(dir, 'cli-more');
    mkdirSync(more, { recursive: true });
    for (const file of generateCorpus({ posts: 20, seed: 9 })) {
      if (file.format === 'text') writeFileSync(join(more, file.name), file.bytes);
    }
    const second = await runCli(['ingest', '--db', db, more]);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/incidents in the casebook/);
    const casebook = await openCasebook(db);
    try {
      expect(await casebook.store.groupingWork()).toEqual({ 1: 0, 2: 0, 3: 0 });
    } finally {
      await casebook.close();
    }
  });
});
