// How each kind of incident is coded in VERIS, row by row, as the VERIS Community Database (VCDB) codes
// such incidents, so that every export passes checkValidity.py's cross-field rules
// (veris-validity-rules.ts). Each row names the VCDB files (../shared/vendor-data/vcdb/validated/) it follows
// and the share of VCDB's incidents of that kind coded that way (a sample of 1,000 VCDB files).
import type { IncidentType } from '../core/record.ts';

export type ActionCategory = 'hacking' | 'malware' | 'social' | 'error' | 'misuse' | 'physical';
export interface ActionPart { category: ActionCategory; variety: string[]; vector: string[]; target?: string[] }
export type Disclosure = 'Yes' | 'Potentially' | 'Unknown';

export interface VerisCoding {
  action: ActionPart[];
  /** attribute.integrity.variety (malware → Software installation, social → Alter behavior, SQLi → Repurpose). */
  integrity?: string[];
  /** attribute.availability.variety (a loss or theft → Loss). */
  availability?: string[];
  /** asset.assets varieties when the incident's title names no medium (see MEDIUM_ASSETS). */
  assets: string[];
  /** attribute.confidentiality.data_disclosure. */
  disclosure: Disclosure;
  /** value_chain stage → varieties. */
  valueChain?: Record<string, string[]>;
  /** The external actor's variety and motive (named attackers, thieves); internal ones for errors. */
  external?: { variety: string; motive: string };
  internal?: { variety: string; motive: string };
  /** The asset is the medium itself (a lost USB stick, a mis-sent fax): a medium the title names replaces `assets`. */
  mediumIsAsset?: boolean;
  /** The VCDB pattern the row follows. */
  vcdb: string;
}

/**
 * | jikenbo | VERIS | VCDB pattern followed |
 * |---|---|---|
 * | loss | error Loss (Carelessness); availability Loss; M - Documents | 089D303D… (lost memory sticks), 0B847E92… (lost papers) |
 * | theft | physical Theft; availability Loss; U - Desktop or laptop; external, Financial | 91E6A812… (stolen phone), 00286a56… |
 * | misdelivery | error Misdelivery (Carelessness); disclosure Yes; M - Documents, S - Mail for mail | 00D1A6FE…, 0DEFAE56… |
 * | misconfiguration | error Misconfiguration (Carelessness); S - Database; internal System admin | 0b9ac179… |
 * | web_skimming | hacking Exploit vuln (Web application) + malware Capture app data (Direct install); Software installation; S - Web application | A314D0DF…, 3FA251EA… |
 * | ransomware | malware Ransomware; Software installation; Obscuration; cash-out Cryptocurrency; Organized crime, Financial | 041a81aa…, 0479FCC6… |
 * | insider | misuse Privilege abuse; disclosure Yes; S - Database; internal | 0001AA7F… |
 * | account_takeover | hacking Use of stolen creds (Web application); S - Web application | 2BA94FC1…, 2E171B9D… |
 * | credential_stuffing | hacking Brute force + Use of stolen creds (Web application); targeting Lost or stolen credentials | 18CFF554…, c376d1bd… |
 * | phishing | social Phishing (Email); Alter behavior; development Email, targeting Email addresses, distribution Email; P - Unknown | 13356136…, 111992b7… |
 * | sql_injection | hacking SQLi + Exploit vuln (Web application); Repurpose; S - Web application, S - Database | 434E52F3… |
 */
