// Fictional organisations: names from kanji, kana and English pools with their legal forms and sector.
import type { Rng } from './prng.ts';

export type Sector =
  | 'healthcare' | 'government' | 'education' | 'ecommerce' | 'retail' | 'manufacturing' | 'finance'
  | 'it' | 'media' | 'real_estate' | 'services' | 'nonprofit' | 'other';

export interface Organization {
  /** As the notice writes it, legal form included. */
  name: string;
  /** A short name for bylines and contact lines (the name without its legal form). */
  short: string;
  sector: Sector;
  /** Public bodies write 本市/本町, companies 当社/弊社, hospitals 当院, schools 本学. */
  self: string;
  /** The customers the notice speaks to. */
  people: string;
  /** What it runs, for sentences such as 「当社が運営する…」. */
  service: string;
  isPublic: boolean;
  domain: string;
}

const KANJI_A = ['青', '白', '若', '東', '西', '南', '北', '朝', '夕', '星', '月', '花', '森', '川', '浜', '桜', '松', '竹', '梅', '緑', '瑞', '富', '大', '小', '新', '高', '光', '泉', '翠', '紅', '黄', '岩', '浅', '深', '福', '吉', '千', '八', '三', '金', '銀', '雪', '霧', '風', '空', '海', '宮', '藤', '柳', '楓'];
const KANJI_B = ['葉', '山', '丘', '野', '原', '川', '浜', '坂', '崎', '台', '沢', '谷', '里', '島', '橋', '田', '宮', '瀬', '見', '園', '岡', '井', '江', '城', '尾', '森', '平', '津', '間', '水'];
const KANA = ['ア', 'カ', 'サ', 'タ', 'ナ', 'ハ', 'マ', 'ヤ', 'ラ', 'ワ', 'イ', 'キ', 'シ', 'チ', 'ニ', 'ミ', 'リ', 'ウ', 'ク', 'ス', 'ツ', 'ヌ', 'ム', 'ル', 'エ', 'ケ', 'セ', 'テ', 'ネ', 'メ', 'レ', 'オ', 'コ', 'ソ', 'ト', 'ノ', 'モ', 'ロ', 'ミ', 'ナ', 'ル', 'ン'];
const HIRA_NAMES = ['ひだまり', 'こもれび', 'はなみずき', 'あさがお', 'つばめ', 'かざみどり', 'さくら', 'ほたる', 'やまびこ', 'すずらん', 'ひまわり', 'あおぞら', 'わかば', 'みのり', 'くるみ', 'つむぎ', 'なごみ', 'ゆずりは', 'ことぶき', 'いろは'];
const EN_A = ['Blue', 'North', 'Silver', 'Green', 'Bright', 'Pixel', 'Wave', 'Cedar', 'Harbor', 'Summit', 'Maple', 'Nova', 'Stella', 'Orbit', 'Tide', 'Crest', 'Amber', 'Falcon', 'Lumen', 'Sora'];
const EN_B = ['Works', 'Link', 'Field', 'Gate', 'Line', 'Soft', 'Labs', 'Tech', 'Note', 'Point', 'Bridge', 'Craft', 'Port', 'Leaf'];

function kanjiPlace(rng: Rng): string {
  return rng.pick(KANJI_A) + rng.pick(KANJI_B);
}

function kanaWord(rng: Rng): string {
  let s = '';
  const n = rng.int(3, 5);
  for (let i = 0; i < n; i++) s += rng.pick(KANA);
  return s.replace(/^ン/, 'ア');
}

function englishWord(rng: Rng): string {
  return rng.chance(0.5) ? `${rng.pick(EN_A)} ${rng.pick(EN_B)}` : `${rng.pick(EN_A)}${rng.pick(EN_B).toLowerCase()}`;
}

/** A brand: kanji place name, kana word, hiragana word or English words. */
function brand(rng: Rng): string {
  return rng.weighted<() => string>([
    [() => kanjiPlace(rng), 45],
    [() => kanaWord(rng), 20],
    [() => rng.pick(HIRA_NAMES), 15],
    [() => englishWord(rng), 20],
  ])();
}

