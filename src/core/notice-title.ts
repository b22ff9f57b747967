// Whether a link's text or a feed item's title reads like an incident notice (お詫び, 不正アクセス, 漏えい …).
// Pure: what watching uses to decide which new links to fetch.

// Each of these alone marks an incident notice.
const STRONG = [
  'お詫び', 'おわび', '不正アクセス', '漏えい', '漏洩', '漏出', '流出', '紛失', '誤送信', '誤送付', '誤配信', '誤配送',
  '誤表示', '誤廃棄', '誤掲載', '盗難', 'ランサムウェア', 'サイバー攻撃', '不正ログイン', '個人情報', 'マルウェア',
  'ウイルス感染', 'エモテット', 'emotet', '不審なメール', 'なりすまし', 'フィッシング', '改ざん', '不正利用',
  'セキュリティインシデント', '情報セキュリティ事故', 'クレジットカード情報', '不正送金', '乗っ取り',
];

// 「お知らせ」 heads every kind of news item ("新製品のお知らせ"), so it counts only beside a word of trouble.
const WEAK = ['お知らせ', 'ご報告', '第2報', '第二報', '続報', '調査結果'];
const TROUBLE = ['障害', '被害', '不審', '偽', '攻撃', '感染', 'ウイルス', '事案', '事故', '不具合', '情報'];

/** true when the text names an incident: a strong word, or a weak one beside a word of trouble. */
export function looksLikeNoticeTitle(text: string): boolean {
  const t = text.normalize('NFKC').toLowerCase();
  if (STRONG.some((w) => t.includes(w))) return true;
  return WEAK.some((w) => t.includes(w)) && TROUBLE.some((w) => t.includes(w));
}
