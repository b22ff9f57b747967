// One fictional incident: what happened (the facts a record states) and the sentences that tell it.
import type { Rng } from './prng.ts';
import { addDays, DateWriter, isoOf, randomDay, type Day } from './dates.ts';
import { randomContractor, randomOrganization, type Organization } from './organizations.ts';

export type EventType =
  | 'ransomware' | 'unauthorized_access' | 'web_skimming' | 'sql_injection' | 'credential_stuffing'
  | 'account_takeover' | 'phishing' | 'malware' | 'support_scam' | 'misconfiguration' | 'misdelivery'
  | 'loss' | 'theft' | 'insider' | 'ddos' | 'outage';

export type Discovery =
  | 'internal_detection' | 'customer_report' | 'card_company' | 'external_researcher' | 'police'
  | 'vendor_report' | 'attacker_claim';

export interface Incident {
  org: Organization;
  event: EventType;
  /** SPEC incident_types, most specific first. */
  types: string[];
  /** Whether the notice's words call it 不正アクセス (then unauthorized_access is among the types). */
  saysUnauthorized: boolean;
  occurred: Day | null;
  /** The last day of an exposure window, for skimming and open settings. */
  until: Day | null;
  discovered: Day;
  disclosure: Day;
  discovery: Discovery;
  contractor: string | null;
  attacker: string | null;
  reportedToPpc: boolean;
  reportedToPolice: boolean;
  /** Personal data can be involved (not for DDoS or an outage). */
  hasData: boolean;
  dates: DateWriter;
}

const EVENTS: ReadonlyArray<readonly [EventType, number]> = [
  ['ransomware', 12], ['unauthorized_access', 12], ['web_skimming', 8], ['sql_injection', 3], ['credential_stuffing', 4],
  ['account_takeover', 4], ['phishing', 5], ['malware', 5], ['support_scam', 3], ['misconfiguration', 6],
  ['misdelivery', 16], ['loss', 10], ['theft', 4], ['insider', 4], ['ddos', 2], ['outage', 2],
];

const RANSOM_GROUPS = ['LockBit', 'Akira', 'BlackCat', 'Qilin', '8Base', 'Medusa', 'Rhysida', 'BlackSuit', 'Play', 'Cl0p', 'RansomHub', 'Phobos'];
const DDOS_GROUPS = ['NoName057(16)', 'Anonymous Sudan', 'KillNet'];

const DISCOVERIES: Record<EventType, ReadonlyArray<readonly [Discovery, number]>> = {
  ransomware: [['internal_detection', 6], ['attacker_claim', 3], ['vendor_report', 2]],
  unauthorized_access: [['internal_detection', 5], ['external_researcher', 2], ['police', 1], ['vendor_report', 2], ['customer_report', 1]],
  web_skimming: [['card_company', 7], ['customer_report', 2], ['police', 1]],
  sql_injection: [['internal_detection', 2], ['external_researcher', 3]],
  credential_stuffing: [['internal_detection', 3], ['customer_report', 2]],
  account_takeover: [['customer_report', 3], ['internal_detection', 1]],
  phishing: [['internal_detection', 2], ['customer_report', 2]],
  malware: [['customer_report', 3], ['internal_detection', 2], ['vendor_report', 1]],
  support_scam: [['internal_detection', 1]],
  misconfiguration: [['external_researcher', 3], ['customer_report', 2], ['internal_detection', 2]],
  misdelivery: [['customer_report', 5], ['internal_detection', 4]],
  loss: [['internal_detection', 1]],
  theft: [['internal_detection', 1]],
  insider: [['police', 2], ['customer_report', 2], ['internal_detection', 1]],
  ddos: [['internal_detection', 2], ['vendor_report', 1]],
  outage: [['internal_detection', 1]],
};

const FIRST_DAY: Day = { y: 2016, m: 1, d: 1 };
const LAST_DAY: Day = { y: 2025, m: 12, d: 31 };

export function randomIncident(rng: Rng): Incident {
  let org = randomOrganization(rng);
  const event = rng.weighted(EVENTS);
  // Skimming happens to shops: a notice about it comes from one.
  if (event === 'web_skimming' && org.sector !== 'ecommerce' && org.sector !== 'retail') {
    while (org.sector !== 'ecommerce') org = randomOrganization(rng);
  }
  const disclosure = randomDay(rng, { y: 2016, m: 3, d: 1 }, LAST_DAY);
  const discovered = addDays(disclosure, -rng.int(1, 75));
  const sameDay = event === 'misdelivery' || event === 'loss' || event === 'theft' || event === 'outage' || event === 'ddos';
  let occurred: Day | null = sameDay ? addDays(discovered, rng.chance(0.6) ? 0 : -rng.int(1, 4)) : addDays(discovered, -rng.int(0, 40));
  let until: Day | null = null;
  if (event === 'web_skimming' || event === 'misconfiguration') {
    occurred = addDays(discovered, -rng.int(60, 400));
    until = discovered;
  }
  if (occurred && occurred.y < FIRST_DAY.y) occurred = FIRST_DAY;
  if ((event === 'ransomware' || event === 'unauthorized_access' || event === 'insider') && rng.chance(0.2)) occurred = null;

  const contractorPossible = ['ransomware', 'unauthorized_access', 'misdelivery', 'loss', 'insider', 'misconfiguration'].includes(event);
  const contractor = contractorPossible && rng.chance(0.22) ? randomContractor(rng) : null;
  let discovery = rng.weighted(DISCOVERIES[event]);
  if (contractor && rng.chance(0.6)) discovery = 'vendor_report';
  if (!contractor && discovery === 'vendor_report' && event !== 'ransomware' && event !== 'malware' && event !== 'ddos' && event !== 'unauthorized_access') {
    discovery = 'internal_detection';
  }

  const saysUnauthorized = ['unauthorized_access', 'web_skimming', 'sql_injection', 'phishing'].includes(event) || (event === 'ransomware' && rng.chance(0.75));
  const types = [event as string];
  if (saysUnauthorized && event !== 'unauthorized_access') types.push('unauthorized_access');

  const attacker =
    event === 'ransomware' && rng.chance(0.55) ? rng.pick(RANSOM_GROUPS) : event === 'ddos' && rng.chance(0.6) ? rng.pick(DDOS_GROUPS) : null;
  if (discovery === 'attacker_claim' && event === 'ransomware' && attacker === null) discovery = 'internal_detection';

  const hasData = event !== 'ddos' && event !== 'outage';
  const police = event === 'loss' || event === 'theft' ? rng.chance(0.85) : event === 'insider' || discovery === 'police' ? true : hasData && rng.chance(0.45);
  const ppc = hasData && rng.chance(org.isPublic ? 0.5 : 0.55);
  return {
    org, event, types, saysUnauthorized, occurred, until, discovered, disclosure, discovery, contractor, attacker,
    reportedToPpc: ppc, reportedToPolice: police, hasData, dates: DateWriter.random(rng),
  };
}

export function isoOrNull(day: Day | null): string | null {
  return day ? isoOf(day) : null;
}
