// Rule examples are invented: none repeats a real notice of ../shared (the development and seed sets)
// for 26 characters or more. Shorter runs are the stock phrases every notice shares
// (「クレジットカード情報が漏洩した可能性があります」).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../src/extract/rules/index.ts';
import { haveShared, sharedPath } from '../helpers/shared-data.ts';

const DIRS = ['corpus/dev', 'corpus/seeds'].map(sharedPath);
const RUN = 26;

describe.skipIf(!haveShared('rule examples against the real notices', ...DIRS))('rule examples', () => {
  it(`share no ${RUN}-character run with a real notice`, () => {
    const corpus = DIRS.flatMap((d) => readdirSync(d).map((f) => readFileSync(join(d, f), 'utf8').normalize('NFKC'))).join('\n');
    const copied: string[] = [];
    for (const r of ALL_RULES) {
      for (const e of [...r.examples.match, ...r.examples.noMatch]) {
        const t = (typeof e === 'string' ? e : e.text).normalize('NFKC');
        for (let i = 0; i + RUN <= t.length; i++) {
          const run = t.slice(i, i + RUN);
          if (!run.includes('\n') && corpus.includes(run)) {
            copied.push(`${r.id}: ${run}`);
            break;
          }
        }
      }
    }
    expect(copied).toEqual([]);
  });
});
