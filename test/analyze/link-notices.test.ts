import { describe, expect, it } from 'vitest';
import { linkNotices } from '../../src/analyze/link-notices.ts';
import { findFollowUpMarker } from '../../src/analyze/follow-up-marker.ts';
import { legalFormKind, orgKey } from '../../src/analyze/org-name.ts';
import { FIRST_NOTICE, SECOND_REPORT, notice } from './linkable.ts';

describe('orgKey', () => {
  it('compares names without legal form, width or spacing', () => {
    expect(orgKey('株式会社 ひかり書房')).toBe('ひかり書房');
    expect(orgKey('ひかり書房㈱')).toBe('ひかり書房');
    expect(orgKey('医療法人社団あおば会')).toBe('あおば会');
    expect(orgKey('ＡＢＣ Co., Ltd.')).toBe('abc');
    expect(orgKey('株式会社')).toBeNull();
    expect(orgKey(null)).toBeNull();
  });
});

describe('legalFormKind', () => {
  it('reads one kind from the forms one organisation is written with, and none from a bare name', () => {
    expect(legalFormKind('株式会社あおば')).toBe('company');
    expect(legalFormKind('あおば㈱')).toBe('company');
    expect(legalFormKind('Aoba Co., Ltd.')).toBe('company');
    expect(legalFormKind('医療法人社団あおば')).toBe('medical');
    expect(legalFormKind('医療法人あおば')).toBe('medical');
    expect(legalFormKind('公益社団法人あおば')).toBe(legalFormKind('一般社団法人あおば'));
    expect(legalFormKind('あおば')).toBeNull();
  });
});

describe('findFollowUpMarker', () => {
  it('finds report numbers and update lines, not every mention of 調査結果', () => {
    expect(findFollowUpMarker('不正アクセスに関するお知らせ(第３報)', '')).toBe('第3報');
    expect(findFollowUpMarker('お知らせ', '本文\n【2024/2/14リリース分】\n続き')).toBe('【2024/2/14リリース分】');
    expect(findFollowUpMarker('お知らせ', '先般お知らせいたしました件について')).toMatch(/^先般/);
    expect(findFollowUpMarker('不正アクセスに関するお知らせ', '調査結果を踏まえ、再発防止に努めます。')).toBeNull();
  });
});

