// Benchmark: server time of the web pages over a casebook of 10,000 synthetic incidents (fictional
// notices from templates, stored through the Store directly for speed). Prints p50/p95; never fails.
//   npm run bench:pages [-- --incidents 10000 --runs 60]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { regroupIncidents } from '../src/app/incidents.ts';
import { DATA_TYPES, INCIDENT_TYPES, SECTORS, type IncidentRecord, type RecordKey, type Span } from '../src/core/record.ts';
import { createApp } from '../src/server/app.ts';
import { FileArchive } from '../src/sources/file-archive.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';

const { values } = parseArgs({ options: { incidents: { type: 'string', default: '10000' }, runs: { type: 'string', default: '60' } } });
const N = Number(values.incidents);
const RUNS = Number(values.runs);

const PLACES = ['みどり野', 'あさひ台', 'かえで', 'しらかば', 'ひばり', 'こもれび', 'はるかぜ', 'つきみ', 'ゆうなぎ', 'ほしぞら'];
const KINDS = ['商事', '精機', '病院', '大学', '書房', '物産', '運輸', '食品', '建設', '電機'];
const CAUSES: Record<string, string> = {
  ransomware: '当社のファイルサーバーがランサムウェアに感染し、データが暗号化されました。',
  unauthorized_access: '当社サーバーが第三者による不正アクセスを受けました。',
  web_skimming: '当社ECサイトの決済画面が改ざんされ、カード情報が窃取されました。',
  misdelivery: 'メールの宛先をBCCではなくTOに設定して送信いたしました。',
  loss: '職員が個人情報を保存したUSBメモリを紛失いたしました。',
};
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

