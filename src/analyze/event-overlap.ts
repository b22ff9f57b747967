// Whether two notices could describe one event: overlapping facts and a plausible time gap.

import type { IncidentRecord, IncidentType } from '../core/record.ts';

/** Incident types grouped by what happened; a follow-up may name the type more precisely than the first notice. */
const FAMILY: Record<IncidentType, string | null> = {
  ransomware: 'intrusion', unauthorized_access: 'intrusion', web_skimming: 'intrusion', sql_injection: 'intrusion',
  credential_stuffing: 'intrusion', account_takeover: 'intrusion', malware: 'intrusion', phishing: 'intrusion',
  support_scam: 'intrusion', ddos: 'availability', outage: 'availability',
  misconfiguration: 'error', misdelivery: 'error', loss: 'physical', theft: 'physical', insider: 'insider',
  other: null,
};

/** ~18 months: a final report can follow the first notice by more than a year, an unrelated repeat usually later. */
export const FOLLOW_UP_WINDOW_DAYS = 548;

/** The date a notice is placed at in time: when it was disclosed, else when the event was found or began. */
export function eventDate(r: IncidentRecord): string | null {
  return r.disclosure_date ?? r.discovered_date ?? r.occurred_date;
}

export function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

/** True when either date is unknown: the window can only rule pairs out on known dates. */
export function withinWindow(a: IncidentRecord, b: IncidentRecord, days = FOLLOW_UP_WINDOW_DAYS): boolean {
  const da = eventDate(a);
  const db = eventDate(b);
  return da === null || db === null || daysBetween(da, db) <= days;
}

/** The shared fact, said in words, or null: one type family, or the same day of occurrence or discovery. */
export function sharedEventFact(a: IncidentRecord, b: IncidentRecord): string | null {
  const date = sharedEventDate(a, b);
  return date !== null ? `same event date ${date}` : sharedKind(a, b);
}

/** One type family in both, said in words, or null. */
export function sharedKind(a: IncidentRecord, b: IncidentRecord): string | null {
  const families = new Set(a.incident_types.map((t) => FAMILY[t]).filter((f) => f !== null));
  const shared = b.incident_types.find((t) => FAMILY[t] !== null && families.has(FAMILY[t]));
  return shared === undefined ? null : `same kind of event (${FAMILY[shared]})`;
}

/** The day both notices give for the event (begun or found), or null. */
export function sharedEventDate(a: IncidentRecord, b: IncidentRecord): string | null {
  for (const date of [a.occurred_date, a.discovered_date]) {
    if (date !== null && (date === b.occurred_date || date === b.discovered_date)) return date;
  }
  return null;
}

/**
 * Where only the kind of event is shared (no day, no cited notice), a follow-up further than a year
 * from the earlier notice is another incident, and a partner's notice further than half a year
 * another event of that partner: clients publish within weeks of their contractor.
 */
export const KIND_ONLY_FOLLOW_UP_DAYS = 365;
export const KIND_ONLY_PARTNER_DAYS = 183;

/** Occurrence dates further apart than this are two events, when the earlier notice has no date of its own. */
export const SAME_EVENT_DAYS = 31;

/**
 * Why `later` cannot report the event `earlier` disclosed, or null: it happened after the earlier
 * notice was published (or, that notice undated, well after the earlier event). A later notice that
 * dates the event earlier is no contradiction: follow-ups often find the true start.
 */
export function otherEvent(earlier: IncidentRecord, later: IncidentRecord): string | null {
  const happened = later.occurred_date;
  if (happened === null) return null;
  const published = earlier.disclosure_date;
  if (published !== null) return happened > published ? `occurred ${happened}, after the notice of ${published}` : null;
  const before = earlier.occurred_date;
  return before !== null && happened > before && daysBetween(before, happened) > SAME_EVENT_DAYS
    ? `occurred ${before} and ${happened}` : null;
}

/** The two days the notices give for one field of the event when they differ (both stated), or null. */
export function differentEventDays(a: IncidentRecord, b: IncidentRecord): string | null {
  for (const field of ['occurred_date', 'discovered_date'] as const) {
    const [x, y] = [a[field], b[field]];
    if (x !== null && y !== null && x !== y) return `${field} ${x} and ${y}`;
  }
  return null;
}
