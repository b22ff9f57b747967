// How many items a grouping step takes next: more while steps stay short, fewer after a long one, and
// from where the store's last drain left off.
import { describe, expect, it } from 'vitest';
import { STEP_TARGET_MS, drainGrouping, stepChunk } from '../../src/app/regroup.ts';
import { ENGINES } from '../store/engines.ts';
import { makeDocument, makeNotice, makeRecord } from '../store/fixtures.ts';

describe('stepChunk', () => {
  it('doubles after a full step that took under half the target, up to the stage\'s most', () => {
    expect(stepChunk(2, 20, 20, STEP_TARGET_MS / 2 - 1)).toBe(40);
    expect(stepChunk(2, 1000, 1000, 1)).toBe(1600);
    expect(stepChunk(2, 1600, 1600, 1)).toBe(1600);
    expect(stepChunk(3, 3200, 3200, 1)).toBe(3200);
    expect(stepChunk(1, 800, 800, 1)).toBe(800);
  });
  it('halves after a step over the target, never below one item', () => {
    expect(stepChunk(1, 50, 50, STEP_TARGET_MS + 1)).toBe(25);
    expect(stepChunk(3, 1, 1, 10 * STEP_TARGET_MS)).toBe(1);
  });
  it('holds after a step between half the target and the target, or one cut short by an empty stage', () => {
    expect(stepChunk(1, 50, 50, STEP_TARGET_MS * 0.75)).toBe(50);
    expect(stepChunk(1, 50, 3, 1)).toBe(50);
  });
});

describe('step sizes from one drain to the next', () => {
  // An ingest drains stage 1 after every batch of files: starting each drain from the first chunk cost
  // three steps (three transactions) a batch. Every notice here is invented.
  it('starts a drain of a store at the size the last drain of that store reached', async () => {
    const { store, dispose } = await ENGINES.find((e) => e.name === 'sqlite')!.open();
    try {
      const put = async (k: number) => {
        const text = `個人情報の漏えいについて\n2025年4月1日\n株式会社あさひ工務${k}\n見積書${k}件の誤送付が判明しました。`;
        await store.ingestDocument(makeDocument(text), [makeNotice(text, makeRecord({ organization: `株式会社あさひ工務${k}` }))]);
      };
      // A target no step here comes near, so that every full step doubles the next.
      const options = { untilStage: 1 as const, stepTargetMs: 60_000 };
      const first: number[] = [];
      for (let k = 0; k < 120; k++) await put(k);
      await drainGrouping(store, { ...options, onProgress: (p) => first.push(p.items) });
      expect(first).toEqual([50, 70]);
      const second: number[] = [];
      for (let k = 120; k < 250; k++) await put(k);
      await drainGrouping(store, { ...options, onProgress: (p) => second.push(p.items) });
      expect(second).toEqual([100, 30]);
      // Another store starts from the first chunk.
      const other = await ENGINES.find((e) => e.name === 'sqlite')!.open();
      try {
        const third: number[] = [];
        for (let k = 0; k < 60; k++) {
          const text = `書類紛失のお知らせ\n2025年5月2日\n架空市役所${k}\n住民票${k}件を紛失しました。`;
          await other.store.ingestDocument(makeDocument(text), [makeNotice(text, makeRecord({ organization: `架空市役所${k}` }))]);
        }
        await drainGrouping(other.store, { ...options, onProgress: (p) => third.push(p.items) });
        expect(third).toEqual([50, 10]);
      } finally {
        await other.dispose();
      }
    } finally {
      await dispose();
    }
  });
});
