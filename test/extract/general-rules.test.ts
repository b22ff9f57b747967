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
  it('reads a public body from a byline of body, department and section', () => {
    expect(notice('受診券の誤送付について', '北浜市 健康福祉部 国保年金課', ['本市が送付した受診券の一部に、別の方の受診券が封入されていました。']).organization).toBe('北浜市');
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

describe('lists of items', () => {
  it('reads an item line that names an inquiry among the data, not as a contact block', () => {
    const r = notice('外部サービスへの不正アクセスについて', '株式会社あおば', ['２．流出した可能性のある情報', '対象：お問い合わせフォームの送信者 約300名', '項目：氏名、電話番号、メールアドレス、お問い合わせ内容']);
    expect(r.data_types).toEqual(expect.arrayContaining(['name', 'phone', 'email']));
  });
});

describe('counts', () => {
  it('takes the people in brackets after a count of records, and leaves a bracketed note line out of a sum', () => {
    expect(notice('お知らせ', '北浜市', ['流出した可能性のある情報の件数は、延べ2,400件(実人数2,100人)です。']).affected_count).toBe(2100);
    expect(notice('お知らせ', '株式会社あおば', ['流出した可能性のある情報', '・お問い合わせいただいた方 1,500名分', '(お問い合わせ履歴としては約6千件)']).affected_count).toBe(1500);
  });
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

describe('rules learned from notices of another writer', () => {
  it('reads a posting-date label before the date (掲載日：R7.2.7)', () => {
    expect(rec(['メール誤送信のお詫び', '', '掲載日：R8.3.4', 'みずなし村', '', 'メールを誤ってTO欄で送信しました。']).disclosure_date).toBe('2026-03-04');
  });

  it('does not call a recipient seeing other addresses after a To/BCC slip an access setting', () => {
    const r = notice('メール誤送信のお詫び', 'みずなし村', ['BCC欄に入力すべきアドレスを誤ってTO欄に入力して送信しました。', 'このため、受信者の方が、ほかの受信者のメールアドレスを閲覧できる状態となりました。']);
    expect(r.incident_types).toEqual(['misdelivery']);
  });

  it('drops data that can only be guessed from what leaked (氏名を推測できるもの)', () => {
    const r = notice('メール誤送信のお詫び', 'みずなし村', ['流出した情報：メールアドレス 50件', '（氏名、住所は含まれておりません。ただし、メールアドレスの一部には、氏名を推測できるものが含まれておりました。）']);
    expect(r.data_types).toEqual(['email']);
  });

  it('hears a phone call from a recipient as a customer report, and 気付かず as no detection', () => {
    const r = notice('誤送付のお詫び', 'みずなし村', ['3月2日、送付先の住民の方から「他人の書類が入っている」と電話があり、誤送付が判明しました。', '職員は封入の誤りに気付かず発送しておりました。']);
    expect(r.discovery).toBe('customer_report');
  });

  it('takes a ransom note reported second-hand (とのことです) as no attacker claim', () => {
    const r = notice('委託先におけるランサムウェア被害について', 'ほしぞら商事株式会社', ['委託先のサーバーには脅迫文が残されていたとのことです。', '当社は、2030年3月5日に委託先から本件の報告を受けました。']);
    expect(r.discovery).toBe('vendor_report');
  });

  it('reads staff who investigated an outage as internal detection', () => {
    const r = notice('ランサムウェア被害について', 'ほしぞら工業株式会社', ['2030年3月1日、システムに接続できない障害が発生し、担当者が調査したところ、ファイルが暗号化されていることを確認しました。', 'サーバーには脅迫文が残されておりました。']);
    expect(r.discovery).toBe('internal_detection');
  });

  it('does not read a product gloss (EDR（エンドポイント検知・対応）) as detection', () => {
    const r = notice('調査結果のご報告', 'ほしぞら工業株式会社', ['ランサムウェアによる被害の調査が完了しました。', '再発防止策として、EDR（エンドポイント検知・対応）製品を導入いたしました。']);
    expect(r.discovery).toBeNull();
  });

  it('does not take the attacker\'s steps found by forensics (攻撃者は…確認されました) as the day of learning', () => {
    const r = notice('調査結果のご報告', 'ほしぞら工業株式会社', ['攻撃者は、2030年3月1日に侵入し、翌3月2日にランサムウェアを実行したことが確認されました。']);
    expect(r.discovered_date).toBeNull();
  });

  it('takes a police report "if needed" as no report', () => {
    const r = notice('不正アクセスのお詫び', 'ほしぞら工業株式会社', ['2030年3月1日、不正アクセスを確認しました。', 'なお、警察への届出については、必要に応じて対応してまいります。']);
    expect(r.reported_to_police).toBe(false);
  });

  it('does not read 「パスワードによる保護」 or resetting passwords as leaked passwords, nor 「資料の写真」 as a photo', () => {
    const r = notice('USBメモリ紛失のお詫び', 'ほしぞら病院', ['紛失したUSBメモリに保存されていた情報は以下のとおりです。', '・氏名、生年月日、診断名', '※当該USBメモリにはパスワードによる保護が設定されておりませんでした。', '掲示板に資料の写真が投稿されていたことも確認しております。', '対象の方のパスワードを無効化しました。']);
    expect(r.data_types).toEqual(['name', 'birthdate', 'medical']);
  });

  it('takes a passage introduced by 「以下の情報」 as the list of what leaked', () => {
    const r = notice('USBメモリ紛失のお詫び', 'ほしぞら病院', ['1．紛失したUSBメモリに保存されていた情報', '2029年4月以降に検査を受けられた患者さん40名分の以下の情報', '・検査日、検査所見']);
    expect(r.data_types).toEqual(['medical']);
  });

  it('treats credentials 「当社から流出したものではない」 as not leaked', () => {
    const r = notice('不正ログインのお詫び', 'ほしぞら旅行株式会社', ['リスト型攻撃により不正ログインされました。', 'なお、今回使用されたIDとパスワードは当社から流出したものではないことを確認しております。', '閲覧された可能性のある情報：氏名、住所']);
    expect(r.data_types).not.toContain('password');
  });

  it('names a phished mail account logged into by others account takeover, and a phishing drill no malware', () => {
    const r = notice('メールアカウントへの不正ログインについて', 'ほしぞら大学', ['2030年3月1日、教員のメールアカウントが、フィッシングメールにより第三者に不正ログインされました。', '再発防止策として、標的型メール訓練を実施いたします。']);
    expect([...r.incident_types].sort()).toEqual(['account_takeover', 'phishing']);
  });

  it('drops malware when the planted program is the skimmer', () => {
    const r = notice('不正アクセスによるカード情報漏えいのお詫び', 'ほしぞら通販株式会社', ['決済画面を改ざんされ、不正なプログラムが埋め込まれ、クレジットカード情報が流出しました。']);
    expect(r.incident_types).toContain('web_skimming');
    expect(r.incident_types).not.toContain('malware');
  });

  it('knows the field from the name (住建, ベーカリー) and from what is run (老人ホーム, 当社の通信販売, online-only 商店)', () => {
    expect(notice('お詫び', 'ほしぞら住建株式会社', ['不正アクセスが発生しました。']).sector).toBe('real_estate');
    expect(notice('お詫び', '株式会社ほしぞらベーカリー', ['不正ログインが発生しました。']).sector).toBe('retail');
    expect(notice('お詫び', '社会福祉法人ほしぞら会', ['当法人が運営する特別養護老人ホームにおいて、サポート詐欺の被害が発生しました。']).sector).toBe('healthcare');
    expect(notice('お詫び', '株式会社ほしぞら生活', ['平素より当社の通信販売をご利用いただき、ありがとうございます。']).sector).toBe('ecommerce');
    expect(notice('弊社が運営する「ほしぞらオンラインストア」への不正アクセスについて', '株式会社ほしぞら商店', ['クレジットカード情報が流出しました。']).sector).toBe('ecommerce');
  });

  it('reads 同年/翌年 dates and a period starting at an hour (午後9時頃から)', () => {
    const r = notice('お詫び', 'ほしぞら商事株式会社', ['2030年3月1日、委託先から連絡を受けました。', '調査では、攻撃者は同年2月20日頃から侵入していたとみられます。'], '2030年4月1日');
    expect(r.occurred_date).toBe('2030-02-20');
    const t = notice('不正ログインのお詫び', 'ほしぞら旅行株式会社', ['1．発生期間', '2030年3月5日(金)午後9時頃から2030年3月6日(土)午前4時頃まで', '2．発覚の経緯', '2030年3月6日(土)午前2時頃、監視システムがログイン失敗の急増を検知しました。'], '2030年4月1日');
    expect(t.occurred_date).toBe('2030-03-05');
    expect(t.discovered_date).toBe('2030-03-06');
  });

  it('dates a timeline entry by the date line above it, and 「…に戻ったところ」 by the sentence before', () => {
    const r = notice('USBメモリ紛失のお詫び', 'ほしぞら病院', ['2030年3月1日(金)', '職員が患者さんの情報を保存したUSBメモリを自宅へ持ち帰る目的でかばんに入れて退勤しました。', '2030年3月4日(月)', '職員が出勤後にUSBメモリが見当たらないことに気付き、所属長に報告しました。'], '2030年4月1日');
    expect(r.occurred_date).toBe('2030-03-01');
    expect(r.discovered_date).toBe('2030-03-04');
    const t = notice('盗難のお詫び', 'ほしぞら保険株式会社', ['2030年3月1日午後7時頃、社員が駐車場に社用車を駐車し、車両を離れました。', '車両に戻ったところ、かばんが盗まれていることに気付きました。'], '2030年4月1日');
    expect(t.occurred_date).toBe('2030-03-01');
  });

  it('does not take the day a report was received (…に受領した調査報告書) or a police report (被害届) as the event', () => {
    const r = notice('カード情報漏えいのお詫び', 'ほしぞら通販株式会社', ['対象\t期間\t件数', '本サイトでクレジットカード決済をされたお客様\t2030年1月6日から2030年2月19日\t300件', '2030年3月18日に受領した調査報告書により、決済画面が改ざんされていたことが確認されました。'], '2030年4月1日');
    expect(r.occurred_date).toBe('2030-01-06');
    const p = notice('持ち出しのお詫び', 'ほしぞら住建株式会社', ['元従業員が2030年1月中旬から顧客情報を持ち出していました。', '2030年3月2日\t所轄の警察署に被害届を提出'], '2030年4月1日');
    expect(p.occurred_date).toBeNull();
  });

  it('recovers a subject telling what happened from a sentence leaning on 同日 or on the last date', () => {
    const r = notice('サポート詐欺のお詫び', 'ほしぞら会', ['2030年3月5日午後2時頃、偽の警告画面が表示されました。', '職員が不審に思い、同日午後2時40分頃に電話を切って上司に報告しました。', 'これにより本件が判明いたしました。'], '2030年4月1日');
    expect(r.discovered_date).toBe('2030-03-05');
  });
});

describe('HTML pages', () => {
  it('keeps the date and publisher box under the title that Readability drops (class="…meta")', async () => {
    const { htmlToText } = await import('../../src/sources/html-to-text.ts');
    const para = '当社が運営する会員サービスにおいて、第三者による不正ログインが発生したことが判明いたしました。'.repeat(3);
    const html = `<html><head><title>お詫び</title></head><body><main><article><h1>不正ログインについてのお詫び</h1><div class="c-notice__meta"><p>2030年4月15日</p><p>株式会社ほしぞらトラベル</p></div>${`<p>${para}</p>`.repeat(6)}</article></main></body></html>`;
    const r = extractDocument(htmlToText(html))[0]!.record;
    expect(r.disclosure_date).toBe('2030-04-15');
    expect(r.organization).toBe('株式会社ほしぞらトラベル');
  });
});

describe('follow-up reports', () => {
  it('does not take finding data on a leak site as the day a follow-up report\'s organisation learned of the attack', () => {
    const r = notice('ランサムウェア被害に関する調査結果のご報告（第2報）', 'ほしぞら工業株式会社', ['2030年3月1日付の第1報にてお知らせいたしました不正アクセスにつきまして、調査が完了しました。', 'また、2030年3月20日、攻撃者グループがリークサイトにデータを掲載していることを確認いたしました。', '2030年3月25日の本ページ更新時に件数をお知らせしておりました。', 'その後の調査で、従業員情報も持ち出されていたことが判明しました。'], '2030年4月1日');
    expect(r.discovered_date).toBeNull();
  });
});

describe('PDF copies with numbered items', () => {
  it('joins an item\'s second line that hangs under its text, and keeps a short numbered heading apart', () => {
    const text = [
      '委託先の被害について',
      '　　　　　　　　　　　　　　　　　　　　　　令和１２年５月８日',
      '　　　　　　　　　　　　　　　　　　　　　　ほしぞら市市民生活部',
      '　本市が通知書の印刷を委託している事業者のサーバーが暗号化され、市民の',
      'みなさまの情報が流出したおそれがあることがわかりました。申し訳ござい',
      'ません。',
      '１　経緯',
      '（１）令和１２年５月１日、委託している印刷事業者から本市に対し、同社',
      '　　サーバーの暗号化について報告がありました。',
      '（２）同日、本市は調査を指示しました。',
      '２　対応',
      '　　個人情報保護委員会へ報告しました。',
    ].join('\n');
    const norm = unwrapPdfLines(normalize(text));
    expect(norm.text).toContain('同社サーバーの暗号化について報告がありました。');
    expect(norm.text).toContain('\n2 対応');
    const r = extractDocument(text)[0]!.record;
    expect(r.discovery).toBe('vendor_report');
    expect(r.discovered_date).toBe('2030-05-01');
    expect(r.organization).toBe('ほしぞら市');
    expect(r.sector).toBe('government');
  });

  it('does not join an item to a line that starts at the item\'s own margin', () => {
    const norm = unwrapPdfLines(normalize(['見出し', '', '(1)名簿の写しを保管していた書庫の鍵を交換しました', '庁内の全ての書庫について点検を行います。', '本文の一行目が長く続いて途中で切れて', 'いるところです。次の行にも長い文が続いて', 'います。'].join('\n')));
    expect(norm.text).toContain('交換しました\n庁内');
  });
});

describe('police in a Q&A', () => {
  const qa = (answer: string) => rec(['不正ログインに関するご質問', '', '2030年5月1日', 'ほしぞら通販株式会社', '', 'Q. 警察には届け出ていますか?', answer]);
  it('is told only where the answer says yes', () => {
    expect(qa('A. 個人情報保護委員会に報告しました。').reported_to_police).toBe(false);
    expect(qa('A. はい、最寄りの警察署に相談しております。').reported_to_police).toBe(true);
    expect(qa('A. はい、5月2日に届け出ました。').reported_to_police).toBe(true);
  });
});

describe('a leak-site claim beside the organisation\'s own finding', () => {
  it('takes the staff who found the encryption as how it learned, and the claim where nothing else is told', () => {
    const story = (extra: string[]) => rec(['ほしぞら工業にランサムウェア攻撃 犯行声明も', ' 部品メーカーのほしぞら工業株式会社は5月9日、ランサムウェアによる攻撃を受けたと発表した。攻撃集団「GlassMoth」がリークサイトに同社の名前を掲載し、犯行声明を出している。', ...extra, '(2030年5月10日 東西新報)']);
    expect(story([' 同社によると、5月6日朝に社内の担当者がサーバーのファイルが暗号化されていることを確認した。']).discovery).toBe('internal_detection');
    expect(story([' 同社は被害の範囲を調べている。']).discovery).toBe('attacker_claim');
  });

  it('dates a story\'s 「…は5月9日、…と発表した」 by the dateline at its foot', () => {
    const r = rec(['ほしぞら工業に攻撃', ' 部品メーカーのほしぞら工業株式会社は5月9日、サイバー攻撃を受けたと発表した。', '(2030年5月10日 東西新報)']);
    expect(r.disclosure_date).toBe('2030-05-09');
  });
});

describe('a contractor named by its company name', () => {
  it('is the vendor who told them when the notice introduced it as the contractor', () => {
    const lines = (told: string) => rec(['委託先への不正アクセスについて', '', '2030年6月1日', 'ほしぞら生命保険株式会社', '', '当社が保険料の収納業務を委託している株式会社みなとデータサービスのサーバーが、第三者による不正アクセスを受けました。', told]);
    expect(lines('5月20日、みなとデータサービスから、不審な通信を確認したとの報告を受けました。').discovery).toBe('vendor_report');
    expect(lines('5月20日、当社の担当者がサーバーの異常に気付きました。').discovery).toBe('internal_detection');
  });
});

describe('a date tied to another act', () => {
  it('does not date the event by the day a seminar was held or an order placed (「6月1日に開催したセミナーの…」)', () => {
    const r = notice('メール誤送信のお詫び', 'ほしぞら会', ['2030年6月1日に開催したセミナーの参加者へのご案内メールを、6月4日に送信した際、宛先をBCCではなくTOに設定していました。'], '2030年6月10日');
    expect(r.occurred_date).toBe('2030-06-04');
  });
});

describe('a byline of two name lines', () => {
  it('keeps the facility under its corporation apart even when the facility\'s name opens in kana', () => {
    const r = rec(['患者さんの個人情報を含む書類の紛失について', '', '令和12年6月1日', '地方独立行政法人ほしぞら市立病院機構', 'ほしぞら市立総合病院', '院長 山田 一郎', '', '当院において書類を紛失しました。']);
    expect(r.organization).toBe('ほしぞら市立総合病院');
  });
});

describe('lists under a section heading', () => {
  it('lends a 「流出のおそれがある情報」 heading to the items of its sub-sections, and stops at the next heading', () => {
    const r = notice('会員情報についてのお知らせ', '株式会社みかづき商店', [
      '当店サイトが不正アクセスを受けました。',
      '',
      '2．流出のおそれがある情報',
      '(1)原因',
      '当店サイトの弱点を突かれたためです。',
      '(2)対象となるお客様',
      '上記期間にご注文をいただいたお客様620名',
      '・氏名',
      '・電話番号',
      '',
      '3．お客様へのお願い',
      '・生年月日の確認を装う電話にご注意ください',
    ]);
    expect(r.data_types).toEqual(['name', 'phone']);
  });

  it('reads 「緊急連絡先」 as an item, not the heading of a contact block', () => {
    const r = notice('書類の誤送付について', '株式会社みかづき住宅', [
      '誤送付した書類に含まれていた情報',
      '・氏名',
      '・緊急連絡先',
      '・口座番号',
    ]);
    expect(r.data_types).toEqual(['name', 'bank_account']);
  });
});

describe('who told them of a leak-site post', () => {
  it('takes the security firm that told them, not the post it told them of', () => {
    const r = notice('ランサムウェア被害について', 'みかづき工業株式会社', [
      '2030年4月2日、セキュリティ企業から「当社の情報がリークサイトに掲載されている」との連絡を受けました。',
      '調査の結果、サーバーが暗号化されていることを確認しました。',
    ]);
    expect(r.discovery).toBe('external_researcher');
    expect(r.discovered_date).toBe('2030-04-02');
  });
});

describe('a date cut from its weekday at a PDF line end', () => {
  it('joins 「…７月８日」 and 「（水）、…」 into one sentence, so the date stays with the report it dates', () => {
    const lines = [
      '通知書の誤封入について',
      '',
      '　通知書を事業所あてに発送した際、封入業務を委託している事業者の作業誤りにより、一部の封筒に別',
      'の事業所の従業員の通知書が混入していたことが判明しました。経緯は次のとおりです。７月８日',
      '（水）、通知書を受け取った市内の事業所から「他社の通知書が入っている」との連絡が市民税課にあり',
      'ました。対象は計５名分です。',
    ];
    const joined = unwrapPdfLines(normalize(lines.join('\n'))).text;
    expect(joined).toContain('7月8日(水)、通知書を受け取った');
    // A timeline line that starts with its own weekday after a short date line stays a line of its own.
    const timeline = unwrapPdfLines(normalize(['経緯', '', '・7月8日', '(水) 連絡を受けた', '・7月9日', '(木) 回収した'].join('\n'))).text;
    expect(timeline).toContain('・7月8日\n(水)');
    expect(rec(lines.slice(0, 1).concat(['令和１２年７月１０日', 'みかづき市 市民税課'], lines.slice(2))).discovery).toBe('other');
  });
});

describe('a news story dated under its headline', () => {
  it('takes the day the organisation announced, in a reporter\'s plain sentence', () => {
    const r = rec(['捜査書類入りのかばんを紛失 みなと県警', '2030年12月9日', '', 'みなと県警は8日、巡査部長が捜査書類を入れたかばんを紛失したと発表した。', '', '(みなと新報)']);
    expect(r.disclosure_date).toBe('2030-12-08');
    expect(r.sector).toBe('government');
  });
  it('keeps a notice\'s own date line where a polite sentence recalls an earlier announcement', () => {
    const r = rec(['不正アクセスに関するお知らせ(第2報)', '2030年3月14日', 'みなと商事株式会社', '', '当社は3月1日、不正アクセスを受けたことを公表いたしました。その後の調査結果をご報告いたします。']);
    expect(r.disclosure_date).toBe('2030-03-14');
  });
});

describe('words the notice quotes', () => {
  it('a fake warning\'s 「…してください」 is not the notice advising its readers', () => {
    const r = notice('受付用パソコンの遠隔操作について', 'みなと歯科クリニック', ['2030年1月9日の昼休み、受付スタッフが検索していたところ、「ウイルスに感染しました」「直ちにサポートへ電話してください」といった画面が表示されました。'], '2030年1月16日');
    expect(r.occurred_date).toBe('2030-01-09');
  });
});

describe('the day the organisation learned', () => {
  const stolen = (report: string) => rec(['【セキュリティ事件簿#2030-047】みなと総合法律事務所 ノートパソコン盗難のお知らせ 2030年2月21日', '', '2030年2月14日午後7時頃、職員がカフェで席を離れた間に、ノートパソコンを入れたかばんが持ち去られました。', `職員は席に戻った直後に盗難に気付き、交番に届け出ました。${report}`]);
  it('is the report up the line, not one employee noticing, when the report came later', () => {
    expect(stolen('翌15日朝、当事務所の代表弁護士に報告がありました。').discovered_date).toBe('2030-02-15');
  });
  it('is the day the employee noticed when the text says nothing more', () => {
    expect(stolen('').discovered_date).toBe('2030-02-14');
  });
});

describe('an event dated only vaguely', () => {
  it('does not take the date of the message that reported it', () => {
    const r = rec(['委託先に不正アクセス', '', 'みなと町は17日、返礼品の発送を委託している事業者のサーバーが不正アクセスを受けたと発表した。委託先の説明では、8月下旬にサーバー内のファイルが外部に持ち出された形跡があり、9月3日に委託先から町に連絡があった。', '', '(2030年9月18日 みなと北新聞)']);
    expect(r.occurred_date).toBeNull();
    expect(r.discovered_date).toBe('2030-09-03');
  });
});

describe('relative days in words', () => {
  it('「同じ日」 dates an intrusion by the date before it', () => {
    const r = notice('メールアカウントの不正利用について', 'みなと市', ['職員は2030年10月29日、市の部署を装ったメールを受け取った。', '同じ日の夕方以降、何者かがこのアカウントに不正にログインしていた。'], '2030年11月6日');
    expect(r.occurred_date).toBe('2030-10-29');
  });
});

describe('a byline above a contact block', () => {
  it('is the publisher', () => {
    const r = rec(['サービスへの不正アクセスについて', '', '当社が提供するサービスのデータベースに不正アクセスがありました。', '', '2030年10月24日', '株式会社みなとシステムズ', '代表取締役社長 山田 太郎', '', '【本件に関するお問い合わせ】', 'みなとノート 事故対応専用窓口', '電話 0120-000-000']);
    expect(r.organization).toBe('株式会社みなとシステムズ');
  });
});

describe('a list the sentence denies as a whole', () => {
  it('does not report the intrusion it names first', () => {
    const r = notice('当社を装ったSMSについて', 'みなとガス株式会社', ['当社を装ったフィッシングSMSが送信されています。', '当社のシステムへの不正アクセスや、当社が保有するお客さま情報の流出は確認されておりません。']);
    expect(r.incident_types).not.toContain('unauthorized_access');
    expect(r.incident_types).toContain('phishing');
  });
});

describe('a numbered account of one day', () => {
  it('dates a report up the line told with a time of day alone by the day last dated', () => {
    const r = notice('職員用パソコンの遠隔操作について', 'みなと村 住民福祉課', [
      '(1) 2030年1月28日午後2時頃、職員が検索していたところ、画面に偽の警告が表示されました。',
      '(2) 職員は表示された番号に電話をかけ、遠隔操作用のソフトウェアをインストールしました。',
      '(3) 支払いを求められて不審に思い、午後3時10分頃、課長に報告しました。',
    ], '2030年2月6日');
    expect(r.discovered_date).toBe('2030-01-28');
  });
  it('takes the timeline entry\'s date for the report up the line after one employee noticed', () => {
    const r = rec(['2030年3月13日', 'みなと県立医療センター', '院長 山田 太郎', 'ノートパソコンの盗難について', '1. 経緯', '2030年2月28日(土)', '帰宅した医師が、ノートパソコンがなくなっていることに気付き、警察に通報しました。', '2030年3月2日(月)', '医師から当センター医療情報管理室に報告があり、当センターとして事案を把握しました。']);
    expect(r.discovered_date).toBe('2030-03-02');
  });
});

describe('a page copied with its navigation', () => {
  const page = (contact: string[]) => rec(['ホーム > お知らせ', '', 'ホームページの閲覧障害について', '公開日:2030年1月27日 更新日:2030年1月30日', '', '1月26日午前8時40分頃から、町ホームページのサーバーに大量のアクセスが集中するDDoS攻撃を受けました。', '', 'このページに関するお問い合わせ', ...contact, '', 'このページの先頭へ']);
  it('is dated by its publication date, and its year-less dates take that year', () => {
    const r = page(['総務課 情報政策係', 'みなと町大字本郷1150番地']);
    expect(r.disclosure_date).toBe('2030-01-27');
    expect(r.occurred_date).toBe('2030-01-26');
  });
  it('names its publisher in the contact block, by its office or its address', () => {
    expect(page(['総務課 情報政策係', 'みなと町大字本郷1150番地']).organization).toBe('みなと町');
    expect(page(['みなと大学 情報基盤センター', '電話:0000-00-0000']).organization).toBe('みなと大学');
  });
  it('does not date the event by the notice\'s own date line under its title', () => {
    const r = rec(['トップページ > お知らせ', '', 'フィッシングメールにより学生のアカウント情報が盗まれた件について', '2030年07月11日', '', '本学の学生を対象としたメールについて、経緯をお知らせします。']);
    expect(r.disclosure_date).toBe('2030-07-11');
    expect(r.occurred_date).toBeNull();
  });
});

describe('dates of an event told around other acts', () => {
  it('a migration done on a day is when its wrong setting began', () => {
    const r = notice('クラウドストレージの公開設定について', '株式会社みなとソフト', ['2029年11月11日に実施したストレージの移行作業において、担当者がアクセス権限の設定を誤り、外部から閲覧できる状態となっていました。'], '2030年4月17日');
    expect(r.occurred_date).toBe('2029-11-11');
  });
  it('a period line over 「上記期間にご注文いただいた」 beside card data is the skimming window', () => {
    const r = notice('カード決済画面の改ざんについて', 'みなと生活協同組合', ['決済画面に不正なプログラムが埋め込まれていました。', '対象期間:2030年6月3日~2030年9月24日', '(1) 上記期間にご注文いただいた組合員さま 3,482名', '(2) 上記(1)のうち、クレジットカード決済をご利用になった組合員さま 1,967名'], '2030年12月19日');
    expect(r.occurred_date).toBe('2030-06-03');
  });
  it('「申込みを受け付ける」 is no date label: the dated opening still dates the exposure after it', () => {
    const r = rec(['【セキュリティ事件簿#2030-301】みなと大学 申込者情報が閲覧可能に 2030年9月18日', '', 'みなと大学は9月17日、申込者の情報が閲覧できる状態になっていたと発表した。', '大学は2030年3月24日、講座の申込みを受け付けるウェブサーバーを新しい機器に移した。この作業を請け負った業者が、一覧表示の機能を有効にしたまま公開したため、ファイルが外部から見える状態になっていたという。']);
    expect(r.occurred_date).toBe('2030-03-24');
    expect(r.contractor_involved).toBe(true);
  });
});

describe('counts that repeat a part', () => {
  it('a row counting again the part the text gave (「そのうち17名」) is not added', () => {
    const r = notice('アカウント情報の流出について', 'みなと大学', ['フィッシングメールにより、52名の学生のIDとパスワードが盗まれ、そのうち17名のアカウントが不正に使用されていました。', '流出した情報', '・学生52名の統合認証アカウントのIDとパスワード', '・不正にログインされた17名のメールボックスに保存されていたメール']);
    expect(r.affected_count).toBe(52);
  });
  it('a sentence about a part of a listed group leaves the groups summed', () => {
    const r = notice('ランサムウェア被害について', '株式会社みなと厨機', ['個人情報が流出した可能性があります。', '流出した可能性のある個人情報', '(1) お取引先様のご担当者様 2万1千人分', '氏名、電話番号', 'このうち保守契約をいただいているお客様6,480人分については、口座番号も含まれます。', '(2) 当社の従業員および退職者 214名分', '氏名、住所']);
    expect(r.affected_count).toBe(21214);
  });
});

describe('a contact block\'s address', () => {
  it('does not take a neighbourhood of a city (「神田町3-22」) for the publisher', () => {
    const r = rec(['メールアドレスの漏えいについて', '', '事務局がメールを送信した際、宛先を誤りました。', '', 'この記事に関するお問い合わせ先', '', '行政管理部 行政経営課', '〒000-0000 みなと町3-22', '電話番号:0000-00-0000']);
    expect(r.organization).toBeNull();
  });
});

describe('a meeting during which the mistake was made', () => {
  it('dates it, where an event held that day would not (「…に開催したセミナーの案内メール」)', () => {
    const r = notice('名簿の誤配布について', 'みなと町', ['2030年4月12日に開催した会長会議において、職員が別の地区の名簿を誤ってお渡ししました。'], '2030年5月23日');
    expect(r.occurred_date).toBe('2030-04-12');
  });
});
