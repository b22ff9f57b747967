// Scores extraction against a labelled set in one process (fast enough to run after every rule change),
// by the comparison rules of ../shared/SPEC.md, and prints how well confidence is calibrated:
// how often values marked high are right, and how many wrong values the low_confidence list flags.
//
//   node bin/run-ts.js scripts/eval-extraction.ts --gold ../shared/eval/dev-gold.jsonl --dir ../shared/corpus/dev --strip-source
//     [--verbose] [--rules] [--min-high 0.97] [--min-flagged 0.6]
//
// The F1 it prints is the one ../shared/tools/score.mjs prints for the same set (which runs the CLI per
// file); --min-high and --min-flagged make it exit 1 when calibration falls short.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { IncidentRecord, RecordKey } from '../src/core/record.ts';
import { readPost } from '../src/extract/extract.ts';
import { splitPosts } from '../src/extract/split-posts.ts';
import type { Fields } from '../src/extract/steps.ts';

const { values: opt } = parseArgs({
  options: {
    gold: { type: 'string' },
    dir: { type: 'string' },
    'strip-source': { type: 'boolean' },
    verbose: { type: 'boolean' },
    rules: { type: 'boolean' },
    'min-high': { type: 'string' },
    'min-flagged': { type: 'string' },
  },
});
if (!opt.gold || !opt.dir) {
  console.error('usage: eval-extraction.ts --gold GOLD.jsonl --dir DIR [--strip-source] [--verbose] [--min-high R] [--min-flagged R]');
  process.exit(2);
}

type Gold = Record<string, unknown> & { file: string; header: string | null; casebook_id: string | null; kind: string };
const gold: Gold[] = readFileSync(opt.gold, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Gold);

