// The one type an incident of several types is counted under where a chart stacks or colours incidents.
import type { IncidentType } from '../../core/record.ts';

/**
 * Which of an incident's types it is stacked under: attacks first, then deliberate taking, then
 * slips, then what takes no data — the order of tsr-cause.ts's priority, so the stack agrees with
 * the cause table (a bank clerk who took data and mis-sent it is an insider case).
 */
export const MAIN_TYPE_ORDER: readonly IncidentType[] = [
  'ransomware', 'web_skimming', 'sql_injection', 'unauthorized_access', 'credential_stuffing', 'account_takeover',
  'phishing', 'malware', 'support_scam', 'insider', 'theft', 'misconfiguration', 'misdelivery', 'loss',
  'ddos', 'outage', 'other',
];

export function mainType(types: readonly IncidentType[]): IncidentType | null {
  return MAIN_TYPE_ORDER.find((t) => types.includes(t)) ?? null;
}
