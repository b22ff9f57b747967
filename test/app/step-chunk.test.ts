// How many items a grouping step takes next: more while steps stay short, fewer after a long one.
import { describe, expect, it } from 'vitest';
import { STEP_TARGET_MS, stepChunk } from '../../src/app/regroup.ts';

describe('stepChunk', () => {
  it('doubles after a full step that took under half the target, up to the stage\'s most', () => {
    expect(stepChunk(2, 20, 20, STEP_TARGET_MS / 2 - 1)).toBe(40);
    expect(stepChunk(2, 300, 300, 1)).toBe(400);
    expect(stepChunk(2, 400, 400, 1)).toBe(400);
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