// The SPEC's comparison: organisation names without legal forms and spaces, one containing the other.
const LEGAL = /株式会社|有限会社|合同会社|一般財団法人|公益財団法人|一般社団法人|公益社団法人|国立研究開発法人|地方独立行政法人|独立行政法人|国立大学法人|公立大学法人|学校法人|医療法人社団|医療法人財団|医療法人|社会福祉法人|特定非営利活動法人|\(株\)|㈱/g;
const nfkc = (s: unknown) => String(s ?? '').normalize('NFKC');
const orgNorm = (s: unknown) => nfkc(s).replace(LEGAL, '').replace(/[\s・「」『』"“”]/g, '').toLowerCase();
const bigrams = (s: string) => {
  const t = nfkc(s).replace(/\s/g, '');
  const m = new Map<string, number>();
  for (let i = 0; i < t.length - 1; i++) m.set(t.slice(i, i + 2), (m.get(t.slice(i, i + 2)) ?? 0) + 1);
  return m;
};
const dice = (a: string, b: string) => {
  const A = bigrams(a);
  const B = bigrams(b);
  let inter = 0;
  let n = 0;
  for (const [k, v] of A) {
    n += v;
    inter += Math.min(v, B.get(k) ?? 0);
  }
  for (const v of B.values()) n += v;
  return n ? (2 * inter) / n : 0;
};
const listOf = (v: unknown) => new Set((Array.isArray(v) ? v : []).filter((x) => x !== 'other'));
const ARRAYS = new Set(['incident_types', 'data_types']);
const FLAGS = new Set(['reported_to_ppc', 'reported_to_police', 'contractor_involved']);
const KEYS = ['casebook_id', 'kind', 'disclosure_date', 'affected_count', 'sector', 'discovery', 'occurred_date', 'discovered_date', 'reported_to_ppc', 'reported_to_police', 'contractor_involved', 'organization', 'attacker', 'incident_types', 'data_types'] as const;
type Key = (typeof KEYS)[number];
const FACT_KEYS = KEYS.filter((k) => k !== 'kind');

function same(k: Key, g: unknown, p: unknown): boolean {
  if (ARRAYS.has(k)) {
    const G = listOf(g);
    const P = listOf(p);
    return G.size === P.size && [...G].every((x) => P.has(x));
  }
  if (FLAGS.has(k)) return !!g === !!p;
  if (k === 'organization') {
    if (g == null || p == null) return g == null && p == null;
    const a = orgNorm(g);
    const b = orgNorm(p);
    return !!a && !!b && (a === b || a.includes(b) || b.includes(a));
  }
  if (k === 'attacker') {
    if (g == null || p == null) return g == null && p == null;
    const a = nfkc(g).toLowerCase();
    const b = nfkc(p).toLowerCase();
    return a.includes(b) || b.includes(a);
  }
  return (g ?? null) === (p ?? null);
}
const factCount = (k: Key, v: unknown) => (ARRAYS.has(k) ? listOf(v).size : FLAGS.has(k) ? (v === true ? 1 : 0) : v == null ? 0 : 1);
function factHits(k: Key, g: unknown, p: unknown): number {
  if (ARRAYS.has(k)) {
    const G = listOf(g);
    return [...listOf(p)].filter((x) => G.has(x)).length;
  }
  if (FLAGS.has(k)) return g === true && p === true ? 1 : 0;
  return g != null && p != null && same(k, g, p) ? 1 : 0;
}
/** A value the record states (the ones confidence is given for). */
const stated = (k: Key, v: unknown) => factCount(k, v) > 0 || (k === 'kind' && v != null);

const files = [...new Set(gold.map((g) => g.file))];
const predByFile = new Map<string, IncidentRecord[]>();
// The rules behind each record's values, by record.
const rulesOf = new Map<IncidentRecord, Fields>();
const t0 = performance.now();
for (const f of files) {
  let text = readFileSync(join(opt.dir, f), 'utf8');
  if (opt['strip-source']) text = text.replace(/^source:[^\n]*\n\n?/, '');
  predByFile.set(f, splitPosts(text).map((p) => {
    const { record, fields } = readPost(p);
    rulesOf.set(record, fields);
    return record;
  }));
}
const ms = performance.now() - t0;

let goldFacts = 0;
let predFacts = 0;
let hitFacts = 0;
const perKey = new Map<Key, number>(KEYS.map((k) => [k, 0]));
let nInc = 0;
const misses: string[] = [];
// Calibration: every stated value of a matched incident post, by its confidence.
const byLevel = new Map<string, { n: number; right: number }>();
let wrong = 0;
let wrongFlagged = 0;
let flagged = 0;
const wrongByKey = new Map<string, { wrong: number; flagged: number; high: number }>();
// Stated values by key and by the rules behind them: how often each is right.
const statedByKey = new Map<string, { n: number; right: number; low: number }>();
const byRule = new Map<string, { n: number; right: number; level: string }>();
const free = new Map([...predByFile].map(([f, r]) => [f, new Set(r.map((_, i) => i))]));
for (const g of gold) {
  const recs = predByFile.get(g.file) ?? [];
  const left = free.get(g.file)!;
  let best = -1;
  let bestScore = -1;
  for (const i of left) {
    const r = recs[i]!;
    const sameId = g.casebook_id != null && r.casebook_id === g.casebook_id;
    const d = dice(g.header ?? '', r.header ?? '');
    if (!sameId && d < 0.5) continue;
    const s = (sameId ? 1 : 0) + d;
    if (s > bestScore) {
      bestScore = s;
      best = i;
    }
  }
  const r = best >= 0 ? recs[best]! : null;
  if (best >= 0) left.delete(best);
  if (g.kind !== 'incident') continue;
  nInc++;
  for (const k of FACT_KEYS) {
    goldFacts += factCount(k, g[k]);
    if (r) {
      predFacts += factCount(k, r[k]);
      hitFacts += factHits(k, g[k], r[k]);
    }
  }
  for (const k of KEYS) {
    const ok = r ? same(k, g[k], r[k]) : false;
    if (ok) perKey.set(k, perKey.get(k)! + 1);
    else misses.push(`${g.file} ${g.casebook_id ?? ''} ${k}: gold=${JSON.stringify(g[k])} got=${r ? JSON.stringify(r[k]) : '(no record)'}${r && stated(k, r[k]) ? ` [${r.confidence?.[k as RecordKey] ?? '?'}${opt.rules ? ` ${(rulesOf.get(r)?.[k as keyof Fields]?.rules ?? []).join(',')}` : ''}]` : ''}`);
    if (!r || !stated(k, r[k])) continue;
    const level = r.confidence?.[k as RecordKey] ?? 'none';
    const cell = byLevel.get(level) ?? { n: 0, right: 0 };
    cell.n++;
    if (ok) cell.right++;
    byLevel.set(level, cell);
    const isLow = r.low_confidence?.includes(k as RecordKey) ?? false;
    if (isLow) flagged++;
    const sk = statedByKey.get(k) ?? { n: 0, right: 0, low: 0 };
    sk.n++;
    if (ok) sk.right++;
    if (isLow) sk.low++;
    statedByKey.set(k, sk);
    const ruleKey = `${k} ${(rulesOf.get(r)?.[k as keyof Fields]?.rules ?? ['(no rule id)']).join('+')}`;
    const rr = byRule.get(ruleKey) ?? { n: 0, right: 0, level };
    rr.n++;
    if (ok) rr.right++;
    byRule.set(ruleKey, rr);
    if (!ok) {
      wrong++;
      if (isLow) wrongFlagged++;
      const w = wrongByKey.get(k) ?? { wrong: 0, flagged: 0, high: 0 };
      w.wrong++;
      if (isLow) w.flagged++;
      if (level === 'high') w.high++;
      wrongByKey.set(k, w);
    }
  }
}
for (const [f, left] of free) for (const i of left) {
  const r = predByFile.get(f)![i]!;
  if (r.kind === 'incident') for (const k of FACT_KEYS) predFacts += factCount(k, r[k]);
}

const prec = predFacts ? hitFacts / predFacts : 0;
const rec = goldFacts ? hitFacts / goldFacts : 0;
const f1 = prec + rec ? (2 * prec * rec) / (prec + rec) : 0;
for (const k of KEYS) console.log(`${k.padEnd(20)} ${(perKey.get(k)! / Math.max(nInc, 1)).toFixed(3)}`);
if (opt.verbose) for (const m of misses) console.log(`  miss ${m}`);
console.log(`facts: ${hitFacts} right of ${predFacts} stated and ${goldFacts} labelled: precision ${prec.toFixed(3)}, recall ${rec.toFixed(3)}`);
console.log(`extraction F1 ${f1.toFixed(3)} over ${nInc} incident posts (${files.length} files in ${(ms / 1000).toFixed(1)} s)`);

console.log('\ncalibration: stated values of the incident posts, by confidence');
console.log('confidence   values  right  share right');
for (const level of ['high', 'medium', 'low', 'none']) {
  const c = byLevel.get(level);
  if (c) console.log(`${level.padEnd(10)} ${String(c.n).padStart(8)} ${String(c.right).padStart(6)}  ${(c.right / c.n).toFixed(3)}`);
}
const high = byLevel.get('high') ?? { n: 0, right: 0 };
const highShare = high.n ? high.right / high.n : 1;
const flaggedShare = wrong ? wrongFlagged / wrong : 1;
console.log(`wrong values: ${wrong}, of which in low_confidence: ${wrongFlagged} (${flaggedShare.toFixed(3)}); low_confidence holds ${flagged} values`);
if (opt.verbose) {
  console.log('wrong values by key (wrong / flagged low / marked high):');
  for (const [k, w] of [...wrongByKey].sort((a, b) => b[1].wrong - a[1].wrong)) console.log(`  ${k.padEnd(20)} ${w.wrong} / ${w.flagged} / ${w.high}`);
}
if (opt.verbose) {
  console.log('stated values by key (right / stated, flagged low):');
  for (const [k, c] of statedByKey) console.log(`  ${k.padEnd(20)} ${c.right} / ${c.n}  low ${c.low}`);
}
if (opt.rules) {
  console.log('stated values by the rules behind them (right / stated, confidence of the last):');
  for (const [k, c] of [...byRule].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`  ${k}  ${c.right} / ${c.n}  ${c.level}`);
}
console.log(`high right ${highShare.toFixed(3)}, wrong values flagged ${flaggedShare.toFixed(3)}`);

const minHigh = opt['min-high'] ? Number(opt['min-high']) : 0;
const minFlagged = opt['min-flagged'] ? Number(opt['min-flagged']) : 0;
if (highShare < minHigh || flaggedShare < minFlagged) {
  console.log(`calibration below the floor: high right ${highShare.toFixed(3)} (need ${minHigh}), wrong flagged ${flaggedShare.toFixed(3)} (need ${minFlagged})`);
  process.exit(1);
}
