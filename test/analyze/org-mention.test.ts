// When a name found in a text is that organisation: common words, longer names and product makers are not.
import { describe, expect, it } from 'vitest';
import { isGenericName } from '../../src/analyze/generic-name.ts';
import { judgeMention, namesOrganisation } from '../../src/analyze/org-mention.ts';
import { compactText } from '../../src/analyze/org-name.ts';

const judge = (text: string, key: string) => {
  const compact = compactText(text);
  return judgeMention(compact, key, compact.indexOf(key));
};

describe('isGenericName', () => {
  it('takes keys made only of common words as generic, of every kind of such word', () => {
    for (const key of ['システム', '情報システム', 'データ管理センター', '日本ネットワークサービス', 'ソリューションズ', '総合開発', 'itサービス']) {
      expect(isGenericName(key), key).toBe(true);
    }
  });
  it('takes a key with one distinctive part as a name', () => {
    for (const key of ['あさひデータサービス', 'ひかり銀行', 'さくらネット', '山口金属曲板工業', 'ミドリシステム']) {
      expect(isGenericName(key), key).toBe(false);
    }
  });
});

describe('judgeMention', () => {
  it('never takes a common word standing alone for a company named by it', () => {
    expect(judge('運用業務の委託先から、システムのサーバーに不正アクセスがあった', 'システム')).toBe('generic_word');
    expect(judge('運用業務の委託先から、予約システムのサーバーに不正アクセスがあった', 'システム')).not.toBe('name');
    expect(judge('委託先のデータ管理センターに保管されたバックアップ', 'データ管理センター')).toBe('generic_word');
  });
  it('takes a common-word name beside its legal form for the company', () => {
    expect(judge('委託先である株式会社システムから報告を受けました', 'システム')).toBe('name');
    expect(judge('委託先のデータ管理センター株式会社から報告を受けました', 'データ管理センター')).toBe('name');
    expect(judge('委託先の㈱システムから報告を受けました', 'システム')).toBe('name');
  });
  it('keeps a name inside a longer one apart', () => {
    expect(judge('委託先であるひかり銀行カード株式会社', 'ひかり銀行')).toBe('inside_longer_name');
    expect(judge('保守を委託しております株式会社ふたばシステムズから', 'ふたば')).toBe('inside_longer_name');
    expect(judge('運用を委託しているさくらネットワークス株式会社', 'さくらネット')).toBe('inside_longer_name');
    expect(judge('委託先の東ひかり銀行から', 'ひかり銀行')).toBe('inside_longer_name');
  });
  it('takes the same names where they end at a legal form, 社, an honorific or a particle', () => {
    expect(judge('委託先であるひかり銀行カード株式会社', 'ひかり銀行カード')).toBe('name');
    expect(judge('委託しております株式会社ふたばから', 'ふたば')).toBe('name');
    expect(judge('弊社委託先の山口金属曲板工業社から連絡を受けました', '山口金属曲板工業')).toBe('name');
    expect(judge('委託元であるあけぼの通販様の窓口業務', 'あけぼの通販')).toBe('name');
    expect(judge('委託元である医療法人社団みどり会の患者情報', 'みどり会')).toBe('name');
    expect(judge('保守を担う委託事業者あさひ印刷データから', 'あさひ印刷データ')).toBe('name');
    expect(judge('委託先である山口金属曲板工業本社工場において', '山口金属曲板工業')).toBe('name');
  });
  it('takes a maker named for its product for no contractor', () => {
    expect(judge('委託先が利用していたことのは製作所製のファイル転送ソフトウェア', 'ことのは製作所')).toBe('product');
    expect(judge('委託先で使われていたあさひソフト社製の機器', 'あさひソフト')).toBe('product');
    expect(judge('委託先が導入していたあさひソフトの製品の脆弱性', 'あさひソフト')).toBe('product');
  });
  it('takes an organisation someone pretended to be for no party to the event', () => {
    expect(judge('当社の取引先である株式会社やまびこ運輸を装ったメールが届き', 'やまびこ運輸')).toBe('impersonated');
    expect(judge('委託先のやまびこ運輸社になりすましたメール', 'やまびこ運輸')).toBe('impersonated');
    expect(judge('取引先であるやまびこ運輸様の名をかたるメール', 'やまびこ運輸')).toBe('impersonated');
    expect(judge('取引先であるやまびこ運輸から連絡を受けました', 'やまびこ運輸')).toBe('name');
  });
  it('reads a name written with a middle dot as the key without it', () => {
    expect(judge('運営会社であるミドリ・データ社において', 'ミドリデータ')).toBe('name');
  });
});

describe('namesOrganisation', () => {
  it('finds the organisation at any of its occurrences, not only the first', () => {
    const text = compactText('ひかり銀行カード会員サイトについて。なお、株式会社ひかり銀行の口座情報は含まれません。');
    expect(namesOrganisation(text, 'ひかり銀行')).toBe(true);
    expect(namesOrganisation(compactText('ひかり銀行カード会員サイトについて'), 'ひかり銀行')).toBe(false);
  });
});
