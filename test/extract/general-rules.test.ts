// One short fictional snippet per general rule of notice Japanese the extractor follows (no real notice text).
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/extract.ts';
import { normalize } from '../../src/core/normalize.ts';
import { unwrapPdfLines } from '../../src/core/unwrap.ts';
import { toOriginalSpan } from '../../src/core/normalize.ts';

const rec = (lines: string[]) => extractDocument(lines.join('\n'))[0]!.record;
const notice = (title: string, org: string, body: string[], date = '2030年4月10日') =>
  rec([title, '', date, org, '', ...body]);

describe('PDF copies', () => {
  it('joins lines cut inside words and sentences, and maps evidence back', () => {
    const text = [
      '不正アクセスに関するお知らせ',
      '',
      '当社は、２０３０年３⽉２⽇、社内サーバーが第三者による不正アクセスを受けたことを確認いたしま',
      'した。関係者の皆様には多⼤なるご心配とご迷惑をおかけしておりますことを、深くお詫',
      'び申し上げます。３⽉３⽇、所轄の警察署に相談するとともに、個⼈情',
      '報保護委員会へ速報を提出いたしました。',
    ].join('\n');
    const record = extractDocument(text)[0]!.record;
    expect(record.reported_to_ppc).toBe(true);
    const [s, e] = record.evidence.reported_to_ppc![0]!;
    expect(text.slice(s, e).normalize('NFKC').replace(/\n/g, '')).toBe('個人情報保護委員会');
  });

  it('drops page-number lines and leaves ordinary line breaks alone', () => {
    const norm = unwrapPdfLines(normalize('見出し\n\n本文の一行目です。\n\n- 2 -\n\n・氏名、住所、電話番号、メールアドレス、生年月日\nなお、パスワードは含まれておりません。'));
    expect(norm.text).not.toContain('- 2 -');
    expect(norm.text).toContain('生年月日\nなお');
    const at = norm.text.indexOf('本文');
    expect(toOriginalSpan(norm, at, at + 2)).toEqual([5, 7]);
  });
});

describe('organization of a bare notice', () => {
  it('reads the byline under the date, with kana in the name and a role after it', () => {
    expect(notice('お詫び', 'もみじ観光株式会社　代表取締役　山田 太郎', ['このたび、不正アクセスが発生しました。']).organization).toBe('もみじ観光株式会社');
  });
  it('reads an English name and a first line that is only the name', () => {
    expect(rec(['Maple Leaf Holdings Inc.', 'ウイルス感染に関するお詫び', '', '2030年4月10日', '', '当社のパソコンがマルウェアに感染しました。']).organization).toBe('Maple Leaf Holdings Inc.');
  });
  it('reads the foot line and strips the department', () => {
    expect(rec(['メール誤送信のお詫び', '', '会員の皆様', '', '当会から送信したメールを誤ってCCで送信しました。', '', '一般社団法人ことり音楽協会　事務局', '電話 0120-000-000']).organization).toBe('一般社団法人ことり音楽協会');
  });
  it('never takes 当協会 from the title as a name', () => {
    expect(rec(['当協会公式アカウントの乗っ取りについて', '', 'いつもありがとうございます。アカウントが乗っ取られました。']).organization).toBeNull();
  });
});

describe('sector when the name says nothing', () => {
  it('reads what the company says it does', () => {
    expect(notice('お知らせ', '株式会社あおば', ['当社は、自動車部品の製造を行っております。不正アクセスが発生しました。']).sector).toBe('manufacturing');
    expect(notice('お知らせ', '株式会社あおば', ['当社が運営する通販サイトにおいて不正アクセスが発生しました。']).sector).toBe('ecommerce');
  });
  it('reads how the organisation names itself, and whom it addresses (low)', () => {
    expect(notice('お知らせ', 'あおば', ['当金庫において書類を紛失しました。']).sector).toBe('finance');
    const r = notice('お知らせ', 'あおば', ['患者様の情報を含む書類を紛失しました。']);
    expect(r.sector).toBe('healthcare');
    expect(r.confidence?.sector).toBe('low');
    expect(r.low_confidence).toContain('sector');
  });
  it('does not call a company IT because it uses Microsoft 365', () => {
    expect(notice('お知らせ', '株式会社あおば', ['当社が利用するMicrosoft 365のアカウントが乗っ取られました。']).sector).toBeNull();
  });
  it('reads gas utilities as other and 信販 as finance', () => {
    expect(notice('お知らせ', 'あおばガス株式会社', ['書類を紛失しました。']).sector).toBe('other');
    expect(notice('お知らせ', 'あおば信販株式会社', ['書類を紛失しました。']).sector).toBe('finance');
  });
});