export const CODING_OF_TYPE: Record<IncidentType, VerisCoding> = {
  ransomware: {
    action: [{ category: 'malware', variety: ['Ransomware'], vector: ['Unknown'] }],
    integrity: ['Software installation'], availability: ['Obscuration'], assets: ['S - Unknown'], disclosure: 'Potentially',
    valueChain: { 'cash-out': ['Cryptocurrency'], development: ['Ransomware'] },
    external: { variety: 'Organized crime', motive: 'Financial' },
    vcdb: 'malware Ransomware, 30 of 1,000: integrity Software installation 27, availability Obscuration 27, Organized crime/Financial 21, cash-out Cryptocurrency 29 (041a81aa, 0479FCC6)',
  },
  unauthorized_access: {
    action: [{ category: 'hacking', variety: ['Unknown'], vector: ['Unknown'] }],
    assets: ['S - Unknown'], disclosure: 'Potentially', external: { variety: 'Unknown', motive: 'Unknown' },
    vcdb: 'hacking Unknown: the server is S - Unknown until the notice says more',
  },
  web_skimming: {
    action: [
      { category: 'malware', variety: ['Capture app data'], vector: ['Direct install'] },
      { category: 'hacking', variety: ['Exploit vuln'], vector: ['Web application'] },
    ],
    integrity: ['Software installation'], assets: ['S - Web application'], disclosure: 'Potentially',
    // An exploited vulnerability is what was targeted (checkValidity.py's recommendation for Exploit vuln).
    valueChain: { development: ['Unknown'], targeting: ['Vulnerabilities'] },
    external: { variety: 'Unknown', motive: 'Financial' },
    vcdb: 'malware Capture app data on a web server, 4 of 1,000: all integrity Software installation, S - Web application, Financial (A314D0DF, 3FA251EA)',
  },
  sql_injection: {
    action: [{ category: 'hacking', variety: ['SQLi', 'Exploit vuln'], vector: ['Web application'] }],
    integrity: ['Repurpose'], assets: ['S - Web application', 'S - Database'], disclosure: 'Potentially',
    valueChain: { targeting: ['Vulnerabilities'] },
    external: { variety: 'Unknown', motive: 'Unknown' },
    vcdb: 'hacking SQLi, 16 of 1,000: SQLi + Exploit vuln over Web application 14, integrity Repurpose 15, S - Web application 16 (434E52F3)',
  },
  credential_stuffing: {
    action: [{ category: 'hacking', variety: ['Brute force', 'Use of stolen creds'], vector: ['Web application'] }],
    assets: ['S - Web application'], disclosure: 'Potentially',
    valueChain: { targeting: ['Lost or stolen credentials'] },
    external: { variety: 'Unknown', motive: 'Financial' },
    vcdb: 'lists of stolen passwords tried on a login page: Brute force + Use of stolen creds (18CFF554), targeting Lost or stolen credentials (c376d1bd)',
  },
  account_takeover: {
    action: [{ category: 'hacking', variety: ['Use of stolen creds'], vector: ['Web application'] }],
    assets: ['S - Web application'], disclosure: 'Potentially', external: { variety: 'Unknown', motive: 'Unknown' },
    vcdb: 'hacking Use of stolen creds over Web application, 14 of 29, on S - Web application (2BA94FC1, 2E171B9D)',
  },
  phishing: {
    action: [{ category: 'social', variety: ['Phishing'], vector: ['Email'], target: ['End-user or employee'] }],
    integrity: ['Alter behavior'], assets: ['P - End-user or employee'], disclosure: 'Potentially',
    valueChain: { development: ['Email'], targeting: ['Email addresses'], distribution: ['Email'] },
    external: { variety: 'Unknown', motive: 'Unknown' },
    vcdb: 'social Phishing, 39 of 1,000: vector Email 36, integrity Alter behavior, development Email 34, a person (P -) as asset (13356136, 111992b7)',
  },
  malware: {
    action: [{ category: 'malware', variety: ['Unknown'], vector: ['Unknown'] }],
    integrity: ['Software installation'], assets: ['U - Desktop or laptop'], disclosure: 'Potentially',
    valueChain: { development: ['Unknown'] },
    external: { variety: 'Unknown', motive: 'Unknown' },
    vcdb: 'malware on a user device: integrity Software installation (checkValidity.py), U - Desktop or laptop',
  },
  support_scam: {
    action: [{ category: 'social', variety: ['Scam'], vector: ['Web application', 'Phone'], target: ['End-user or employee'] }],
    integrity: ['Alter behavior'], assets: ['P - End-user or employee'], disclosure: 'Potentially',
    // The fake warning page is a site the scammers built (checkValidity.py: social over Web application → Website).
    valueChain: { development: ['Website'] },
    external: { variety: 'Unknown', motive: 'Financial' },
    vcdb: 'social Scam over Web application, a person as asset (c376d1bd)',
  },
  misconfiguration: {
    mediumIsAsset: true,
    action: [{ category: 'error', variety: ['Misconfiguration'], vector: ['Carelessness'] }],
    assets: ['S - Database'], disclosure: 'Potentially', internal: { variety: 'System admin', motive: 'NA' },
    vcdb: 'error Misconfiguration, 36 of 1,000: Carelessness 20, S - Database 21, internal System admin 20 (0b9ac179)',
  },
  misdelivery: {
    mediumIsAsset: true,
    action: [{ category: 'error', variety: ['Misdelivery'], vector: ['Carelessness'] }],
    assets: ['M - Documents'], disclosure: 'Yes', internal: { variety: 'Unknown', motive: 'NA' },
    vcdb: 'error Misdelivery, 122 of 1,000: Carelessness 69, M - Documents 78, disclosure Yes 97, internal Unknown/NA 99 (00D1A6FE, 0DEFAE56 for mail)',
  },
  loss: {
    mediumIsAsset: true,
    action: [{ category: 'error', variety: ['Loss'], vector: ['Carelessness'] }],
    availability: ['Loss'], assets: ['M - Documents'], disclosure: 'Potentially', internal: { variety: 'Unknown', motive: 'NA' },
    vcdb: 'error Loss, 36 of 1,000: availability Loss 36, Carelessness 20, M - Documents 18, M - Flash drive 9, internal Unknown/NA 24 (089D303D, 0B847E92)',
  },
  theft: {
    mediumIsAsset: true,
    action: [{ category: 'physical', variety: ['Theft'], vector: ['Unknown'] }],
    availability: ['Loss'], assets: ['U - Desktop or laptop'], disclosure: 'Potentially',
    external: { variety: 'Unknown', motive: 'Financial' },
    vcdb: 'physical Theft, 131 of 1,000: availability Loss 129, U - Desktop or laptop 65, external Unknown/Financial 71 (91E6A812, 00286a56)',
  },
  insider: {
    action: [{ category: 'misuse', variety: ['Privilege abuse'], vector: ['Unknown'] }],
    assets: ['S - Database'], disclosure: 'Yes', internal: { variety: 'Unknown', motive: 'Unknown' },
    vcdb: 'misuse Privilege abuse, 145 of 1,000: S - Database 93, disclosure Yes 132, an internal actor (0001AA7F)',
  },
  ddos: {
    action: [{ category: 'hacking', variety: ['DoS'], vector: ['Web application'] }],
    availability: ['Interruption'], assets: ['S - Web application'], disclosure: 'Unknown',
    external: { variety: 'Unknown', motive: 'Unknown' },
    vcdb: 'hacking DoS, 20 of 1,000: vector Web application 13, availability Interruption 19, S - Web application 17 (0D81B53F)',
  },
  outage: {
    action: [{ category: 'error', variety: ['Malfunction'], vector: ['Unknown'] }],
    availability: ['Interruption'], assets: ['S - Unknown'], disclosure: 'Unknown', internal: { variety: 'Unknown', motive: 'NA' },
    vcdb: 'error Malfunction: availability Interruption (16618345)',
  },
  other: { action: [], assets: [], disclosure: 'Unknown', vcdb: 'no action of its own' },
};

