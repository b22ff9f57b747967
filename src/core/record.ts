// The incident record of shared SPEC.md: the keys, their allowed values, and evidence spans.

export const KINDS = ['incident', 'claim_list', 'other'] as const;
export type Kind = (typeof KINDS)[number];

export const INCIDENT_TYPES = [
  'ransomware', 'unauthorized_access', 'web_skimming', 'sql_injection', 'credential_stuffing',
  'account_takeover', 'phishing', 'malware', 'support_scam', 'misconfiguration', 'misdelivery',
  'loss', 'theft', 'insider', 'ddos', 'outage', 'other',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const DATA_TYPES = [
  'name', 'address', 'phone', 'email', 'birthdate', 'gender', 'credit_card', 'card_security_code',
  'bank_account', 'password', 'login_id', 'medical', 'photo', 'employee_id', 'student_id', 'other',
] as const;
export type DataType = (typeof DATA_TYPES)[number];

export const SECTORS = [
  'healthcare', 'government', 'education', 'ecommerce', 'retail', 'manufacturing', 'finance', 'it',
  'media', 'real_estate', 'services', 'nonprofit', 'other',
] as const;
export type Sector = (typeof SECTORS)[number];

export const DISCOVERY_CHANNELS = [
  'internal_detection', 'customer_report', 'card_company', 'external_researcher', 'police',
  'vendor_report', 'attacker_claim', 'other',
] as const;
export type Discovery = (typeof DISCOVERY_CHANNELS)[number];

/** `[start, end)` UTF-16 offsets into the post's text as stored (before normalisation). */
export type Span = readonly [number, number];

/** The keys of SPEC.md in their printed order; `evidence` follows them. */
export const RECORD_KEYS = [
  'header', 'casebook_id', 'kind', 'organization', 'title', 'disclosure_date', 'incident_types',
  'affected_count', 'data_types', 'sector', 'reported_to_ppc', 'reported_to_police',
  'contractor_involved', 'attacker', 'discovery', 'occurred_date', 'discovered_date',
] as const;
export type RecordKey = (typeof RECORD_KEYS)[number];

/** How sure the rule that produced a value is: review starts with `low`. */
export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export interface IncidentRecord {
  header: string;
  casebook_id: string | null;
  kind: Kind;
  organization: string | null;
  title: string | null;
  /** 公表日, YYYY-MM-DD */
  disclosure_date: string | null;
  incident_types: IncidentType[];
  affected_count: number | null;
  data_types: DataType[];
  sector: Sector | null;
  /** 個人情報保護委員会への報告 */
  reported_to_ppc: boolean;
  reported_to_police: boolean;
  /** 委託先・保守業者が関与 */
  contractor_involved: boolean;
  attacker: string | null;
  discovery: Discovery | null;
  occurred_date: string | null;
  discovered_date: string | null;
  /** For each key with a value read from the text, where the text states it. */
  evidence: Partial<Record<RecordKey, Span[]>>;
  /**
   * For each key with a stated value (non-null, true, non-empty), how sure the extractor is. Always set by
   * the extractor from 1.1.0; optional because records stored by earlier versions do not carry it.
   */
  confidence?: Partial<Record<RecordKey, Confidence>>;
  /** The keys whose confidence is `low`, in RECORD_KEYS order: where review should start. */
  low_confidence?: RecordKey[];
}

/** Field labels shown to people; English names with the Japanese term. */
export const FIELD_LABELS: Record<RecordKey, string> = {
  header: '見出し header',
  casebook_id: '事件簿番号 casebook id',
  kind: '種別 kind',
  organization: '組織 organization',
  title: '件名 title',
  disclosure_date: '公表日 disclosed',
  incident_types: '事案の種類 incident types',
  affected_count: '影響人数 affected',
  data_types: '漏えい項目 data types',
  sector: '業種 sector',
  reported_to_ppc: '個人情報保護委員会へ報告 reported to PPC',
  reported_to_police: '警察へ届出 reported to police',
  contractor_involved: '委託先の関与 contractor involved',
  attacker: '攻撃者 attacker',
  discovery: '発覚の経緯 discovery',
  occurred_date: '発生日 occurred',
  discovered_date: '発覚日 discovered',
};
