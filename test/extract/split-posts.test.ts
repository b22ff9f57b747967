import { describe, expect, it } from 'vitest';
import { splitPosts } from '../../src/extract/split-posts.ts';
import { goldHeaders, haveSeeds, seedFiles } from './seeds.ts';

// A skipped describe still runs its body to list its tests: the seeds are read only when there.
const SEEDS = haveSeeds('splitPosts on the seed casebook pages');

describe.skipIf(!SEEDS)('splitPosts on the seed casebook pages', () => {
  const files = SEEDS ? seedFiles() : [];
  const gold = SEEDS ? goldHeaders() : [];

  it('finds the five seed files', () => {
    expect(files).toHaveLength(5);
  });

  it('cuts the five files into exactly the 40 labelled posts, in order', () => {
    let total = 0;
    for (const f of files) {
      const posts = splitPosts(f.text);
      const expected = gold.filter((g) => g.file === f.name).map((g) => g.header);
      expect(posts.map((p) => p.header.trim()), f.name).toEqual(expected.map((h) => h.trim()));
      total += posts.length;
    }
    expect(total).toBe(40);
  });

  it('gives posts that tile the document from their first line', () => {
    for (const f of files) {
      const posts = splitPosts(f.text);
      for (const p of posts) expect(f.text.slice(p.start, p.end)).toBe(p.text);
      for (let i = 1; i < posts.length; i++) expect(posts[i]!.start).toBe(posts[i - 1]!.end);
      expect(posts.at(-1)!.end).toBe(f.text.length);
    }
  });

  it('keeps every seed post whole when it stands alone', () => {
    for (const f of files) for (const p of splitPosts(f.text)) expect(splitPosts(p.text)).toHaveLength(1);
  });
});

describe('splitPosts layout rules', () => {
  const page = [
    '【セキュリティ事件簿#2031-001】株式会社サンプル商事 不正アクセスに関するお知らせ 2031年4月1日',
    '',
    '',
    '当社サーバーが不正アクセスを受けました。',
    '',
    '【概要】',
    '',
    '【2031年4月3日更新】',
    '',
    '【事案1 メールの誤送信】',
    '',
    'リリース文アーカイブ',
    '',
    '【旅行記】架空空港から架空島へ行ってきた',
    '',
    '朝早く出発した。',
    '',
    'ある架空クラウドサービスで大規模な障害が発生した件について',
    '',
    '',
    '架空クラウドは本日、障害の報告書を公開した。',
    '',
    '【セキュリティ事件簿#2031】架空市 USBメモリの紛失について',
    '',
    '市は紛失を発表した。',
  ].join('\n');

  it('cuts at casebook headers, labelled titles and stand-alone titles only', () => {
    expect(splitPosts(page).map((p) => p.header)).toEqual([
      '【セキュリティ事件簿#2031-001】株式会社サンプル商事 不正アクセスに関するお知らせ 2031年4月1日',
      '【旅行記】架空空港から架空島へ行ってきた',
      'ある架空クラウドサービスで大規模な障害が発生した件について',
      '【セキュリティ事件簿#2031】架空市 USBメモリの紛失について',
    ]);
  });

  it('reads a bare notice as one post headed by its first non-empty line', () => {
    const notice = '\n\n株式会社サンプル 個人情報漏えいに関するお詫び\n\n\n【概要】\n\n\nある日のこと、長めの小見出しが単独で置かれている行\n\n\n本文。';
    const posts = splitPosts(notice);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.header).toBe('株式会社サンプル 個人情報漏えいに関するお詫び');
  });

  it('skips a leading source: line', () => {
    const posts = splitPosts('source: https://example.invalid/a\n\n【セキュリティ事件簿#2031-002】架空町 誤送信について\n\n本文。');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.header).toBe('【セキュリティ事件簿#2031-002】架空町 誤送信について');
  });

  it('returns nothing for an empty document', () => {
    expect(splitPosts('\n \n')).toEqual([]);
  });
});
