// Whether an organisation's key is made only of common words (システム, 情報サービス, 日本データセンター):
// such a key names a company only where its legal form stands beside it, never as a bare word in a text.

// The class of words that describe what a business does or is, not which one it is. Compared on
// orgKey's form (NFKC, lowercase, no legal form or marks).
const COMMON_WORDS = [
  // information technology
  'システム', 'システムズ', 'サービス', 'サービシーズ', 'センター', '情報', 'ネットワーク', 'ネットワークス', 'ネット',
  'データ', 'ソリューション', 'ソリューションズ', 'テクノロジー', 'テクノロジーズ', 'テクノ', 'テック', 'ソフト', 'ソフトウェア',
  'ソフトウエア', 'ウェア', 'デジタル', 'クラウド', 'コンピュータ', 'コンピューター', 'サーバ', 'サーバー', 'ウェブ', 'web',
  'it', 'ict', 'アイティー', 'オンライン', 'インターネット', 'セキュリティ', 'セキュリティー', 'メディア', 'プラットフォーム',
  'アプリ', 'アプリケーション', 'エンジニアリング', 'インテグレーション', 'コミュニケーション', 'コミュニケーションズ', 'メール',
  // what a business does
  '管理', '開発', '技術', '技研', '通信', '電子', '電機', '電気', '電算', '計算', '工業', '産業', '商事', '商会', '物産', '販売', '企画',
  '設計', '印刷', '物流', '運輸', '運送', '建設', '不動産', '保険', '銀行', '証券', '信託', '金融', 'ファイナンス', '病院', '医院',
  'クリニック', '大学', '学校', '学園', '研究所', '研究', '事務所', '協会', '組合', '機構', '振興', '支援', '保守', '運用', '運営',
  '処理', '事業', '業務', '総研', 'コンサルティング', 'コンサルタント', 'マーケティング', 'ビジネス', 'サポート', 'リサーチ',
  'エンタープライズ', 'パートナー', 'パートナーズ', 'ショップ', 'ストア', 'マネジメント', 'エージェンシー', 'トラスト', 'ラボ',
  'ホールディングス', 'グループ', 'カンパニー', 'コーポレーション', 'ジャパン', 'インターナショナル', 'グローバル', 'アソシエイツ',
  // words that place or rank without naming
  '日本', '全国', '総合', '中央', '第一', '国際', '共同', '東日本', '西日本', '本社', '株式', 'の',
];

const WORDS = new Set(COMMON_WORDS);
const LONGEST = Math.max(...COMMON_WORDS.map((w) => w.length));

/** true when the key is nothing but common words, one after another ('情報システム', 'システム'). */
export function isGenericName(key: string): boolean {
  // reach[i]: the first i characters split into common words.
  const reach = new Array<boolean>(key.length + 1).fill(false);
  reach[0] = true;
  for (let i = 0; i < key.length; i++) {
    if (!reach[i]) continue;
    for (let len = 1; len <= LONGEST && i + len <= key.length; len++) {
      if (WORDS.has(key.slice(i, i + len))) reach[i + len] = true;
    }
  }
  return reach[key.length]!;
}
