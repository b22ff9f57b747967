// Estimated damages by the JNSA model (JO model, 「情報セキュリティインシデントに関する調査報告書」):
// per person ¥ = 500 × 機微情報度 × 本人特定容易度 × 社会的責任度 × 事後対応評価, total = per person ×
// people, with every factor and what set it kept beside the figure.
import type { DataType, Sector } from '../core/record.ts';
import type { FactRow } from './stats/fact-row.ts';

export type Level = 1 | 2 | 3;

/** A data type's place on the Simple-EP map: privacy (精神的苦痛) and economic (経済的損失) levels. */
export interface EpLevels {
  privacy: Level;
  economic: Level;
}

/**
 * Our data types on the Simple-EP map. The map lists finer items than our record; where one of our
 * types covers several, the comment says which reading we take. Users can override each row.
 */
export const DEFAULT_DATA_TYPE_LEVELS: Record<DataType, EpLevels> = {
  name: { privacy: 1, economic: 1 },                // 氏名: basic information
  address: { privacy: 1, economic: 1 },             // 住所
  phone: { privacy: 1, economic: 1 },               // 電話番号
  email: { privacy: 1, economic: 1 },               // メールアドレス
  birthdate: { privacy: 1, economic: 1 },           // 生年月日
  gender: { privacy: 1, economic: 1 },              // 性別
  login_id: { privacy: 1, economic: 1 },            // an ID alone is basic information; with a password see below
  password: { privacy: 1, economic: 2 },            // アカウントID・パスワード: (1,2) on the map
  credit_card: { privacy: 1, economic: 3 },         // カード番号と有効期限: notices that leak card numbers nearly always leak the expiry with them
  card_security_code: { privacy: 1, economic: 3 },  // with the number and expiry: at least as bad as card number with expiry
  bank_account: { privacy: 1, economic: 2 },        // 口座番号 without the PIN (the record has no PIN type): (1,2)
  medical: { privacy: 2, economic: 1 },             // 病歴・診療科: (2,1); full medical records (3,1) — override if a casebook holds mostly those
  photo: { privacy: 1, economic: 1 },               // 顔写真: identifies, counted through identifiability rather than level
  employee_id: { privacy: 1, economic: 1 },         // 社員番号: basic information
  student_id: { privacy: 1, economic: 1 },          // 学籍番号: basic information
  other: { privacy: 1, economic: 1 },               // unknown items: the lowest level, so estimates never rest on a guess upward
};

/**
 * 社会的責任度 by sector: 2 for public bodies, healthcare and finance (the model's 公的機関・医療機関・
 * 金融機関); 1 for the rest. The model also gives 2 to large firms, which the record cannot tell:
 * users who track only listed companies can raise sectors in the settings file.
 */
export const DEFAULT_SECTOR_RESPONSIBILITY: Record<Sector, 1 | 2> = {
  healthcare: 2, government: 2, finance: 2,
  education: 1, ecommerce: 1, retail: 1, manufacturing: 1, it: 1, media: 1, real_estate: 1, services: 1,
  nonprofit: 1, other: 1,
};

export interface JnsaTables {
  dataTypes: Record<DataType, EpLevels>;
  sectors: Record<Sector, 1 | 2>;
}

export const DEFAULT_JNSA_TABLES: JnsaTables = { dataTypes: DEFAULT_DATA_TYPE_LEVELS, sectors: DEFAULT_SECTOR_RESPONSIBILITY };

export const BASE_YEN = 500;

