// Signs in a notice that put the 個人情報保護法 reporting duty in doubt: the body is not a Japanese
// business or public body, the thing taken was an SNS or mail account rather than personal data, or the
// notice says no personal data is known to be involved. Each rule is a row with its reason and its
// examples (invented sentences; test/analyze/duty-signs.test.ts runs them).

export type DoubtKind = 'imported' | 'foreign_body' | 'account_only' | 'no_personal_data';

export interface SignRule {
  id: string;
  kind: DoubtKind;
  /** Tried on one sentence (NFKC), or on the organisation's name for `on: 'organization'`. */
  pattern: RegExp;
  on: 'sentence' | 'organization';
  /** A sentence that also matches this is not the sign (a plan, a warning to readers). */
  excludes?: RegExp;
  why: string;
  examples: { match: string[]; noMatch: string[] };
}

// International and supranational bodies: outside 個人情報取扱事業者 and 行政機関等 alike.
const INTERNATIONAL_BODY = /(?:国際|欧州|世界)[^\s、。()]{0,8}(?:裁判所|連合|議会|機関)|国連|United Nations|\b(?:International|European|World)\s+(?:Criminal\s+)?(?:Court|Organi[sz]ation|Union|Agency|Bank|Monetary|Atomic|Maritime|Labou?r|Health|Committee)/;
// News style names a foreign company with its country first: 米マイクロソフト, 英BBC, 米国の○○社.
const FOREIGN_PREFIX = /^(?:[米英独仏中韓台豪露蘭伊印加](?=[ァ-ヶA-Za-z])|(?:米国|アメリカ|英国|イギリス|中国|韓国|台湾|香港|ドイツ|フランス|オランダ|イタリア|カナダ|オーストラリア|インド|シンガポール|ロシア|ベトナム|タイ)(?:の|・))/;
const SNS = /(?<![A-Za-z])(?:X|Twitter|ツイッター|Instagram|インスタグラム|Facebook|フェイスブック|LINE|YouTube|TikTok|ティックトック|Threads|SNS)(?![A-Za-z])/;

