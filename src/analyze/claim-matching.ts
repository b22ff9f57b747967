// Proposes which incident a leak-site claim is about. A proposal needs evidence that both name the
// same organisation: equal names (the casebook's names also read as romaji), a domain people mapped to
// the incident's organisation, or the claim's own domain in the incident's notices. Similar-looking
// names and shared generic labels (example, group, co) are never evidence. Dates only order and
// weigh proposals. A person confirms each before it becomes a link.
import { hostOf } from '../core/host-name.ts';
import { hostKey, latinKey, organisationLatinKey, registrableDomain } from './org-latin-key.ts';
import { orgKey } from './org-name.ts';

export interface MatchableClaim {
  id: number;
  victim: string;
  domain: string | null;
  discoveredDate: string;
  /** The Japanese organisation a mapped domain belongs to. */
  parent: string | null;
}

export interface MatchableIncident {
  id: number;
  number: string | null;
  organizations: string[];
  dates: string[];
  ransomware: boolean;
  /** The text of its notices. */
  text: string;
}

export interface ClaimProposal {
  claimId: number;
  incidentId: number;
  incidentNumber: string | null;
  score: number;
  reasons: string[];
}

/** Days either side of an incident's dates within which a claim counts as close in time. */
export const DATE_WINDOW_DAYS = 90;
/** The default threshold: proposals below it are not shown. */
export const MIN_SCORE = 0.5;

const SCORE = { mapped: 0.9, domain: 0.9, name: 0.85 } as const;

interface IndexedIncident {
  incident: MatchableIncident;
  /** orgKey → the name it came from. */
  orgKeys: Map<string, string>;
  /** Latin key → the name it came from. */
  latinKeys: Map<string, string>;
  /** Registrable domains the notices give. */
  domains: Set<string>;
}

/** Every proposal scoring at least MIN_SCORE, best first per claim. */
export function proposeClaimMatches(claims: readonly MatchableClaim[], incidents: readonly MatchableIncident[]): ClaimProposal[] {
  const indexed = incidents.map(indexIncident);
  const proposals: ClaimProposal[] = [];
  for (const claim of claims) {
    const found: ClaimProposal[] = [];
    const victimHost = hostOf(claim.victim);
    const claimLatin = new Map<string, string>();
    for (const [key, from] of [
      [victimHost ? hostKey(victimHost) : latinKey(claim.victim), claim.victim],
      [claim.domain ? hostKey(claim.domain) : null, claim.domain ?? ''],
    ] as const) if (key && !claimLatin.has(key)) claimLatin.set(key, from);
    const claimOrgKey = victimHost ? null : japaneseKey(claim.victim);
    const parentKey = claim.parent ? japaneseKey(claim.parent) : null;
    const parentLatin = claim.parent ? latinKey(claim.parent) : null;
    const claimDomain = claim.domain ? registrableDomain(claim.domain) : null;

    for (const { incident, orgKeys, latinKeys, domains } of indexed) {
      const reasons: string[] = [];
      let base = 0;
      const parentOrg = (parentKey && orgKeys.get(parentKey)) || (parentLatin && latinKeys.get(parentLatin));
      if (parentOrg) {
        base = Math.max(base, SCORE.mapped);
        reasons.push(`${claim.domain} is mapped to ${claim.parent}, the incident's ${parentOrg}`);
      }
      if (claimDomain && domains.has(claimDomain)) {
        base = Math.max(base, SCORE.domain);
        reasons.push(`the notice text gives the domain ${claimDomain}`);
      }
      const sameName = claimOrgKey && orgKeys.has(claimOrgKey) ? { claimName: claim.victim, orgName: orgKeys.get(claimOrgKey)!, how: 'as written' }
        : [...claimLatin].map(([key, claimName]) => latinKeys.has(key) ? { claimName, orgName: latinKeys.get(key)!, how: 'in romaji' } : null).find((m) => m);
      if (sameName) {
        base = Math.max(base, SCORE.name);
        reasons.push(`same name ${sameName.how}: "${sameName.claimName}" = "${sameName.orgName}"`);
      }
      if (base === 0) continue;
      const gap = nearestGapDays(claim.discoveredDate, incident.dates);
      let score = base;
      if (gap === null) reasons.push('no incident date to compare');
      else if (gap <= DATE_WINDOW_DAYS) {
        score = Math.min(1, score + 0.1);
        reasons.push(`dates ${gap} days apart`);
      } else {
        score *= 0.6;
        reasons.push(`dates ${gap} days apart (outside ${DATE_WINDOW_DAYS})`);
      }
      if (incident.ransomware) {
        score = Math.min(1, score + 0.05);
        reasons.push('the incident is a ransomware one');
      }
      score = Math.round(score * 100) / 100;
      if (score >= MIN_SCORE) found.push({ claimId: claim.id, incidentId: incident.id, incidentNumber: incident.number, score, reasons });
    }
    found.sort((a, b) => b.score - a.score || a.incidentId - b.incidentId);
    proposals.push(...found);
  }
  return proposals;
}

// Host names written in a notice: in a URL, an e-mail address or alone (fujikura.co.jp).
const HOST_IN_TEXT = /(?<![a-z0-9.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}(?![a-z0-9-])/g;

function indexIncident(incident: MatchableIncident): IndexedIncident {
  const orgKeys = new Map<string, string>();
  const latinKeys = new Map<string, string>();
  for (const name of incident.organizations) {
    const key = japaneseKey(name);
    if (key && !orgKeys.has(key)) orgKeys.set(key, name);
    const latin = organisationLatinKey(name);
    if (latin && !latinKeys.has(latin)) latinKeys.set(latin, name);
  }
  const domains = new Set<string>();
  for (const m of incident.text.normalize('NFKC').toLowerCase().matchAll(HOST_IN_TEXT)) {
    const host = m[0].replace(/^www\./, '');
    if (host.includes('.') && !/^\d+(?:\.\d+)+$/.test(host)) domains.add(registrableDomain(host));
  }
  return { incident, orgKeys, latinKeys, domains };
}

/** orgKey of a name in Japanese script; a name in Latin letters alone is compared by its latinKey, which knows generic words. */
function japaneseKey(name: string): string | null {
  const key = orgKey(name);
  return key && /[^\x00-\x7f]/.test(key) ? key : null;
}

function nearestGapDays(date: string, dates: string[]): number | null {
  const t = Date.parse(`${date}T00:00:00Z`);
  const gaps = dates.map((d) => Math.abs(Date.parse(`${d}T00:00:00Z`) - t) / 86_400_000).filter((g) => Number.isFinite(g));
  return gaps.length === 0 ? null : Math.round(Math.min(...gaps));
}