export interface DamageEstimate {
  incidentId: number;
  /** 機微情報度の入力: the highest privacy level among the leaked data types, and the type that set it. */
  privacy: { level: Level; setBy: DataType | null };
  economic: { level: Level; setBy: DataType | null };
  /** 機微情報度 = 10^(privacy−1) + 5^(economic−1) */
  sensitivity: number;
  /** 本人特定容易度: 6 name and address, 3 name alone or address and phone, 1 otherwise. */
  identifiability: { factor: 1 | 3 | 6; because: string };
  /** 社会的責任度 */
  socialResponsibility: { factor: 1 | 2; because: string };
  /** 事後対応評価: 1 appropriate or unknown, 2 inappropriate; the record holds no judgement, so 1. */
  response: { factor: 1 | 2; because: string };
  perPerson: number;
  people: number | null;
  /** perPerson × people; null when the notice gives no count. */
  total: number | null;
}

export function sensitivityOf(privacy: Level, economic: Level): number {
  return 10 ** (privacy - 1) + 5 ** (economic - 1);
}

function highest(types: readonly DataType[], tables: JnsaTables, axis: keyof EpLevels): { level: Level; setBy: DataType | null } {
  let best: { level: Level; setBy: DataType | null } = { level: 1, setBy: null };
  for (const t of types) {
    const level = tables.dataTypes[t][axis];
    // The first type at the highest level names it; with no data types the level is 1, set by none.
    if (best.setBy === null ? level >= best.level : level > best.level) best = { level, setBy: t };
  }
  return best;
}

export function identifiabilityOf(types: readonly DataType[]): DamageEstimate['identifiability'] {
  const has = (t: DataType) => types.includes(t);
  if (has('name') && has('address')) return { factor: 6, because: '氏名と住所 name and address' };
  if (has('name')) return { factor: 3, because: '氏名 name' };
  if (has('address') && has('phone')) return { factor: 3, because: '住所と電話番号 address and phone' };
  return { factor: 1, because: 'それ以外 neither name nor address with phone' };
}

/** The model's formula on its own: per person ¥ from the five inputs. */
export function perPersonYen(privacy: Level, economic: Level, identifiability: 1 | 3 | 6, social: 1 | 2, response: 1 | 2): number {
  return BASE_YEN * sensitivityOf(privacy, economic) * identifiability * social * response;
}

/**
 * `response` is 1 unless a person knows the organisation's handling was inappropriate (late notice,
 * no apology): the record holds no such judgement, so callers pass it only when they have one.
 */
export function estimateDamage(
  row: FactRow,
  tables: JnsaTables = DEFAULT_JNSA_TABLES,
  response: DamageEstimate['response'] = { factor: 1, because: '不明 (unknown): counted as appropriate' },
): DamageEstimate {
  // The model takes each axis's highest level among everything that leaked (one item sets each axis).
  const privacy = highest(row.dataTypes, tables, 'privacy');
  const economic = highest(row.dataTypes, tables, 'economic');
  const sensitivity = sensitivityOf(privacy.level, economic.level);
  const identifiability = identifiabilityOf(row.dataTypes);
  const socialResponsibility = row.sector
    ? { factor: tables.sectors[row.sector], because: `sector ${row.sector}` }
    : { factor: 1 as const, because: 'sector unknown' };
  const perPerson = perPersonYen(privacy.level, economic.level, identifiability.factor, socialResponsibility.factor, response.factor);
  return {
    incidentId: row.id, privacy, economic, sensitivity, identifiability, socialResponsibility, response, perPerson,
    people: row.affectedCount,
    total: row.affectedCount === null ? null : perPerson * row.affectedCount,
  };
}

export interface DamageSummary {
  incidents: number;
  /** Incidents with a count of people: what the total rests on. */
  estimated: number;
  total: number;
  largest: { incidentId: number; total: number }[];
}

export function summarizeDamages(estimates: readonly DamageEstimate[]): DamageSummary {
  const priced = estimates.filter((e): e is DamageEstimate & { total: number } => e.total !== null);
  return {
    incidents: estimates.length,
    estimated: priced.length,
    total: priced.reduce((a, e) => a + e.total, 0),
    largest: [...priced].sort((a, b) => b.total - a.total).slice(0, 10).map((e) => ({ incidentId: e.incidentId, total: e.total })),
  };
}
