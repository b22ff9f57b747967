// The corpus as a stream of files: bare notices (text, HTML, PDF), follow-up pairs and multi-post casebook pages,
// each file with the records its posts should yield. One file at a time, so a million posts fit in memory.
import type { Block, ExpectedRecord, GeneratedPost } from './blocks.ts';
import { addDays, headerDate, toFullWidthDigits } from './dates.ts';
import { randomIncident, type Incident } from './incident.ts';
import { writeNotice } from './notice.ts';
import { randomOrganization } from './organizations.ts';
import { Rng } from './prng.ts';
import { encodeText, randomEncoding, renderHtml, renderPdf, renderText, type TextEncoding } from './render.ts';

export type Format = 'text' | 'html' | 'pdf' | 'casebook';

export interface CorpusFile {
  name: string;
  format: Format;
  /** null for PDF. */
  encoding: TextEncoding | null;
  bytes: Uint8Array;
  records: ExpectedRecord[];
}

export interface CorpusOptions {
  posts: number;
  seed: number;
}

/** Bumped when the generator's output changes, so cached corpora are not reused across versions. */
export const GENERATOR_VERSION = 2;

type Layout = 'text' | 'html' | 'pdf' | 'casebook' | 'follow_up';

export function* generateCorpus(options: CorpusOptions): Generator<CorpusFile> {
  const rng = new Rng(options.seed);
  const numbers = new Map<number, number>(); // casebook numbers per year: #2023-001, #2023-002 …
  let posts = 0;
  let index = 0;
  while (posts < options.posts) {
    const left = options.posts - posts;
    const layout = rng.weighted<Layout>([['text', 56], ['html', 20], ['pdf', 4], ['casebook', 13], ['follow_up', 7]]);
    if (layout === 'casebook' && left >= 2) {
      const file = casebookPage(rng, index++, Math.min(left, rng.int(2, 8)), numbers);
      posts += file.records.length;
      yield file;
    } else if (layout === 'follow_up' && left >= 2) {
      for (const file of followUpPair(rng, index)) {
        index++;
        posts += file.records.length;
        yield file;
      }
    } else {
      const inc = randomIncident(rng);
      const notice = writeNotice(rng, inc);
      posts += 1;
      yield bareFile(rng, index++, layout === 'casebook' || layout === 'follow_up' ? 'text' : layout, inc, notice);
    }
  }
}

/** Full-width digits through the body, as in notices typed in a word processor; titles keep theirs. */
function styleDigits(blocks: Block[], inc: Incident): Block[] {
  if (inc.dates.style !== 'fullwidth') return blocks;
  return blocks.map((b): Block => {
    switch (b.kind) {
      case 'para':
      case 'heading':
        return { ...b, text: toFullWidthDigits(b.text) };
      case 'items':
        return { ...b, items: b.items.map(toFullWidthDigits) };
      case 'table':
        return { ...b, rows: b.rows.map((r) => r.map(toFullWidthDigits)) };
      default:
        return b;
    }
  });
}

function bareFile(rng: Rng, index: number, format: 'text' | 'html' | 'pdf', inc: Incident, post: GeneratedPost & { title: string }): CorpusFile {
  const blocks = styleDigits(post.blocks, inc);
  const encoding = format === 'pdf' ? null : randomEncoding(rng);
  const stem = `${String(index).padStart(7, '0')}-${inc.event.replace(/_/g, '-')}`;
  const name = format === 'pdf' ? `${stem}.pdf` : `${stem}-${encoding}.${format === 'html' ? 'html' : 'txt'}`;
  const bytes =
    format === 'pdf'
      ? renderPdf(blocks)
      : format === 'html'
        ? encodeText(renderHtml(blocks, inc.org.name, encoding!, rng), encoding!)
        : encodeText(renderText(blocks, rng.chance(0.2)), encoding!);
  return { name, format, encoding, bytes, records: [{ file: name, header: post.title, ...post.record }] };
}

/** A first notice with an early estimate and its 第2報 correcting the count, as two files. */
function followUpPair(rng: Rng, index: number): CorpusFile[] {
  let inc = randomIncident(rng);
  while (!inc.hasData || inc.event === 'misdelivery') inc = randomIncident(rng);
  const exact = Math.max(50, Math.floor(rng.next() * 40_000));
  const first = writeNotice(rng, inc, { earlyEstimate: { exact } });
  const later: Incident = { ...inc, disclosure: addDays(inc.disclosure, rng.int(14, 70)), reportedToPpc: inc.reportedToPpc || rng.chance(0.6) };
  const second = writeNotice(rng, later, { followUpOf: { title: first.title, disclosure: inc.disclosure, earlierCount: first.countText!, exact } });
  const format = (): 'text' | 'html' | 'pdf' => rng.weighted([['text', 6], ['html', 3], ['pdf', 1]] as const);
  return [bareFile(rng, index, format(), inc, first), bareFile(rng, index + 1, format(), later, second)];
}