export const SIGN_RULES: readonly SignRule[] = [
  {
    id: 'foreign_body/international-name',
    kind: 'foreign_body',
    on: 'organization',
    pattern: INTERNATIONAL_BODY,
    why: 'An international court, union or agency is neither a Japanese business nor a Japanese public body: 第26条 does not bind it.',
    examples: {
      match: ['国際刑事裁判所', '欧州連合理事会', '国際原子力機関', 'International Maritime Organization'],
      noMatch: ['国際医療福祉大学', '株式会社国際興業サービス', '独立行政法人国際協力機構', 'Sakura International Inc.'],
    },
  },
  {
    id: 'foreign_body/country-first-name',
    kind: 'foreign_body',
    on: 'organization',
    pattern: FOREIGN_PREFIX,
    why: 'Japanese news writes a foreign company with its country first (米○○, 英国の○○); the company answers to its own country\'s law.',
    examples: {
      match: ['米マイクロソフト', '英BBC', '米国のソフトウェア企業', '台湾・鴻海精密工業'],
      noMatch: ['日本マイクロソフト株式会社', '米子市', '中部電力株式会社', '英和出版株式会社'],
    },
  },
  {
    id: 'foreign_body/foreign-source',
    kind: 'foreign_body',
    on: 'sentence',
    // A source line whose title is a run of English words: a summary of a report published abroad.
    pattern: /^(?:出典|Source|ソース|参考)\s*[:：]\s*[A-Za-z][A-Za-z0-9'’",.:&-]*(?:\s+[A-Za-z0-9'’",.:&-]+){3,}\s*$/,
    why: 'A post that retells an English-language article is about an organisation abroad, not a Japanese organisation\'s own notice.',
    examples: {
      match: ['出典:Hospital chain confirms data breach after ransomware attack', 'Source: Retailer says card data of shoppers was stolen'],
      noMatch: ['出典:株式会社さくら物産 お知らせ', '出典: https://example.co.jp/news/2024/0510.html', '参考:IPA 情報セキュリティ10大脅威'],
    },
  },
  {
    id: 'account_only/sns-account-taken',
    kind: 'account_only',
    on: 'sentence',
    pattern: new RegExp(`${SNS.source}[^。]{0,30}アカウント[^。]{0,40}(?:乗っ取|不正(?:ログイン|アクセス|利用|操作)|第三者による(?:ログイン|操作))`),
    why: 'A taken SNS account is a channel, not a store of the business\'s personal data; whether personal data (messages, followers\' details) was reached is not stated.',
    examples: {
      match: ['当社公式X(旧Twitter)アカウントが第三者に乗っ取られたことが判明しました。', '市の公式Instagramアカウントに何者かが不正ログインし、投稿が削除されました。'],
      noMatch: ['当社ECサイトの会員アカウントに不正ログインがあり、氏名と住所が閲覧された可能性があります。', '公式Xアカウントでお知らせいたします。'],
    },
  },
  {
    id: 'account_only/mail-account-spam',
    kind: 'account_only',
    on: 'sentence',
    pattern: /メール(?:アカウント|アドレス|サーバ)[^。]{0,40}(?:不正(?:利用|ログイン|アクセス)|乗っ取)[^。]{0,80}(?:迷惑メール|スパム|大量(?:に)?送信|不審なメール)|(?:迷惑メール|スパムメール|不審なメール)[^。]{0,40}(?:大量(?:に)?送信|送信され)/,
    why: 'A mail account used to send spam is misuse of the account; the notice does not say that the mailbox\'s personal data was read.',
    examples: {
      match: ['職員のメールアカウントが不正利用され、外部へ迷惑メールが大量送信されました。', '当組合のアドレスから不審なメールが送信されていることを確認しました。'],
      noMatch: ['迷惑メールにご注意ください。', '不正アクセスによりメールサーバ内の顧客の氏名、メールアドレスが流出した可能性があります。'],
    },
  },
  {
    id: 'no_personal_data/none-confirmed',
    kind: 'no_personal_data',
    on: 'sentence',
    pattern: /個人(?:情報|データ)[^。]{0,25}(?:流出|漏洩|漏えい|漏れ|外部への持ち出し|不正利用|閲覧)[^。]{0,20}(?:確認されて(?:おりません|いません|いない)|ございません|ありません|ない(?:こと|もの)?(?:を確認|と判断))|個人(?:情報|データ)は(?:含まれて|保存されて|保管されて|保有して|記録されて)(?:おりません|いません|いない)/,
    excludes: /可能性|おそれ|恐れ/,
    why: 'The notice says no leak of personal data is known, or that none was held: 漏えいのおそれ may still arise, but the notice does not state the personal data the duty is about.',
    examples: {
      match: ['現時点では個人情報の漏洩、不正利用等は確認されておりません。', '当該サーバに個人情報は保存されておりません。'],
      noMatch: ['個人情報が流出した可能性は否定できません。', '顧客の個人情報が流出したことを確認いたしました。'],
    },
  },
];

/** One sign found: the rule and the sentence it was read from. */
export interface SignHit {
  rule: SignRule;
  sentence: string;
}

/** The signs a notice's sentences show, first sentence first, one hit per rule. */
export function signsIn(sentences: readonly string[], organization: string | null): SignHit[] {
  const hits: SignHit[] = [];
  const org = organization?.normalize('NFKC') ?? null;
  for (const rule of SIGN_RULES) {
    if (rule.on === 'organization') {
      if (org && rule.pattern.test(org)) hits.push({ rule, sentence: org });
      continue;
    }
    const s = sentences.find((x) => rule.pattern.test(x) && !(rule.excludes?.test(x) ?? false));
    if (s !== undefined) hits.push({ rule, sentence: s });
  }
  return hits;
}

/** Tries one rule on one example the way `signsIn` would. */
export function ruleMatches(rule: SignRule, text: string): boolean {
  const s = text.normalize('NFKC');
  return rule.pattern.test(s) && !(rule.on === 'sentence' && (rule.excludes?.test(s) ?? false));
}

/**
 * A sentence that states personal data was, or may have been, leaked, seen or taken: with one, an SNS or
 * mail account or a bare type of attack is no longer the whole story and casts no doubt.
 */
export const LEAK_STATED = {
  id: 'holds/personal-data-leak-stated',
  pattern: /(?:個人(?:情報|データ)|氏名|住所|電話番号|メールアドレス|生年月日|クレジットカード|カード番号|口座番号|診療|病歴)[^。]{0,40}(?:流出|漏洩|漏えい|漏れ|閲覧され|窃取|盗まれ|持ち出され|不正に取得|外部に送信)/,
  excludes: /確認されて(?:おりません|いません|いない)|ございません|ありません|ない(?:こと|もの)?(?:を確認|と判断)|ご注意/,
  why: 'Personal data named with a verb of leaking is the personal data 第26条 is about.',
  examples: {
    match: ['お客様の氏名、メールアドレスが流出した可能性があります。', '会員の個人情報が外部に漏えいしたことが判明しました。'],
    noMatch: ['個人情報の流出は確認されておりません。', '氏名を騙る不審な電話にご注意ください。'],
  },
} as const;

export function leakStatedIn(sentences: readonly string[]): string | null {
  return sentences.find((s) => LEAK_STATED.pattern.test(s) && !LEAK_STATED.excludes.test(s)) ?? null;
}
