// Inputs that crashed the extraction or made it quadratic, found with the property tests (test/property)
// and the runs they pointed to. Each must now come back in a fraction of the time it took (≥ 15 s each
// at these sizes, on a quiet machine), with every evidence span inside its post. The bound is CPU time
// (test/helpers/cpu-time.ts), which a loaded machine does not stretch as it stretches wall time.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/extract.ts';
import { cpuTimed } from '../helpers/cpu-time.ts';

function extractTimed(text: string) {
  const { result: extractions, cpuMs: ms } = cpuTimed(() => extractDocument(text));
  for (const { post, record } of extractions) {
    for (const spans of Object.values(record.evidence)) {
      for (const [start, end] of spans ?? []) {
        expect(0 <= start && start <= end && end <= post.text.length, `[${start}, ${end}) in ${post.text.length}`).toBe(true);
      }
    }
  }
  return { extractions, ms };
}

const run = (unit: string, length: number) => `お知らせ\n${unit.repeat(Math.ceil(length / unit.length)).slice(0, length)}`;

describe('extraction on hostile text', () => {
  it('reads a 32,000-character first word with a legal form as no name (the sector regex built from it was too large)', () => {
    const { extractions } = extractTimed(`${'!'.repeat(32_000)}ぁ株式会社\u3000お知らせ\n本文です。`);
    expect(extractions).toHaveLength(1);
    const organization = extractions[0]!.record.organization;
    expect(organization === null || organization.length <= 60, String(organization?.length)).toBe(true);
  });

  it.each([
    ['blank lines (a section pattern crossed line breaks from every line start)', '\n', 200_000],
    ['lines of one bracket (the same)', '【\n', 200_000],
    ['line separators (U+2028 opens a line for the same pattern)', '\u2028', 200_000],
    ['counts in one endless sentence (each count rescanned the sentence)', '1名、', 200_000],
    ['a line per count (the same, without 。)', '1名\n', 200_000],
    ['a line per year-less date (each date scanned every date)', '1月1日\n', 300_000],
    ['dates in one line (each date looked for its line ends from afar)', '2024年1月1日、', 300_000],
    ['keyword hits in one sentence (each hit retested the sentence)', '不正アクセス', 400_000],
  ])('%s', (_name, unit, length) => {
    const { extractions, ms } = extractTimed(run(unit, length));
    expect(extractions.length).toBeGreaterThan(0);
    // CPU ms: half of what the quadratic versions took, many times what the linear ones take.
    expect(ms).toBeLessThan(8_000);
  });
});
