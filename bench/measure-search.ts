// Bench worker: runs each query against the store a few times after one warm-up run and reports every latency.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openCasebook } from '../src/app/casebook.ts';
import type { BenchQuery } from './queries.ts';
import { emit } from './worker.ts';

export interface QueryTiming {
  label: string;
  ms: number[];
  hits: number;
}

const { values } = parseArgs({ options: { db: { type: 'string' }, queries: { type: 'string' }, runs: { type: 'string' } } });
if (!values.db || !values.queries) throw new Error('measure-search: --db and --queries are required');
const queries = JSON.parse(readFileSync(values.queries, 'utf8')) as BenchQuery[];
const runs = Number(values.runs ?? 5);
const casebook = await openCasebook(values.db);
try {
  const out: QueryTiming[] = [];
  for (const q of queries) {
    const options = { ...q.filters, limit: 50 };
    const first = await casebook.store.search(q.text, options);
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await casebook.store.search(q.text, options);
      ms.push(performance.now() - t);
    }
    out.push({ label: q.label, ms, hits: first.length });
  }
  emit(out);
} finally {
  await casebook.close();
}