describe('discovery channels', () => {
  const ch = (s: string) => notice('お知らせ', '株式会社あおば', ['不正アクセスが発生しました。', s]).discovery;
  it('police, researchers, card companies, customers, vendors, attackers, staff', () => {
    expect(ch('3月1日、警察から、当社の情報が売買されているとの連絡を受けました。')).toBe('police');
    expect(ch('3月1日、セキュリティ研究者の方から、データが閲覧できる状態であるとのご連絡をいただきました。')).toBe('external_researcher');
    expect(ch('3月1日、カード会社から、漏えいの懸念がある旨の連絡を受けました。')).toBe('card_company');
    expect(ch('3月1日、お客様からのお問い合わせにより判明しました。')).toBe('customer_report');
    expect(ch('3月1日、保守業者から異常の報告を受けました。')).toBe('vendor_report');
    expect(ch('3月1日、攻撃者からの脅迫文が届き、発覚しました。')).toBe('attacker_claim');
    expect(ch('3月1日、当社の監視システムが異常を検知しました。')).toBe('internal_detection');
    expect(ch('3月1日、職員が上司へ報告し、判明しました。')).toBe('internal_detection');
  });
});

describe('negations', () => {
  it('data said not to be stored or written is not leaked', () => {
    const r = notice('お知らせ', '株式会社あおば', ['漏えいした可能性のある情報は、氏名、住所です。', 'なお、クレジットカード番号は保存しておりません。', '口座番号は明細書に記載されておりません。']);
    expect(r.data_types).toEqual(['name', 'address']);
  });
  it('not reporting to the police is not a report', () => {
    expect(notice('お知らせ', '株式会社あおば', ['書類を紛失しました。', '警察への届出は行っておりません。']).reported_to_police).toBe(false);
  });
});

describe('counts', () => {
  it('a stated total wins over the sum of its rows', () => {
    const r = notice('お知らせ', '株式会社あおば', ['不正アクセスにより以下の情報が漏えいしました。', '｜会員｜5,000名｜', '｜退会者｜2,000名｜', '｜合計（重複を除く）｜6,500名｜']);
    expect(r.affected_count).toBe(6500);
    expect(r.confidence?.affected_count).toBe('high');
  });
  it('a follow-up report keeps its corrected figure', () => {
    const r = notice('第2報', '株式会社あおば', ['第1報では約3千件とお知らせしておりましたが、調査の結果、漏えいした可能性のある方は4,210名と確定しました。']);
    expect(r.affected_count).toBe(4210);
  });
  it('disjoint groups are summed (medium)', () => {
    const r = notice('お知らせ', '株式会社あおば', ['書類を紛失しました。対象は会員120名及び取引先30名の個人情報です。']);
    expect(r.affected_count).toBe(150);
    expect(r.confidence?.affected_count).toBe('medium');
  });
});

describe('occurred and discovered dates', () => {
  it('a range gives its first day; the finding date is the one before the verb', () => {
    const r = notice('お知らせ', '株式会社あおば', ['2030年3月1日から3月4日にかけて、第三者による不正アクセスが行われました。', '3月5日、当社の監視システムが異常を検知しました。']);
    expect(r.occurred_date).toBe('2030-03-01');
    expect(r.discovered_date).toBe('2030-03-05');
  });
  it('a loss with an unknown day is the last day known present', () => {
    const r = notice('お知らせ', '株式会社あおば', ['2030年2月20日に定例の点検で保管を確認しております。', '3月8日、書類の点検を行った際に所在が確認できず、紛失が判明しました。']);
    expect(r.occurred_date).toBe('2030-02-20');
    expect(r.discovered_date).toBe('2030-03-08');
  });
  it('a year-less date without a notice date takes the year of the date before it (medium)', () => {
    const r = rec(['お知らせ', '', '2030年6月2日夜、アカウントが乗っ取られました。', '6月3日、会員の方からのご連絡により発覚しました。']);
    expect(r.discovered_date).toBe('2030-06-03');
    expect(r.confidence?.discovered_date).toBe('medium');
  });
});

describe('confidence', () => {
  it('every stated value has a confidence, and nothing else does', () => {
    const r = notice('ランサムウェア被害に関するお知らせ', '株式会社あおば', ['2030年3月1日、当社サーバーがランサムウェアに感染し、氏名、住所が漏えいした可能性があることを検知しました。', '個人情報保護委員会へ報告しました。']);
    for (const [k, v] of Object.entries(r)) {
      if (k === 'evidence' || k === 'confidence' || k === 'low_confidence') continue;
      const stated = v !== null && v !== false && !(Array.isArray(v) && v.length === 0);
      expect(r.confidence?.[k as keyof typeof r.confidence] !== undefined, k).toBe(stated);
    }
    expect(r.confidence?.occurred_date).toBe('high');
  });
  it('an organisation read from a subject sentence is low', () => {
    const r = rec(['【セキュリティ事件簿#2030-001】不正アクセスでデータ流出', '', 'あおば製菓は、不正アクセスを受けたと発表した。']);
    expect(r.organization).toBe('あおば製菓');
    expect(r.confidence?.organization).toBe('low');
  });
});
