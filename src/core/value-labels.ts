// Names people read for the taxonomy values of record.ts (incident types, sectors, data types,
// discovery channels), in Japanese and English: charts, reports and pages label categories with them.
import type { DataType, Discovery, IncidentType, Sector } from './record.ts';

export type LabelLocale = 'ja' | 'en';

const INCIDENT_TYPE: Record<IncidentType, [ja: string, en: string]> = {
  ransomware: ['ランサムウェア', 'ransomware'],
  unauthorized_access: ['不正アクセス', 'unauthorised access'],
  web_skimming: ['Webスキミング', 'web skimming'],
  sql_injection: ['SQLインジェクション', 'SQL injection'],
  credential_stuffing: ['リスト型攻撃', 'credential stuffing'],
  account_takeover: ['アカウント乗っ取り', 'account takeover'],
  phishing: ['フィッシング', 'phishing'],
  malware: ['マルウェア感染', 'malware'],
  support_scam: ['サポート詐欺', 'support scam'],
  misconfiguration: ['設定不備', 'misconfiguration'],
  misdelivery: ['誤送信・誤送付', 'misdelivery'],
  loss: ['紛失', 'loss'],
  theft: ['盗難', 'theft'],
  insider: ['内部不正', 'insider'],
  ddos: ['DDoS攻撃', 'DDoS'],
  outage: ['システム障害', 'outage'],
  other: ['その他', 'other'],
};

const SECTOR: Record<Sector, [string, string]> = {
  healthcare: ['医療・福祉', 'healthcare'],
  government: ['官公庁・自治体', 'government'],
  education: ['教育', 'education'],
  ecommerce: ['EC・通販', 'e-commerce'],
  retail: ['小売', 'retail'],
  manufacturing: ['製造', 'manufacturing'],
  finance: ['金融・保険', 'finance'],
  it: ['情報通信', 'IT'],
  media: ['メディア', 'media'],
  real_estate: ['不動産', 'real estate'],
  services: ['サービス', 'services'],
  nonprofit: ['非営利団体', 'non-profit'],
  other: ['その他', 'other'],
};

const DATA_TYPE: Record<DataType, [string, string]> = {
  name: ['氏名', 'name'],
  address: ['住所', 'address'],
  phone: ['電話番号', 'phone'],
  email: ['メールアドレス', 'email'],
  birthdate: ['生年月日', 'birth date'],
  gender: ['性別', 'gender'],
  credit_card: ['クレジットカード番号', 'card number'],
  card_security_code: ['セキュリティコード', 'card security code'],
  bank_account: ['口座情報', 'bank account'],
  password: ['パスワード', 'password'],
  login_id: ['ログインID', 'login ID'],
  medical: ['医療情報', 'medical'],
  photo: ['写真', 'photo'],
  employee_id: ['社員番号', 'employee ID'],
  student_id: ['学籍番号', 'student ID'],
  other: ['その他', 'other'],
};

const DISCOVERY: Record<Discovery, [string, string]> = {
  internal_detection: ['社内で検知', 'internal detection'],
  customer_report: ['顧客からの連絡', 'customer report'],
  card_company: ['カード会社からの連絡', 'card company'],
  external_researcher: ['外部の研究者', 'external researcher'],
  police: ['警察からの連絡', 'police'],
  vendor_report: ['委託先・ベンダーからの報告', 'vendor report'],
  attacker_claim: ['攻撃者の声明', 'attacker claim'],
  other: ['その他', 'other'],
};

const pick = (pair: [string, string], locale: LabelLocale) => (locale === 'ja' ? pair[0] : pair[1]);

export const incidentTypeLabel = (v: IncidentType, locale: LabelLocale = 'ja') => pick(INCIDENT_TYPE[v], locale);
export const sectorLabel = (v: Sector, locale: LabelLocale = 'ja') => pick(SECTOR[v], locale);
export const dataTypeLabel = (v: DataType, locale: LabelLocale = 'ja') => pick(DATA_TYPE[v], locale);
export const discoveryLabel = (v: Discovery, locale: LabelLocale = 'ja') => pick(DISCOVERY[v], locale);
