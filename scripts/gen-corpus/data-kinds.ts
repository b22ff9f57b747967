// Kinds of personal data, the words notices use for them, and the groups of people a notice counts.
import type { Rng } from './prng.ts';
import type { Organization } from './organizations.ts';

export interface DataWord {
  /** SPEC data_types values the word states (カード名義人名 is a name). */
  types: string[];
  word: string;
}

const WORDS: Record<string, string[]> = {
  name: ['氏名', 'お名前', '氏名（フリガナ）'],
  address: ['住所', 'ご住所', '郵便番号・住所'],
  phone: ['電話番号', '携帯電話番号'],
  email: ['メールアドレス', '電子メールアドレス'],
  birthdate: ['生年月日'],
  gender: ['性別'],
  password: ['パスワード', 'ログインパスワード'],
  login_id: ['ログインID', '会員ID'],
  medical: ['病名', '診療内容', '検査結果', '処方内容'],
  photo: ['顔写真'],
  employee_id: ['社員番号', '職員番号'],
  student_id: ['学籍番号'],
  bank_account: ['口座番号', '金融機関口座情報'],
  other: ['会社名', '部署名', '購入履歴', '勤務先', '学年', '会員番号', '契約内容'],
};

function word(rng: Rng, type: string): DataWord {
  return { types: [type], word: rng.pick(WORDS[type]!) };
}

/** Card data as skimming notices list it: the holder's name, number, expiry, security code. */
export function cardWords(rng: Rng, withCode: boolean): DataWord[] {
  const out: DataWord[] = [
    { types: ['name'], word: rng.pick(['カード名義人名', 'カード名義人氏名']) },
    { types: ['credit_card'], word: rng.pick(['クレジットカード番号', 'カード番号']) },
    { types: ['credit_card'], word: '有効期限' },
  ];
  if (withCode) out.push({ types: ['card_security_code'], word: 'セキュリティコード' });
  return out;
}

const BY_SECTOR: Record<string, string[]> = {
  healthcare: ['name', 'birthdate', 'address', 'phone', 'medical', 'gender'],
  education: ['name', 'student_id', 'email', 'phone', 'address', 'other'],
  government: ['name', 'address', 'phone', 'birthdate', 'email', 'gender', 'other'],
  finance: ['name', 'address', 'phone', 'birthdate', 'bank_account', 'other'],
  ecommerce: ['name', 'address', 'phone', 'email', 'login_id', 'password', 'other'],
  manufacturing: ['name', 'phone', 'email', 'other', 'employee_id'],
};
const DEFAULT_POOL = ['name', 'address', 'phone', 'email', 'birthdate', 'gender', 'other'];

/** Two to five data words fitting the organisation; name almost always first, as notices list it. */
export function randomDataWords(rng: Rng, org: Organization, only?: string[]): DataWord[] {
  const pool = only ?? BY_SECTOR[org.sector] ?? DEFAULT_POOL;
  const k = Math.min(pool.length, rng.int(2, 5));
  const types = rng.sample(pool, k);
  if (!only && !types.includes('name') && rng.chance(0.85)) types.unshift('name');
  types.sort((a, b) => (a === 'name' ? -1 : b === 'name' ? 1 : 0));
  return types.map((t) => word(rng, t));
}

export function employeeWords(rng: Rng): DataWord[] {
  return [word(rng, 'name'), word(rng, 'employee_id'), ...rng.sample([word(rng, 'address'), word(rng, 'birthdate'), word(rng, 'phone')], 2)];
}

export function typesOf(words: readonly DataWord[]): string[] {
  return [...new Set(words.flatMap((w) => w.types))];
}

/** Japanese list of words: 「氏名、住所及び電話番号」 or 「氏名、住所、電話番号」. */
export function joinWords(rng: Rng, words: readonly DataWord[]): string {
  const ws = words.map((w) => w.word);
  if (ws.length > 1 && rng.chance(0.35)) return `${ws.slice(0, -1).join('、')}${rng.pick(['及び', 'および'])}${ws[ws.length - 1]}`;
  return ws.join('、');
}

/** The groups of people a notice can count separately, by sector. */
export function groupLabels(org: Organization): string[] {
  switch (org.sector) {
    case 'healthcare':
      return ['外来患者', '入院患者', '健診受診者', '職員'];
    case 'education':
      return ['在学生', '卒業生', '受験生', '教職員'];
    case 'government':
      return ['申請者', '住民', '事業者', '職員'];
    case 'manufacturing':
      return ['お取引先様の担当者', '当社従業員', '当社退職者'];
    default:
      return ['会員', '非会員でご購入のお客様', 'お問い合わせをいただいたお客様', '採用応募者'];
  }
}
