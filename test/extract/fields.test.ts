import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/extract.ts';

// Fictional notices written for these tests, in the style of real 「お詫びとお知らせ」 releases.
const SHOP_NOTICE = [
  '【セキュリティ事件簿#2031-015】株式会社ミナトコスメ 弊社が運営する「ミナトオンラインショップ」への不正アクセスによる個人情報漏えいに関するお詫びとお知らせ 2031/5/20',
  '',
  '',
  'このたび、弊社が運営する「ミナトオンラインショップ」におきまして、第三者による不正アクセスを受け、お客様のクレジットカード情報(1,204件)を含む個人情報(8,930名)が漏えいした可能性があることが判明いたしました。',
  '',
  '1.経緯',
  '',
  '2031年1月12日、一部のクレジットカード会社から、当サイトを利用したお客様のクレジットカード情報の漏えい懸念について連絡を受け、同日、カード決済を停止いたしました。',
  '',
  '2031年3月2日、第三者調査機関による調査が完了し、2029年10月1日~2031年1月12日の期間に当サイトで購入されたお客様のクレジットカード情報が漏えいした可能性があることを確認いたしました。',
  '',
  '2.原因',
  '',
  'システムの一部の脆弱性をついたことによる第三者の不正アクセスにより、ペイメントアプリケーションの改ざんが行われたため。',
  '',
  '3.漏えいした可能性のある情報',
  '',
  '・カード名義人名',
  '・クレジットカード番号',
  '・有効期限',
  '・セキュリティコード',
  '',
  '4.その他',
  '',
  '弊社は、個人情報保護委員会には2031年1月15日に報告済みであり、所轄警察署にも2031年1月20日に被害申告しております。',
  '',
  '身に覚えのない電子メールが届いた場合には、メールを開かないようお願いいたします。',
].join('\n');

const TOWN_NOTICE = [
  '架空郡さくら町 個人情報を含むUSBメモリの紛失について',
  '',
  '令和13年6月2日',
  '',
  '令和13年5月28日(水)に、税務課の職員から、住民の口座情報を保存したUSBメモリが見当たらないとの報告がありました。',
  '同職員は5月26日(月)に業務でUSBメモリを使用し、その後キャビネットに保管したとしています。',
  'USBメモリには、1,520名分の氏名、住所、口座番号が保存されていました。',
  '同日、所轄の警察署に遺失届を提出しました。',
  'なお、パスワードを設定しており、現時点で不正利用は確認されていません。',
].join('\n');

describe('a fictional online-shop notice', () => {
  const [{ record }] = extractDocument(SHOP_NOTICE) as [ReturnType<typeof extractDocument>[number]];

  it('reads the header fields', () => {
    expect(record.casebook_id).toBe('2031-015');
    expect(record.organization).toBe('株式会社ミナトコスメ');
    expect(record.title).toBe('株式会社ミナトコスメ 弊社が運営する「ミナトオンラインショップ」への不正アクセスによる個人情報漏えいに関するお詫びとお知らせ');
    expect(record.disclosure_date).toBe('2031-05-20');
    expect(record.kind).toBe('incident');
  });

  it('reads the event', () => {
    expect(record.incident_types).toEqual(['web_skimming', 'unauthorized_access']);
    expect(record.affected_count).toBe(8930);
    expect(record.data_types).toEqual(expect.arrayContaining(['name', 'credit_card', 'card_security_code']));
    expect(record.data_types).not.toContain('email');
    expect(record.sector).toBe('ecommerce');
  });

  it('reads reporting, discovery and dates', () => {
    expect(record.reported_to_ppc).toBe(true);
    expect(record.reported_to_police).toBe(true);
    expect(record.contractor_involved).toBe(false);
    expect(record.discovery).toBe('card_company');
    expect(record.discovered_date).toBe('2031-01-12');
    expect(record.occurred_date).toBe('2029-10-01');
  });
});

describe('a fictional bare town notice', () => {
  const docs = extractDocument(TOWN_NOTICE);
  const record = docs[0]!.record;

  it('is one post headed by its first line, with the dated line as its date', () => {
    expect(docs).toHaveLength(1);
    expect(record.header).toBe('架空郡さくら町 個人情報を含むUSBメモリの紛失について');
    expect(record.casebook_id).toBeNull();
    expect(record.organization).toBe('架空郡さくら町');
    expect(record.disclosure_date).toBe('2031-06-02');
  });

  it('reads a loss with year-less dates resolved from the notice year', () => {
    expect(record.incident_types).toEqual(['loss']);
    expect(record.sector).toBe('government');
    expect(record.affected_count).toBe(1520);
    expect(record.data_types).toEqual(['name', 'address', 'bank_account']);
    expect(record.reported_to_police).toBe(true);
    expect(record.reported_to_ppc).toBe(false);
    expect(record.discovery).toBe('internal_detection');
    expect(record.discovered_date).toBe('2031-05-28');
    expect(record.occurred_date).toBe('2031-05-26');
  });
});

describe('cues that must not count', () => {
  const one = (body: string) => extractDocument(`架空商事株式会社 お知らせ\n\n${body}`)[0]!.record;

  it('ignores advice to readers', () => {
    const r = one('不審なメールを受け取った場合は、フィッシングに注意し、警察にご相談ください。');
    expect(r.incident_types).toEqual([]);
    expect(r.reported_to_police).toBe(false);
  });

  it('ignores data the notice says was not involved', () => {
    const r = one('流出した情報はメールアドレスのみであり、氏名、住所、電話番号は含まれておりません。');
    expect(r.data_types).toEqual(['email']);
  });

  it('names a ransomware group as written', () => {
    const r = one('サーバーがランサムウェアに感染し、画面には「LockBit 3.0」と表示されていました。');
    expect(r.attacker).toBe('LockBit 3.0');
    expect(r.incident_types).toContain('ransomware');
  });

  it('reads a BCC slip as misdelivery and 宛先を誤 as well', () => {
    expect(one('メールを送信する際、宛先をBCCではなくTOに入力したため、他の受信者のメールアドレスが表示される状態となりました。').incident_types).toContain('misdelivery');
  });
});
