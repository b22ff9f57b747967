// The search box, /notices and the API fold spelling variants and say which (「漏えい」「ろうえい」も含めて
// 検索しました); related terms (個人情報・個人データ) only with the box ticked; a casebook's own groups come
// from jikenbo.settings.json.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Casebook } from '../../src/app/casebook.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { loadSettings } from '../../src/app/settings.ts';
import { createApp } from '../../src/server/app.ts';
import { ORIGIN } from '../helpers/sign-in.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { tempDir } from '../helpers/temp-dir.ts';

let day = 0;
const notice = (org: string, title: string, body: string) => `${title}\n2024年6月${++day}日\n${org}\n\n${body}\n`;

describe('the settings file\'s spelling groups', () => {
  const dir = tempDir();
  it('reads search.variants and search.onRequest, and refuses a group of one', () => {
    writeFileSync(join(dir, 'jikenbo.settings.json'), JSON.stringify({ search: { variants: [['ランサムウェア', '身代金ウイルス']], onRequest: [['委託先', '業務委託先']] } }));
    expect(loadSettings(join(dir, 'x.db')).searchVariants).toEqual([
      { spellings: ['ランサムウェア', '身代金ウイルス'] }, { spellings: ['委託先', '業務委託先'], onRequest: true },
    ]);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ search: { variants: [['漏洩']] } }));
    expect(() => loadSettings(join(dir, 'x.db'), join(dir, 'bad.json'))).toThrow(/search\.variants\.0/);
  });
});

describe.each(CASEBOOK_ENGINES)('search with spelling variants on $name', (engine) => {
  const dir = tempDir();
  let casebook: Casebook;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    writeFileSync(join(dir, 'a.txt'), notice('株式会社あさひ', '不正アクセスに関するお詫び', '不正アクセスにより顧客情報が漏洩した可能性があります。'));
    writeFileSync(join(dir, 'b.txt'), notice('株式会社かもめ物産', '顧客情報流出の可能性について', '不正アクセスにより顧客情報が漏えいした可能性があります。'));
    writeFileSync(join(dir, 'c.txt'), notice('医療法人さくら会', '患者様の個人データを含む書類の誤送付に関するお詫び', '当院において、患者様128名分の個人データを含む書類を誤って別の患者様に送付いたしました。また、その控えを亡失いたしました。'));
    writeFileSync(join(dir, 'd.txt'), notice('株式会社みどり運輸', 'システム障害のお知らせ', '身代金ウイルスによりサーバーが暗号化されました。'));
    casebook = await engine.open(dir, 'spellings');
    await ingestPaths([dir], casebook);
    app = createApp(casebook, { publicRead: true, searchVariants: [{ spellings: ['ランサムウェア', '身代金ウイルス'] }] });
  }, 60_000);
  afterAll(async () => casebook.close());

  const get = async (path: string) => (await app.request(`${ORIGIN}${path}`)).text();

  it('finds 漏えい when 漏洩 is asked on the incidents page, and says so', async () => {
    const page = await get(`/?q=${encodeURIComponent('漏洩')}`);
    expect(page).toContain('株式会社あさひ');
    expect(page).toContain('株式会社かもめ物産');
    expect(page).toContain('「漏えい」「ろうえい」も含めて検索しました');
    expect(page).toContain('<mark>漏えい</mark>');
    const en = await get(`/?q=${encodeURIComponent('漏洩')}&lang=en`);
    expect(en).toContain('Also searched for “漏えい”, “ろうえい”');
  });

  it('finds 亡失 for 紛失, 個人データ for 個人情報 only with related terms ticked, and a casebook\'s own group', async () => {
    expect(await get(`/?q=${encodeURIComponent('紛失')}`)).toContain('医療法人さくら会');
    const narrow = await get(`/?q=${encodeURIComponent('個人情報')}`);
    expect(narrow).not.toContain('医療法人さくら会');
    const wide = await get(`/?q=${encodeURIComponent('個人情報')}&wide=1`);
    expect(wide).toContain('医療法人さくら会');
    expect(wide).toContain('「個人データ」も含めて検索しました');
    expect(wide).toMatch(/name="wide" value="1" checked/);
    expect(await get(`/?q=${encodeURIComponent('ランサムウエア')}`)).toContain('株式会社みどり運輸');
  });

  it('folds the same on /notices and /api/v1/search', async () => {
    const list = await get(`/notices?q=${encodeURIComponent('漏洩')}`);
    expect(list).toContain('株式会社かもめ物産');
    expect(list).toContain('「漏えい」「ろうえい」も含めて検索しました');
    const api = await (await app.request(`${ORIGIN}/api/v1/search?q=${encodeURIComponent('漏えい')}`)).json() as { items: { organization: string }[] };
    expect(api.items.map((i) => i.organization).sort()).toEqual(['株式会社あさひ', '株式会社かもめ物産']);
  });
});