const OTHER_POSTS = [
  { label: '搭乗記', title: '羽田から那覇へ、機内Wi-Fiを試してみた', body: ['今回は出張の移動で国内線を利用しました。', '機内Wi-Fiは動画を見なければ十分に実用的な速さでした。', '空港ラウンジの電源事情についてもまとめておきます。'] },
  { label: 'イベントレポート', title: '地域のセキュリティ勉強会に参加してきた', body: ['週末に開催された勉強会に参加しました。', '講演ではログの取り方と保存期間の考え方が紹介されました。', '懇親会では運用担当者の苦労話で盛り上がりました。'] },
  { label: '雑記', title: '事件簿を続けて思うこと', body: ['この事件簿を始めてから数年が経ちました。', '公表文の書き方にも少しずつ変化が見られます。', '引き続き記録を残していきます。'] },
];

function casebookPage(rng: Rng, index: number, k: number, numbers: Map<number, number>): CorpusFile {
  const name = `${String(index).padStart(7, '0')}-casebook`;
  const lines: string[] = [];
  const records: Omit<ExpectedRecord, 'file'>[] = [];
  for (let i = 0; i < k; i++) {
    const roll = rng.next();
    if (roll < 0.05) {
      const other = rng.pick(OTHER_POSTS);
      const header = `【${other.label}】${other.title}`;
      lines.push(header, '', ...other.body, '', '');
      records.push({
        header, casebook_id: null, kind: 'other', organization: null, title: other.title, disclosure_date: null, incident_types: [],
        affected_count: null, data_types: [], sector: null, reported_to_ppc: false, reported_to_police: false,
        contractor_involved: false, attacker: null, discovery: null, occurred_date: null, discovered_date: null,
      });
      continue;
    }
    if (roll < 0.09) {
      const year = rng.int(2017, 2025);
      const month = rng.int(1, 12);
      const title = `${year}年${month}月にランサムウェアのリークサイトに掲載された国内組織`;
      const header = `【セキュリティ事件簿#${year}】${title}`;
      const entries = Array.from({ length: rng.int(4, 10) }, () => {
        const org = randomOrganization(rng);
        return `・${rng.pick(['LockBit', 'Akira', 'Qilin', '8Base', 'Play', 'RansomHub'])}：${org.name}（${org.domain}）`;
      });
      lines.push(header, '', '今月、ランサムウェア攻撃グループのリークサイトに掲載された国内組織は次のとおりです。', ...entries, '', '');
      records.push({
        header, casebook_id: String(year), kind: 'claim_list', organization: null, title, disclosure_date: null, incident_types: [],
        affected_count: null, data_types: [], sector: null, reported_to_ppc: false, reported_to_police: false,
        contractor_involved: false, attacker: null, discovery: null, occurred_date: null, discovered_date: null,
      });
      continue;
    }
    const inc = randomIncident(rng);
    const notice = writeNotice(rng, inc);
    const year = inc.disclosure.y;
    const n = (numbers.get(year) ?? 0) + 1;
    numbers.set(year, n);
    const id = `${year}-${String(n).padStart(3, '0')}`;
    const title = `${inc.org.name} ${notice.title}`;
    const header = `【セキュリティ事件簿#${id}】${title} ${headerDate(inc.disclosure, rng)}`;
    // A casebook post quotes the notice's body under its own header; the notice's title and byline are in the header.
    const body = styleDigits(notice.blocks.filter((b) => b.kind !== 'title'), inc);
    lines.push(header, '', ...renderText(body).trimEnd().split('\n'));
    if (rng.chance(0.7)) lines.push('', 'リリース文アーカイブ');
    lines.push('', '');
    records.push({ header, ...notice.record, casebook_id: id, title });
  }
  const encoding: TextEncoding = rng.weighted<TextEncoding>([['utf-8', 80], ['shift_jis', 10], ['euc-jp', 10]]);
  const file = `${name}-${encoding}.txt`;
  return { name: file, format: 'casebook', encoding, bytes: encodeText(lines.join('\n'), encoding), records: records.map((r) => ({ file, ...r })) };
}
