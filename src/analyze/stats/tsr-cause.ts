// Incidents by the four causes of 東京商工リサーチ's yearly survey of listed companies' leaks, so a
// casebook can be set beside its figures. Each incident counts once, under one cause.
import type { IncidentType } from '../../core/record.ts';
import type { FactRow } from './fact-row.ts';

export const TSR_CAUSES = ['ウイルス感染・不正アクセス', '誤表示・誤送信', '紛失・誤廃棄', '不正持ち出し・盗難'] as const;
export type TsrCause = (typeof TSR_CAUSES)[number];

/**
 * Our incident types → 東京商工リサーチ's cause. `null`: the type is no leak of personal data by
 * itself, so it has no cause of the four (the survey counts leaks only).
 */
export const TSR_CAUSE_OF: Record<IncidentType, TsrCause | null> = {
  ransomware: 'ウイルス感染・不正アクセス',          // ransomware infection: the survey's ウイルス感染
  unauthorized_access: 'ウイルス感染・不正アクセス', // the survey's 不正アクセス itself
  web_skimming: 'ウイルス感染・不正アクセス',         // a tampered payment page is reached by 不正アクセス to the site
  sql_injection: 'ウイルス感染・不正アクセス',        // an attack on the site: 不正アクセス
  credential_stuffing: 'ウイルス感染・不正アクセス',  // リスト型攻撃: logins by a third party, 不正アクセス (不正アクセス禁止法)
  account_takeover: 'ウイルス感染・不正アクセス',     // someone else using an account: 不正アクセス
  phishing: 'ウイルス感染・不正アクセス',             // stolen credentials then used to get in: 不正アクセス
  malware: 'ウイルス感染・不正アクセス',              // Emotet and the like: ウイルス感染
  support_scam: 'ウイルス感染・不正アクセス',         // the scammer's remote-control tool on a PC: 不正アクセス to it
  misconfiguration: '誤表示・誤送信',                // data left open by a setting: the survey files 設定ミス as 誤表示
  misdelivery: '誤表示・誤送信',                     // wrong address, CC instead of BCC, wrong attachment: 誤送信
  loss: '紛失・誤廃棄',                              // lost devices and papers; the survey puts 誤廃棄 here too
  theft: '不正持ち出し・盗難',                        // 盗難
  insider: '不正持ち出し・盗難',                      // staff or contractor taking data out: 不正持ち出し
  ddos: null,                                       // service down, nothing taken
  outage: null,                                     // failure, not a leak
  other: null,                                      // too vague to place; counted as 対象外
};

/**
 * When an incident's types map to several causes, the one named first here wins: an attack explains
 * a leak better than the slip it exploited (a phished PC that also mailed a wrong list is an attack),
 * and deliberate taking better than loss.
 */
const PRIORITY: readonly TsrCause[] = ['ウイルス感染・不正アクセス', '不正持ち出し・盗難', '誤表示・誤送信', '紛失・誤廃棄'];

export function tsrCauseOf(types: readonly IncidentType[]): TsrCause | null {
  const causes = new Set(types.map((t) => TSR_CAUSE_OF[t]).filter((c): c is TsrCause => c !== null));
  return PRIORITY.find((c) => causes.has(c)) ?? null;
}

export interface TsrCauseBreakdown {
  incidents: number;
  /** In the survey's order, every cause listed (0 when none). */
  rows: { cause: TsrCause; count: number; people: number }[];
  /** Incidents whose types map to none of the four (DDoS, outages, other, or no type). */
  none: number;
}

export function countByTsrCause(rows: readonly FactRow[]): TsrCauseBreakdown {
  const counts = new Map<TsrCause, { count: number; people: number }>(TSR_CAUSES.map((c) => [c, { count: 0, people: 0 }]));
  let none = 0;
  for (const r of rows) {
    const cause = tsrCauseOf(r.incidentTypes);
    if (!cause) { none += 1; continue; }
    const c = counts.get(cause)!;
    c.count += 1;
    c.people += r.affectedCount ?? 0;
  }
  return { incidents: rows.length, rows: TSR_CAUSES.map((cause) => ({ cause, ...counts.get(cause)! })), none };
}
