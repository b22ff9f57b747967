// `npm run gen:corpus -- --posts N --out DIR [--seed S]`: writes a fictional corpus and DIR/expected.jsonl,
// one SPEC record per post in the form of shared/eval/seed-gold.jsonl, so score.mjs can grade extraction on it.
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { ExpectedRecord } from './blocks.ts';
import { generateCorpus, GENERATOR_VERSION, type Format } from './corpus.ts';

const optionsSchema = z.object({
  posts: z.coerce.number().int().min(1).max(10_000_000),
  out: z.string().min(1),
  seed: z.coerce.number().int().min(0).max(2 ** 32 - 1).default(1),
});

export interface CorpusManifest {
  generatorVersion: number;
  seed: number;
  posts: number;
  files: number;
  bytes: number;
  formats: Record<string, number>;
  encodings: Record<string, number>;
  seconds: number;
}

// SPEC order, whatever order the generator filled the record in.
const KEYS: Array<keyof ExpectedRecord> = [
  'file', 'header', 'casebook_id', 'kind', 'organization', 'title', 'disclosure_date', 'incident_types', 'affected_count',
  'data_types', 'sector', 'reported_to_ppc', 'reported_to_police', 'contractor_involved', 'attacker', 'discovery',
  'occurred_date', 'discovered_date',
];

export function recordLine(r: ExpectedRecord): string {
  return JSON.stringify(Object.fromEntries(KEYS.map((k) => [k, r[k]])));
}

/** Writes the corpus file by file; expected.jsonl streams beside it; manifest.json last, as a mark of completion. */
export async function writeCorpus(options: { posts: number; out: string; seed: number }, onProgress?: (posts: number) => void): Promise<CorpusManifest> {
  const t0 = performance.now();
  mkdirSync(options.out, { recursive: true });
  const expected = createWriteStream(join(options.out, 'expected.jsonl'));
  const manifest: CorpusManifest = { generatorVersion: GENERATOR_VERSION, seed: options.seed, posts: 0, files: 0, bytes: 0, formats: {}, encodings: {}, seconds: 0 };
  const bump = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);
  for (const file of generateCorpus({ posts: options.posts, seed: options.seed })) {
    writeFileSync(join(options.out, file.name), file.bytes);
    manifest.files++;
    manifest.posts += file.records.length;
    manifest.bytes += file.bytes.byteLength;
    bump(manifest.formats, file.format satisfies Format);
    bump(manifest.encodings, file.encoding ?? 'pdf');
    const chunk = file.records.map((r) => recordLine(r) + '\n').join('');
    if (!expected.write(chunk)) await once(expected, 'drain');
    if (manifest.files % 1000 === 0) onProgress?.(manifest.posts);
  }
  expected.end();
  await once(expected, 'finish');
  manifest.seconds = Math.round((performance.now() - t0) / 100) / 10;
  writeFileSync(join(options.out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { posts: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } } });
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    process.stderr.write(`gen:corpus: --${issue.path.join('.')}: ${issue.message}\nusage: npm run gen:corpus -- --posts N --out DIR [--seed S]\n`);
    return 2;
  }
  const out = resolve(parsed.data.out);
  const m = await writeCorpus({ ...parsed.data, out }, (p) => process.stderr.write(`\r${p} posts`));
  process.stderr.write('\r');
  process.stdout.write(
    `${m.posts} posts in ${m.files} files (${(m.bytes / 1e6).toFixed(1)} MB) written to ${out} in ${m.seconds} s\n` +
      `formats ${JSON.stringify(m.formats)} encodings ${JSON.stringify(m.encodings)}\n` +
      `score: node ../shared/tools/score.mjs --gold ${join(out, 'expected.jsonl')} --dir ${out}\n`,
  );
  return 0;
}

// tsx adds a query to import.meta.url; compare the file part only.
if (process.argv[1] && import.meta.url.split('?')[0] === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
