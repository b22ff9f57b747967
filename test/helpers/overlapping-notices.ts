// Two overlapping folders of fictional notices (from scripts/gen-corpus) for two jikenbo processes to
// ingest at once: some files in both, follow-up pairs split across the two, so that the processes race
// on the same bytes and on grouping each other's notices.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus, type CorpusFile } from '../../scripts/gen-corpus/corpus.ts';
import { Rng } from '../../scripts/gen-corpus/prng.ts';

export interface OverlappingSets {
  /** The two folders, one per process. */
  a: string;
  b: string;
  /** Every file of either folder, once. */
  files: CorpusFile[];
  /** Files in both folders. */
  shared: number;
  /** First notices and their follow-ups (第2報) among `files`, as pairs of file names. */
  followUps: Array<[string, string]>;
}

const FOLLOW_UP = /（第2報）|調査結果のご報告/;

/**
 * `pairs` follow-up pairs and `singles` lone notices (text and HTML; no casebook pages, whose own
 * numbers would make gaps a matter of what was ingested, not of concurrency). A pair's two notices go
 * to different folders, or both to both; a single goes to A only, B only or both, in thirds.
 * `reverseB` names B's files so that B walks them in the opposite order to A.
 */
export function writeOverlappingSets(dir: string, options: { seed: number; pairs: number; singles: number; reverseB?: boolean }): OverlappingSets {
  // Plain one-post files in corpus order; a follow-up comes right after its first notice.
  const plain = [...generateCorpus({ posts: 12 * (2 * options.pairs + options.singles), seed: options.seed })]
    .filter((f) => (f.format === 'text' || f.format === 'html') && f.records.length === 1);
  const pairs: Array<[CorpusFile, CorpusFile]> = [];
  const singles: CorpusFile[] = [];
  for (let i = 0; i < plain.length; i++) {
    const [file, next] = [plain[i]!, plain[i + 1]];
    if (next && FOLLOW_UP.test(next.records[0]!.header) && next.records[0]!.organization === file.records[0]!.organization) {
      if (pairs.length < options.pairs) pairs.push([file, next]);
      i++;
    } else if (!FOLLOW_UP.test(file.records[0]!.header) && singles.length < options.singles) {
      singles.push(file);
    }
  }
  if (pairs.length < options.pairs || singles.length < options.singles) throw new Error('the generator gave too few notices');

  const rng = new Rng(options.seed, 1);
  const where = new Map<CorpusFile, 'a' | 'b' | 'both'>();
  pairs.forEach(([first, second], i) => {
    const split = (['a', 'b', 'both'] as const)[i % 3]!;
    where.set(first, split === 'both' ? 'both' : split);
    where.set(second, split === 'both' ? 'both' : split === 'a' ? 'b' : 'a');
  });
  for (const file of singles) where.set(file, rng.pick(['a', 'b', 'both'] as const));

  const files = [...where.keys()].sort((x, y) => x.name.localeCompare(y.name));
  const a = join(dir, 'a');
  const b = join(dir, 'b');
  mkdirSync(a, { recursive: true });
  mkdirSync(b, { recursive: true });
  files.forEach((file, i) => {
    const place = where.get(file)!;
    if (place !== 'b') writeFileSync(join(a, file.name), file.bytes);
    const bName = options.reverseB ? `${String(files.length - i).padStart(4, '0')}-${file.name}` : file.name;
    if (place !== 'a') writeFileSync(join(b, bName), file.bytes);
  });
  return {
    a, b, files,
    shared: files.filter((f) => where.get(f) === 'both').length,
    followUps: pairs.map(([first, second]) => [first.name, second.name]),
  };
}