/** One fictional notice and a record whose evidence points into it. */
function synthetic(i: number): { text: string; record: IncidentRecord } {
  const year = 2019 + (i % 7);
  const month = 1 + ((i * 7) % 12);
  const day = 1 + ((i * 13) % 28);
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const org = `株式会社${pick(PLACES, i)}${pick(KINDS, Math.floor(i / 10))}${i}`;
  const type = pick(Object.keys(CAUSES), i) as keyof typeof CAUSES;
  const count = 10 + ((i * 7919) % 200_000);
  const title = `個人情報漏えいに関するお詫びとお知らせ（架空事例${i}）`;
  const head = `${title}\n${year}年${month}月${day}日\n${org}\n\n`;
  const body = `${CAUSES[type]}お客様${count.toLocaleString('ja-JP')}名分の氏名、メールアドレスが流出した可能性があります。` +
    (i % 3 === 0 ? '個人情報保護委員会へ報告いたしました。' : '') + (i % 5 === 0 ? '委託先の保守業者が関与しておりました。' : '') +
    '\nお客様には多大なるご迷惑とご心配をおかけしますことを深くお詫び申し上げます。\n';
  const text = head + body;
  const span = (s: string): Span[] => { const at = text.indexOf(s); return at < 0 ? [] : [[at, at + s.length]]; };
  const evidence: Partial<Record<RecordKey, Span[]>> = {
    title: span(title), organization: span(org), disclosure_date: span(`${year}年${month}月${day}日`),
    affected_count: span(`${count.toLocaleString('ja-JP')}名`), incident_types: span(CAUSES[type]!),
  };
  return {
    text,
    record: {
      header: title, casebook_id: null, kind: 'incident', organization: org, title, disclosure_date: date,
      incident_types: [type as (typeof INCIDENT_TYPES)[number]], affected_count: count,
      data_types: [...new Set([pick(DATA_TYPES, i), 'name' as const, 'email' as const])],
      sector: pick(SECTORS, i), reported_to_ppc: i % 3 === 0, reported_to_police: i % 11 === 0, contractor_involved: i % 5 === 0,
      attacker: i % 17 === 0 ? `架空グループ${i % 4}` : null, discovery: null, occurred_date: null, discovered_date: null,
      evidence, confidence: { organization: 'high', affected_count: i % 4 === 0 ? 'low' : 'high' },
    },
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const dir = mkdtempSync(join(tmpdir(), 'jikenbo-bench-pages-'));
try {
  const store = await openSqliteStore(join(dir, 'bench.db'));
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const { text, record } = synthetic(i);
    const sha = (i.toString(16).padStart(8, '0') + '0'.repeat(56)).slice(0, 64);
    await store.ingestDocument(
      { sha256: sha, source: `synthetic-${i}.txt`, mediaType: 'text/plain', encoding: 'UTF-8', byteLength: text.length * 3, text },
      [{ ordinal: 0, start: 0, end: text.length, text, record, extractorVersion: 'bench' }],
    );
  }
  const tIngest = performance.now();
  await regroupIncidents(store);
  const tGroup = performance.now();
  const app = createApp({ store, archive: new FileArchive(join(dir, 'archive')) }, { publicRead: true });
  const first = await app.request('/');
  await first.text();
  const tFirst = performance.now();
  console.log(`casebook: ${N.toLocaleString('en')} notices stored in ${((tIngest - t0) / 1000).toFixed(1)} s, ` +
    `grouped into ${(await store.countIncidents()).toLocaleString('en')} incidents in ${((tGroup - tIngest) / 1000).toFixed(1)} s; ` +
    `first page (builds the incident facts cache) ${(tFirst - tGroup).toFixed(0)} ms`);

  const someIncident = (await store.listIncidents({ limit: 1, offset: Math.floor(N / 2) }))[0]!.id;
  const pages: [string, string][] = [
    ['incidents', '/'],
    ['incidents, page 40', '/?page=40'],
    ['incidents, 2 facets', '/?type=ransomware&year=2023&ppc=yes'],
    ['incidents, sorted by people', '/?sort=affected_desc&sector=healthcare'],
    ['incidents, search (2,000 hits)', '/?q=' + encodeURIComponent('ランサムウェア')],
    ['incidents, search + facet', '/?q=' + encodeURIComponent('USBメモリ') + '&year=2024'],
    ['incidents, search, every notice', '/?q=' + encodeURIComponent('お詫び')],
    ['incident', `/incidents/${someIncident}`],
    ['notice', `/notices/${(await store.listNotices({ limit: 1 }))[0]!.id}`],
  ];
  const dashboard = await app.request('/dashboard');
  if (dashboard.status !== 404) pages.push(['dashboard', '/dashboard'], ['dashboard, filtered', '/dashboard?type=ransomware&year=2023']);

  // Views never asked before (the facet counts cache misses): a different type, year and order each run.
  const types = ['ransomware', 'loss', 'misdelivery', 'web_skimming', 'unauthorized_access'];
  const sorts = ['disclosed_desc', 'affected_desc', 'number_asc'];
  let fresh = 0;
  const freshView = () => {
    fresh++;
    return `/?type=${types[fresh % 5]}&year=${2019 + (fresh % 7)}&sector=${SECTORS[fresh % 13]}&sort=${sorts[fresh % 3]}&page=${1 + (fresh % 3)}&contractor=${fresh % 2 ? 'yes' : 'no'}`;
  };

  console.log(`\n${'page'.padEnd(34)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)}  status  (${RUNS} runs each; the facts cache warm)`);
  // The dashboard keeps rendered charts per view; a view never asked before renders them all.
  const freshDashboard = () => {
    fresh++;
    return `/dashboard?type=${types[fresh % 5]}&year=${2016 + (fresh % 10)}&sector=${SECTORS[fresh % 13]}`;
  };
  const freshViews: [string, string][] = [['incidents, a new view each run', 'fresh:incidents']];
  if (dashboard.status !== 404) freshViews.push(['dashboard, a new view each run', 'fresh:dashboard']);
  for (const [name, path] of [...pages, ...freshViews]) {
    const times: number[] = [];
    let status = 0;
    for (let r = 0; r < RUNS + 3; r++) {
      const s = performance.now();
      const res = await app.request(path === 'fresh:incidents' ? freshView() : path === 'fresh:dashboard' ? freshDashboard() : path);
      await res.text();
      if (r >= 3) times.push(performance.now() - s); // the first runs warm the JIT
      status = res.status;
    }
    times.sort((a, b) => a - b);
    console.log(`${name.padEnd(34)} ${percentile(times, 50).toFixed(1).padStart(8)} ${percentile(times, 95).toFixed(1).padStart(8)} ${times.at(-1)!.toFixed(1).padStart(8)}  ${status}`);
  }
  await store.close();
} finally {
  if (process.env.KEEP_BENCH_DB) console.log(`kept ${dir}`); else rmSync(dir, { recursive: true, force: true });
}