describe('linkNotices', () => {
  it('links a follow-up to the earlier notice of the same organisation, naming the marker', () => {
    const links = linkNotices([FIRST_NOTICE, SECOND_REPORT]);
    expect(links).toEqual([{ rule: 'follow_up', notices: [1, 2], evidence: expect.stringContaining('第2報') }]);
    // It refers to the first notice's date, the strongest sign of one story.
    expect(links[0]!.evidence).toContain('refers to the notice of 2024-09-12');
  });

  it('does not link one organisation\'s unrelated incidents a year apart, with or without a marker', () => {
    const usb = notice(1, '患者情報を含むUSBメモリの紛失について\nあおば総合病院', {
      organization: 'あおば総合病院', disclosure_date: '2023-02-02', occurred_date: '2023-01-20', incident_types: ['loss'],
    });
    const mail = notice(2, 'メール誤送信について\nあおば総合病院\n職員が患者様宛てのメールを誤って送信しました。', {
      organization: 'あおば総合病院', disclosure_date: '2024-05-13', occurred_date: '2024-04-30', incident_types: ['misdelivery'],
    });
    // Same family and a marker, but two and a half years apart: outside the window.
    const late = notice(3, 'USBメモリの紛失について(第2報)\nあおば総合病院', {
      organization: 'あおば総合病院', disclosure_date: '2025-08-01', incident_types: ['loss'],
    });
    // A marker inside the window, but another kind of event on another day.
    const insider = notice(4, '職員による不正閲覧について(続報)\nあおば総合病院', {
      organization: 'あおば総合病院', disclosure_date: '2024-06-20', occurred_date: '2024-06-01', incident_types: ['insider'],
    });
    expect(linkNotices([usb, mail, late, insider])).toEqual([]);
  });

  it('does not link the same organisation and the same kind of event without a follow-up marker', () => {
    const a = notice(1, '不正アクセスに関するお知らせ\nみどり電機株式会社', { organization: 'みどり電機株式会社', disclosure_date: '2023-03-01', incident_types: ['unauthorized_access'] });
    const b = notice(2, 'ランサムウェア被害のお知らせ\nみどり電機株式会社', { organization: 'みどり電機株式会社', disclosure_date: '2024-02-01', incident_types: ['ransomware'] });
    expect(linkNotices([a, b])).toEqual([]);
  });

  it('links a client\'s notice and its contractor\'s, and says which is the client', () => {
    const client = notice(7, `委託先における個人情報漏えいのお知らせ
さくら生命保険株式会社
当社が顧客対応業務を委託しております株式会社あさひデータサービスのサーバーが不正アクセスを受けました。`, {
      organization: 'さくら生命保険株式会社', incident_types: ['unauthorized_access'], occurred_date: '2024-04-02', contractor_involved: true,
    });
    const contractor = notice(8, `当社サーバーへの不正アクセスについて
株式会社あさひデータサービス
4月2日、当社サーバーが第三者による不正アクセスを受けたことを確認しました。`, {
      organization: '株式会社あさひデータサービス', incident_types: ['unauthorized_access'], occurred_date: '2024-04-02',
    });
    expect(linkNotices([client, contractor])).toEqual([{
      rule: 'client_contractor', notices: [7, 8], evidence: '委託しております株式会社あさひデータサービス', client: 7,
    }]);
  });

  it('takes the named organisation as the client when the writer is the contractor (委託元)', () => {
    const contractor = notice(1, 'お知らせ\nみなみ印刷株式会社\n委託元であるひばり市の住民情報を含む書類を紛失しました。', {
      organization: 'みなみ印刷株式会社', incident_types: ['loss'],
    });
    const client = notice(2, '書類の紛失について\nひばり市\n印刷業務の委託先で書類が紛失しました。', { organization: 'ひばり市', incident_types: ['loss'] });
    expect(linkNotices([contractor, client])).toMatchObject([{ rule: 'client_contractor', client: 2 }]);
  });

  it('links the same notice published twice, by text similarity', () => {
    const body = '当社が運営するオンラインショップにおいて、第三者による不正アクセスを受け、お客様のクレジットカード情報が漏えいした可能性があることが判明いたしました。';
    const a = notice(1, `【事件簿#2024-010】オンラインショップへの不正アクセスについて\n${body}ご迷惑をおかけし深くお詫び申し上げます。`, {
      organization: 'ことり雑貨株式会社', title: 'オンラインショップへの不正アクセスについて',
    });
    // Reposted without the casebook header, the organisation not read the second time.
    const b = notice(2, `オンラインショップへの不正アクセスについて\n${body}ご迷惑をおかけし、深くお詫び申し上げます。`, {
      organization: null, title: 'オンラインショップへの不正アクセスについて',
    });
    const links = linkNotices([a, b]);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ rule: 'near_duplicate', notices: [1, 2] });
    expect(Number(links[0]!.evidence.replace('similarity ', ''))).toBeGreaterThanOrEqual(0.9);
  });

  it('links one number only within one organisation, or where one notice names the other', () => {
    const a = notice(1, 'お知らせ\nあおば総合病院\n職員が患者情報を不正に取得しました。', { organization: 'あおば総合病院', casebook_id: '2023-104', incident_types: ['insider'] });
    const b = notice(2, 'お知らせ\n株式会社ことり雑貨\nオンラインショップが不正アクセスを受けました。', { organization: '株式会社ことり雑貨', casebook_id: '2023-104', incident_types: ['web_skimming'] });
    expect(linkNotices([a, b])).toEqual([]);
    const c = notice(3, 'お知らせ(再掲)\nあおば総合病院\n別の文面', { organization: 'あおば総合病院', casebook_id: '2023-104', incident_types: ['insider'] });
    expect(linkNotices([a, c])).toEqual([{ rule: 'same_casebook_number', notices: [1, 3], evidence: '#2023-104' }]);
  });

  it('never takes a common word for the company named by it: 委託先…システム is not 株式会社システム', () => {
    const system = notice(1, 'ランサムウェア被害の発生について\n株式会社システム\n当社のサーバーが暗号化されました。', {
      organization: '株式会社システム', disclosure_date: '2025-03-14', occurred_date: '2025-03-09', incident_types: ['ransomware'],
    });
    const park = notice(2, '施設予約システムへの不正アクセスについて\nひがしの公園協会\n運用業務の委託先から、システムのサーバーに不正アクセスがあったとの報告を受けました。', {
      organization: '公益財団法人ひがしの公園協会', disclosure_date: '2024-11-20', occurred_date: '2024-11-12', incident_types: ['unauthorized_access'], affected_count: 34000,
    });
    expect(linkNotices([system, park])).toEqual([]);
    // Named with its legal form, the same company is a contractor.
    const client = notice(3, '委託先への不正アクセスについて\nみなと市\n当市が業務を委託している株式会社システムのサーバーが暗号化されました。', {
      organization: 'みなと市', disclosure_date: '2025-03-18', occurred_date: '2025-03-09', incident_types: ['ransomware'],
    });
    expect(linkNotices([system, client])).toMatchObject([{ rule: 'client_contractor', notices: [1, 3], evidence: expect.stringContaining('株式会社システム') }]);
  });

  it('keeps an organisation apart from another whose name starts with its own (ひかり銀行, ひかり銀行カード)', () => {
    const bank = notice(1, '不正ログインについて\n株式会社ひかり銀行\nインターネットバンキングで不正送金が発生しました。', {
      organization: '株式会社ひかり銀行', disclosure_date: '2025-02-10', incident_types: ['phishing'], casebook_id: '2025-040',
    });
    const card = notice(2, '不正ログインについて\nひかり銀行カード株式会社\n会員サイトの運用は業務委託先が行っておりますが、ひかり銀行カード会員サイトに脆弱性はありません。', {
      organization: 'ひかり銀行カード株式会社', disclosure_date: '2025-02-18', incident_types: ['credential_stuffing'], casebook_id: '2025-040',
    });
    // Neither as a contractor nor under one casebook number does the card company's text name the bank.
    expect(linkNotices([bank, card])).toEqual([]);
  });

  it('takes a product\'s maker (〇〇製作所製のソフトウェア) for no contractor', () => {
    const vendor = notice(1, '当社製品の脆弱性について\n株式会社ことのは製作所\n当社製品の脆弱性を悪用した不正アクセスが発生しています。', {
      organization: '株式会社ことのは製作所', disclosure_date: '2025-05-16', incident_types: ['unauthorized_access'],
    });
    const user = notice(2, '委託先への不正アクセスについて\n医療法人社団みどり会\n委託先が利用していたことのは製作所製のファイル転送ソフトウェアの脆弱性が悪用されました。', {
      organization: '医療法人社団みどり会', disclosure_date: '2025-05-23', incident_types: ['unauthorized_access'],
    });
    expect(linkNotices([vendor, user])).toEqual([]);
  });

  it('ties a follow-up to no earlier notice of the same organisation when its event happened after that notice', () => {
    const phishing = notice(1, 'メールアカウントへの不正アクセスについて\nほくと大学', {
      organization: '国立大学法人ほくと大学', disclosure_date: '2025-01-28', occurred_date: '2025-01-20', incident_types: ['phishing', 'unauthorized_access'],
    });
    const ransomware = notice(2, '研究室サーバーのランサムウェア被害について(第2報)\nほくと大学', {
      organization: '国立大学法人ほくと大学', disclosure_date: '2025-11-14', occurred_date: '2025-10-19', incident_types: ['ransomware'],
    });
    expect(linkNotices([phishing, ransomware])).toEqual([]);
    // Dating the event earlier than the first notice did is no contradiction: follow-ups find the true start.
    const second = notice(3, 'メールアカウントへの不正アクセスについて(第2報)\nほくと大学', {
      organization: '国立大学法人ほくと大学', disclosure_date: '2025-02-21', occurred_date: '2025-01-02', incident_types: ['unauthorized_access'],
    });
    expect(linkNotices([phishing, second])).toMatchObject([{ rule: 'follow_up', notices: [1, 3] }]);
  });

  it('does not take one template used for two events for one notice published twice', () => {
    const body = (year: string, day: string) => `個人情報を含む書類の紛失について\n学校法人しらかば学園\n${year}年${day}、教員が持ち出した書類を電車内に置き忘れたことが判明しました。書類には生徒の氏名と成績が記載されております。警察に届け出て捜索しておりますが発見に至っておりません。再発防止に努めてまいります。`;
    const a = notice(1, body('2024', '6月21日'), { organization: '学校法人しらかば学園', disclosure_date: '2024-07-03', occurred_date: '2024-06-21', incident_types: ['loss'] });
    const b = notice(2, body('2025', '5月30日'), { organization: '学校法人しらかば学園', disclosure_date: '2025-06-11', occurred_date: '2025-05-30', incident_types: ['loss'] });
    expect(linkNotices([a, b])).toEqual([]);
    const copy = notice(3, body('2024', '6月21日'), { organization: '学校法人しらかば学園', disclosure_date: '2024-07-03', occurred_date: '2024-06-21', incident_types: ['loss'] });
    expect(linkNotices([a, copy])).toMatchObject([{ rule: 'near_duplicate', notices: [1, 3] }]);
  });

  it('links one organisation\'s notices giving one event day and one kind of event, and neither alone', () => {
    const own = notice(1, 'ECサイトへの不正アクセスについて\n株式会社きらら化粧品\n管理画面に不正なログインがありました。', {
      organization: '株式会社きらら化粧品', disclosure_date: '2025-08-20', discovered_date: '2025-08-08', incident_types: ['unauthorized_access'],
    });
    // A casebook post in news wording: no marker, not a copy, no number on the organisation's notice.
    const post = notice(2, '【セキュリティ事件簿#2025-301】株式会社きらら化粧品 公式通販サイトに不正ログイン\n同社によれば8月8日に管理画面への不正ログインを確認した。', {
      organization: '株式会社きらら化粧品', disclosure_date: '2025-08-20', occurred_date: '2025-08-08', incident_types: ['account_takeover'], casebook_id: '2025-301',
    });
    expect(linkNotices([own, post])).toEqual([{ rule: 'same_event', notices: [1, 2], evidence: 'same event date 2025-08-08; same kind of event (intrusion)' }]);
    const loss = notice(3, '書類の紛失について\n株式会社きらら化粧品', {
      organization: '株式会社きらら化粧品', disclosure_date: '2025-08-21', occurred_date: '2025-08-08', incident_types: ['loss'],
    });
    const laterAccess = notice(4, '不正アクセスについて\n株式会社きらら化粧品', {
      organization: '株式会社きらら化粧品', disclosure_date: '2025-12-01', occurred_date: '2025-11-20', incident_types: ['unauthorized_access'],
    });
    expect(linkNotices([own, loss, laterAccess])).toEqual([]);
  });

  it('takes the organisation a phishing mail pretended to be for no party to the event', () => {
    const shipper = notice(1, '配送状況確認サービスへの不正アクセスについて\n株式会社やまびこ運輸', {
      organization: '株式会社やまびこ運輸', disclosure_date: '2025-04-04', occurred_date: '2025-03-28', incident_types: ['unauthorized_access'],
    });
    const victim = notice(2, 'マルウェア感染について\n株式会社まつかぜ商会\n当社の取引先である株式会社やまびこ運輸を装ったメールの添付ファイルを開き、感染しました。', {
      organization: '株式会社まつかぜ商会', disclosure_date: '2025-04-11', incident_types: ['malware'],
    });
    expect(linkNotices([shipper, victim])).toEqual([]);
  });

  it('keeps two legal persons of one name apart (株式会社あおば, 医療法人あおば), and one written with and without its form together', () => {
    const shop = notice(1, 'オンラインストアへの不正アクセス\n株式会社あおば', {
      organization: '株式会社あおば', disclosure_date: '2025-03-12', occurred_date: '2025-03-04', incident_types: ['unauthorized_access'], casebook_id: '2025-070',
    });
    const clinic = notice(2, '電子カルテシステムの障害について(第2報)\n医療法人あおば\n先日お知らせいたしました障害はランサムウェアによるものでした。', {
      organization: '医療法人あおば', disclosure_date: '2025-07-22', incident_types: ['ransomware'], casebook_id: '2025-070',
    });
    expect(linkNotices([shop, clinic])).toEqual([]);
    const header = notice(3, 'オンラインストアへの不正アクセス(第2報)\nあおば', {
      organization: 'あおば', disclosure_date: '2025-04-02', occurred_date: '2025-03-04', incident_types: ['unauthorized_access'],
    });
    expect(linkNotices([shop, header])).toMatchObject([{ rule: 'follow_up', notices: [1, 3] }]);
  });

  it('takes the kind of event alone as one event only within a year for a follow-up, half a year for a partner', () => {
    const first = notice(1, '会員サイトへの不正アクセスについて\n株式会社かえでスポーツ', {
      organization: '株式会社かえでスポーツ', disclosure_date: '2024-02-16', occurred_date: '2024-02-09', incident_types: ['unauthorized_access'],
    });
    const lateReport = notice(2, 'ECサイトにおける不正アクセスについて(第2報)\n株式会社かえでスポーツ', {
      organization: '株式会社かえでスポーツ', disclosure_date: '2025-04-18', incident_types: ['web_skimming'],
    });
    expect(linkNotices([first, lateReport])).toEqual([]);
    const report = notice(3, '会員サイトへの不正アクセスについて(第2報)\n株式会社かえでスポーツ', {
      organization: '株式会社かえでスポーツ', disclosure_date: '2024-11-18', incident_types: ['unauthorized_access'],
    });
    expect(linkNotices([first, report])).toMatchObject([{ rule: 'follow_up', notices: [1, 3] }]);

    const contractor = notice(4, '当社サーバーへの不正アクセスについて\n株式会社なぎさ物流サービス', {
      organization: '株式会社なぎさ物流サービス', disclosure_date: '2024-06-14', discovered_date: '2024-06-05', incident_types: ['unauthorized_access'],
    });
    const clientLate = notice(5, '委託先への不正アクセスについて\nときわ書店株式会社\n当社が配送業務を委託している株式会社なぎさ物流サービスにおいて不正アクセスが発生しました。', {
      organization: 'ときわ書店株式会社', disclosure_date: '2025-04-09', occurred_date: '2025-04-02', incident_types: ['unauthorized_access'],
    });
    expect(linkNotices([contractor, clientLate])).toEqual([]);
    const clientSoon = notice(6, clientLate.text, { ...clientLate.record, disclosure_date: '2024-07-01', occurred_date: null });
    expect(linkNotices([contractor, clientSoon])).toMatchObject([{ rule: 'client_contractor', notices: [4, 6] }]);
  });

  it('does not take two organisations\' notices on one template, each of its own day, for one notice twice', () => {
    const body = (city: string, day: string, n: number) => `メールの誤送信について\n${city}教育委員会\nこのたび、本市教育委員会において、メールの誤送信による個人情報の漏えいが発生しました。2025年5月${day}日、職員が保護者に案内メールを送信する際、宛先を誤ってCCに入力したため、受信者全員に他の受信者のメールアドレスが表示される状態となりました。対象となるメールアドレスは${n}件です。受信者の皆様にはお詫びとメールの削除のお願いを送付いたしました。`;
    const a = notice(1, body('ほしみ市', '14', 142), { organization: 'ほしみ市教育委員会', disclosure_date: '2025-05-16', occurred_date: '2025-05-14', incident_types: ['misdelivery'] });
    const b = notice(2, body('さくらだ市', '15', 96), { organization: 'さくらだ市教育委員会', disclosure_date: '2025-05-19', occurred_date: '2025-05-15', incident_types: ['misdelivery'] });
    expect(linkNotices([a, b])).toEqual([]);
    // The same text under another reading of the organisation, of the same day: one notice twice.
    const copy = notice(3, body('ほしみ市', '14', 142), { organization: 'ほしみ市教育委員会事務局', disclosure_date: '2025-05-16', occurred_date: '2025-05-14', incident_types: ['misdelivery'] });
    expect(linkNotices([a, copy])).toMatchObject([{ rule: 'near_duplicate', notices: [1, 3] }]);
  });

  it('leaves notices of another kind out of every link', () => {
    const claims = { ...SECOND_REPORT, record: { ...SECOND_REPORT.record, kind: 'claim_list' as const } };
    expect(linkNotices([FIRST_NOTICE, claims])).toEqual([]);
  });
});
