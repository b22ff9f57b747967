// Test helper: reads the shared seed corpus (../shared, present in CI) without copying it into the repo.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SEED_DIR = fileURLToPath(new URL('../../../shared/corpus/seeds/', import.meta.url));
export const GOLD_PATH = fileURLToPath(new URL('../../../shared/eval/seed-gold.jsonl', import.meta.url));

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
