// Test helper: reads the shared seed corpus (../shared, present in CI) without copying it into the repo.
import { readFileSync, readdirSync } from 'node:fs';
import { haveShared, sharedPath } from '../helpers/shared-data.ts';

export const SEED_DIR = sharedPath('corpus/seeds/');
export const GOLD_PATH = sharedPath('eval/seed-gold.jsonl');

/** Whether the seeds and their labels are there (a failure in CI when not: helpers/shared-data.ts). */
export function haveSeeds(what: string): boolean {
  return haveShared(what, SEED_DIR, GOLD_PATH);
}

export function seedFiles(): Array<{ name: string; text: string }> {
  return readdirSync(SEED_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(SEED_DIR + name, 'utf8') }));
}

export function goldHeaders(): Array<{ file: string; header: string }> {
  return readFileSync(GOLD_PATH, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { file: string; header: string });
}
