// Benchmark: extraction throughput on one core over the seed posts repeated to at least 10,000 posts.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractDocument } from '../src/extract/extract.ts';
import { splitPosts } from '../src/extract/split-posts.ts';

const dir = resolve(process.argv[2] ?? '../shared/corpus/seeds');
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
if (files.length === 0) {
  console.error(`no .txt files in ${dir}`);
  process.exit(2);
}
// Each post becomes its own document, so the figure is per post including splitting.
const posts = files.flatMap((f) => splitPosts(readFileSync(join(dir, f), 'utf8')).map((p) => p.text));
const target = 10_000;
const docs: string[] = [];
while (docs.length < target) docs.push(...posts);

for (const doc of docs.slice(0, posts.length)) extractDocument(doc); // warm-up
const t0 = performance.now();
let records = 0;
for (const doc of docs) records += extractDocument(doc).length;
const ms = performance.now() - t0;
const chars = docs.reduce((a, d) => a + d.length, 0);
console.log(`posts: ${docs.length} (from ${posts.length} seed posts in ${files.length} files), records: ${records}`);
console.log(`total: ${(ms / 1000).toFixed(2)} s, ${Math.round(docs.length / (ms / 1000))} posts/s, ${(chars / 1e6 / (ms / 1000)).toFixed(1)} M chars/s`);
