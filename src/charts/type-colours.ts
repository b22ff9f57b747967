// One colour per incident type, the same on every chart that draws types (the dashboard's and the
// annual report's): a stacked month chart with ECharts' palette of nine repeats colours past nine types,
// so ransomware and loss could share one. Attacks are reds and blues, slips yellows and greys.
import type { IncidentType } from '../core/record.ts';

export const TYPE_COLOURS: Readonly<Record<IncidentType | 'unknown', string>> = {
  ransomware: '#c62828',
  web_skimming: '#ad1457',
  sql_injection: '#6a1b9a',
  unauthorized_access: '#283593',
  credential_stuffing: '#1e88e5',
  account_takeover: '#00838f',
  phishing: '#26a69a',
  malware: '#2e7d32',
  support_scam: '#9e9d24',
  insider: '#ef6c00',
  theft: '#8d6e63',
  misconfiguration: '#fbc02d',
  misdelivery: '#7986cb',
  loss: '#78909c',
  ddos: '#4e342e',
  outage: '#b39ddb',
  other: '#bdbdbd',
  unknown: '#424242',
};

export const typeColour = (type: IncidentType | 'unknown' | null): string => TYPE_COLOURS[type ?? 'unknown'];
