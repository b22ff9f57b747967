// `node bin/run-ts.js bench/number-clash.ts [--posts N] [--seed S]`: the generated corpus (PDFs left out) ingested
// into SQLite in one batch and in two (the bare notices first, then the casebook pages, whose header numbers
// come after jikenbo has numbered the rest): prints how many incidents share a number in each. Issue 16 saw
// 112 of 371 incidents sharing one after two batches, when jikenbo's numbers had the header's form.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { generateCorpus } from '../scripts/gen-corpus/corpus.ts';
import { openCasebook } from '../src/app/casebook.ts';
import { ingestPaths } from '../src/app/ingest.ts';

const { values } = parseArgs({ options: { posts: { type: 'string' }, seed: { type: 'string' } } });
const opt = z.object({
  posts: z.coerce.number().int().min(10).max(100_000).default(560),
  seed: z.coerce.number().int().min(0).default(16),
}).parse(values);

const dir = mkdtempSync(join(tmpdir(), 'jikenbo-number-clash-'));
try {
  const [bare, pages] = [join(dir, 'bare'), join(dir, 'pages')];
  mkdirSync(bare);
  mkdirSync(pages);
  let files = 0;
  for (const f of generateCorpus({ posts: opt.posts, seed: opt.seed })) {
    if (f.format === 'pdf') continue;
    writeFileSync(join(f.format === 'casebook' ? pages : bare, f.name), f.bytes);
    files++;
  }
  console.log(`| batches | files | incidents | sharing a number | header numbers | jikenbo's own |`);
  console.log(`|---|---:|---:|---:|---:|---:|`);
  for (const [name, batches] of [['one', [[bare, pages]]], ['two', [[bare], [pages]]]] as const) {
    const db = join(dir, `${name}.db`);
    const casebook = await openCasebook(db);
    try {
      for (const batch of batches) await ingestPaths([...batch], casebook, { readers: 0 });
    } finally {
      await casebook.close();
    }
    const read = new Database(db, { readonly: true });
    const rows = read.prepare(`SELECT coalesce(casebook_number, own_number) AS n, count(*) AS c FROM incidents GROUP BY 1`).all() as Array<{ n: string | null; c: number }>;
    read.close();
    const total = rows.reduce((s, r) => s + r.c, 0);
    const sharing = rows.filter((r) => r.n !== null && r.c > 1).reduce((s, r) => s + r.c, 0);
    const own = rows.filter((r) => r.n?.startsWith('J')).reduce((s, r) => s + r.c, 0);
    console.log(`| ${name} | ${files} | ${total} | ${sharing} | ${total - own} | ${own} |`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