function company(rng: Rng, stem: string): string {
  const form = rng.weighted([['株式会社', 85], ['有限会社', 6], ['合同会社', 9]] as const);
  return rng.chance(0.6) ? `${form}${stem}` : `${stem}${form}`;
}

function romanDomain(rng: Rng): string {
  const letters = 'abcdefghijklmnoprstuwyz';
  let s = '';
  const n = rng.int(4, 9);
  for (let i = 0; i < n; i++) s += letters[rng.int(0, letters.length - 1)];
  return s;
}

type Maker = (rng: Rng) => Omit<Organization, 'domain'>;

const CORP = { self: '当社', isPublic: false };
const MAKERS: ReadonlyArray<readonly [Maker, number]> = [
  [(r) => { const b = brand(r); return { ...CORP, name: company(r, b + r.pick(['工業', '製作所', '精機', '電機', '化学', '食品', '製薬', '金属', 'マテリアル'])), short: b, sector: 'manufacturing', people: 'お取引先様', service: '生産管理システム' }; }, 12],
  [(r) => { const b = brand(r); return { ...CORP, self: r.pick(['当社', '弊社']), name: company(r, b), short: b, sector: 'ecommerce', people: 'お客様', service: `「${b}オンラインストア」` }; }, 12],
  [(r) => { const b = brand(r); return { ...CORP, name: company(r, b + r.pick(['百貨店', 'ドラッグ', 'ストア', '書店', 'スポーツ'])), short: b, sector: 'retail', people: 'お客様', service: '会員サービス' }; }, 6],
  [(r) => { const b = brand(r); return { ...CORP, name: company(r, b + r.pick(['システムズ', 'ソフト', 'ソリューションズ', 'テクノロジー', 'データ'])), short: b, sector: 'it', people: 'お客様', service: 'クラウドサービス' }; }, 8],
  [(r) => { const b = brand(r); return { ...CORP, name: company(r, b + r.pick(['トラベル', 'ホテル', 'フィットネス', 'キャリア', '保育サービス', '運輸'])), short: b, sector: 'services', people: '会員の皆様', service: '会員向けウェブサイト' }; }, 9],
  [(r) => { const b = brand(r); return { ...CORP, name: company(r, b + r.pick(['不動産', '建設', 'ハウス', '住宅'])), short: b, sector: 'real_estate', people: 'お客様', service: '物件情報サイト' }; }, 6],
  [(r) => { const b = brand(r); return { ...CORP, name: company(r, b + r.pick(['新聞社', '放送', '出版', 'メディア'])), short: b, sector: 'media', people: '読者の皆様', service: '電子版' }; }, 3],
  [(r) => { const p = kanjiPlace(r); return r.weighted<() => Omit<Organization, 'domain'>>([
    [() => ({ ...CORP, name: `${p}信用金庫`, short: `${p}信用金庫`, sector: 'finance', people: 'お客様', service: 'インターネットバンキング' }), 3],
    [() => ({ ...CORP, name: `株式会社${p}銀行`, short: `${p}銀行`, sector: 'finance', people: 'お客様', service: 'インターネットバンキング' }), 2],
    [() => ({ ...CORP, name: company(r, `${brand(r)}カード`), short: p, sector: 'finance', people: '会員の皆様', service: 'カード会員サイト' }), 2],
    [() => ({ ...CORP, name: `${p}証券株式会社`, short: `${p}証券`, sector: 'finance', people: 'お客様', service: 'オンライントレード' }), 1],
  ])(); }, 7],
  [(r) => { const p = kanjiPlace(r); return r.weighted<() => Omit<Organization, 'domain'>>([
    [() => ({ name: `${p}市`, short: `${p}市`, sector: 'government', self: '本市', people: '市民の皆様', service: '市のメールマガジン', isPublic: true }), 5],
    [() => ({ name: `${p}町`, short: `${p}町`, sector: 'government', self: '本町', people: '町民の皆様', service: '町のメール配信サービス', isPublic: true }), 3],
    [() => ({ name: `${p}県`, short: `${p}県`, sector: 'government', self: '本県', people: '県民の皆様', service: '電子申請システム', isPublic: true }), 2],
    [() => ({ name: `${p}県教育委員会`, short: `${p}県教育委員会`, sector: 'government', self: '本委員会', people: '保護者の皆様', service: '学習用端末', isPublic: true }), 1],
    [() => ({ name: `独立行政法人${p}振興機構`, short: `${p}振興機構`, sector: 'government', self: '当機構', people: '関係者の皆様', service: '申請受付システム', isPublic: true }), 1],
  ])(); }, 11],
  [(r) => { const p = kanjiPlace(r); return r.weighted<() => Omit<Organization, 'domain'>>([
    [() => ({ name: `${p}県立${kanjiPlace(r)}病院`, short: `${p}県立病院`, sector: 'healthcare', self: '当院', people: '患者様', service: '電子カルテシステム', isPublic: true }), 2],
    [() => ({ name: `医療法人${kanjiPlace(r)}会 ${p}クリニック`, short: `${p}クリニック`, sector: 'healthcare', self: '当院', people: '患者様', service: '予約システム', isPublic: false }), 3],
    [() => ({ name: `${p}総合病院`, short: `${p}総合病院`, sector: 'healthcare', self: '当院', people: '患者様', service: '電子カルテシステム', isPublic: false }), 3],
    [() => ({ name: company(r, `${brand(r)}薬局`), short: `${p}薬局`, sector: 'healthcare', self: '当社', people: 'ご利用者様', service: 'お薬手帳アプリ', isPublic: false }), 1],
  ])(); }, 9],
  [(r) => { const p = kanjiPlace(r); return r.weighted<() => Omit<Organization, 'domain'>>([
    [() => ({ name: `国立大学法人${p}大学`, short: `${p}大学`, sector: 'education', self: '本学', people: '学生の皆様', service: '学習管理システム', isPublic: true }), 2],
    [() => ({ name: `学校法人${kanjiPlace(r)}学園 ${p}大学`, short: `${p}大学`, sector: 'education', self: '本学', people: '学生の皆様', service: '学内ポータル', isPublic: false }), 3],
    [() => ({ name: `${p}市立${kanjiPlace(r)}中学校`, short: `${p}中学校`, sector: 'education', self: '本校', people: '保護者の皆様', service: '学校連絡網', isPublic: true }), 1],
  ])(); }, 7],
  [(r) => { const b = kanjiPlace(r); return r.weighted<() => Omit<Organization, 'domain'>>([
    [() => ({ name: `一般社団法人${b}協会`, short: `${b}協会`, sector: 'nonprofit', self: '当協会', people: '会員の皆様', service: '会員向けメール配信', isPublic: false }), 2],
    [() => ({ name: `公益財団法人${b}振興財団`, short: `${b}振興財団`, sector: 'nonprofit', self: '当財団', people: '関係者の皆様', service: '助成申請システム', isPublic: false }), 2],
    [() => ({ name: `特定非営利活動法人${b}ネット`, short: `${b}ネット`, sector: 'nonprofit', self: '当法人', people: '会員の皆様', service: 'ボランティア登録サイト', isPublic: false }), 1],
  ])(); }, 5],
  [(r) => { const b = kanjiPlace(r); return { ...CORP, name: company(r, b + r.pick(['ガス', '電力サービス', '農産'])), short: b, sector: 'other', people: 'お客様', service: '料金照会サイト' }; }, 3],
];

export function randomOrganization(rng: Rng): Organization {
  const made = rng.weighted(MAKERS)(rng);
  const tld = made.isPublic ? rng.pick(['lg.example.jp', 'go.example.jp', 'ac.example.jp']) : rng.pick(['example.co.jp', 'example.jp', 'example.com']);
  return { ...made, domain: `${romanDomain(rng)}.${tld}` };
}

/** A contractor or vendor name for notices about a breach at a 委託先. */
export function randomContractor(rng: Rng): string {
  return company(rng, brand(rng) + rng.pick(['システム', '情報サービス', 'ビジネスサポート', 'ロジスティクス', 'コールセンター', '印刷']));
}
