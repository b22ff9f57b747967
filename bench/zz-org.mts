import { readFileSync } from 'node:fs';
import { splitPosts } from '../src/extract/split-posts.ts';
import { readPost } from '../src/extract/extract.ts';
const raw = readFileSync(process.argv[2]!, 'utf8');
const text = process.argv[4] === 'strip' ? raw.replace(/^source: .*\n/, '') : raw;
for (const p of splitPosts(text)) {
  const { fields } = readPost(p);
  for (const k of (process.argv[3] ?? 'organization').split(',')) {
    const f = (fields as any)[k];
    console.log(k, JSON.stringify(f));
    if (f?.at) for (const [s] of f.at) { const b = text.lastIndexOf('\n', s) + 1; console.log('   …', text.slice(Math.max(b, s - 80), s + 80).replace(/\n/g, ' ')); }
  }
}