/**
 * Media a notice's title names → the asset VCDB codes them as (a lost USB stick is M - Flash drive,
 * 089D303D; a stolen phone U - Mobile phone, 91E6A812; a mis-sent mail S - Mail, 00D1A6FE). First match
 * per pattern; a named medium replaces the row's default assets where the medium is the asset (loss,
 * theft, misdelivery, misconfiguration), and joins them elsewhere (a phishing mail: S - Mail beside the person deceived).
 */
export const MEDIUM_ASSETS: readonly [RegExp, string][] = [
  [/USB|ＵＳＢ|フラッシュメモリ|メモリ(ー)?カード|SDカード|ＳＤカード/i, 'M - Flash drive'],
  [/ノート(型)?(パソコン|PC|ＰＣ)/i, 'U - Laptop'],
  [/(?<!ノート(型)?)(パソコン|(?<![A-Za-z])PC(?![A-Za-z])|ＰＣ)/, 'U - Desktop or laptop'],
  [/スマートフォン|スマホ|携帯電話/, 'U - Mobile phone'],
  [/タブレット/, 'U - Tablet'],
  [/ハードディスク|HDD|ＨＤＤ/i, 'M - Disk drive'],
  [/(?<![A-Za-z])(CD|DVD)(?![A-Za-z])|ＣＤ|ＤＶＤ|光ディスク/, 'M - Disk media'],
  [/FAX|ＦＡＸ|ファクス|ファックス/i, 'M - Fax'],
  [/書類|名簿|答案|帳票|伝票|台帳|申込書|申請書|通知書|郵便|封書|封筒|はがき|ハガキ|紙/, 'M - Documents'],
  [/メール|Ｅメール|e-?mail|BCC|ＢＣＣ/i, 'S - Mail'],
  [/クラウドストレージ|ファイル共有|ファイルサーバ|共有フォルダ/, 'S - File'],
];

/** Where a theft took place, as physical vector (VCDB: Personal vehicle 24 of 131 thefts, Personal residence 5). */
export const THEFT_VECTORS: readonly [RegExp, string][] = [
  [/車上|車内|自動車|車両|車から|社用車|自家用車/, 'Personal vehicle'],
  [/自宅/, 'Personal residence'],
  [/事務所|オフィス|社内|院内|校内|庁舎/, 'Victim work area'],
];

/** The assets a title names, in table order; empty when it names none. */
export function assetsNamedIn(text: string | null): string[] {
  if (!text) return [];
  return MEDIUM_ASSETS.filter(([pattern]) => pattern.test(text)).map(([, asset]) => asset);
}

export function theftVectorIn(text: string | null): string | null {
  if (!text) return null;
  return THEFT_VECTORS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}
