// A reader's time limit counts the time it ran, not the time other processes held the cores.
import { describe, expect, it } from 'vitest';
import { STARVED_LIMITS, timeLeft } from '../../src/app/ingest-pool.ts';

const LIMIT = 30_000;
const start = { wall: 1_000_000, cpu: 5_000 };
const at = (wallMs: number, cpuMs: number | null) => ({ wall: start.wall + wallMs, cpu: cpuMs === null ? null : start.cpu + cpuMs });

describe('timeLeft', () => {
  it('stops a job that ran the whole limit, on the cores or by the clock when its CPU time cannot be read', () => {
    expect(timeLeft(start, at(30_000, 29_990), LIMIT)).toBe(10);
    expect(timeLeft(start, at(30_010, 30_010), LIMIT)).toBeLessThanOrEqual(0);
    expect(timeLeft({ ...start, cpu: null }, at(30_000, null), LIMIT)).toBeLessThanOrEqual(0);
    expect(timeLeft(start, at(30_000, null), LIMIT)).toBeLessThanOrEqual(0);
  });

  it('gives a reader kept from the cores the time it did not run, up to the wall-clock bound', () => {
    // Half the time on a core: 15 s of 30 used, and 15 more at the earliest.
    expect(timeLeft(start, at(30_000, 15_000), LIMIT)).toBe(15_000);
    // Near the bound, no later than the bound.
    expect(timeLeft(start, at(STARVED_LIMITS * LIMIT - 1_000, 5_000), LIMIT)).toBe(1_000);
    expect(timeLeft(start, at(STARVED_LIMITS * LIMIT, 5_000), LIMIT)).toBe(0);
  });

  it('counts no more than the wall time when the reader\'s threads ran side by side', () => {
    // 40 s of CPU in 20 s (a collector's threads beside the decoder): 20 s used, not 40.
    expect(timeLeft(start, at(20_000, 40_000), LIMIT)).toBe(10_000);
  });
});
