// Proposes which incident a leak-site claim is about: organisation names (also across romaji and
// kana), the claim's domain in a notice's text, and dates close together. Proposals only: a person
// confirms each before it becomes a link.
import { toKatakana, toRomaji } from 'wanakana';
import { orgKey } from './org-name.ts';
import { textSimilarity } from './text-similarity.ts';

export interface MatchableClaim {
  id: number;
  victim: string;
  domain: string | null;
  discoveredDate: string;
  /** The Japanese parent a mapped domain belongs to. */
  parent: string | null;
}

export interface MatchableIncident {
  id: number;
  number: string | null;
  organizations: string[];
  dates: string[];
  ransomware: boolean;
  /** The text of its notices, compacted or not. */
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
export const MIN_SCORE = 0.5;

/** Every proposal scoring at least MIN_SCORE, best first per claim. */
export function proposeClaimMatches(claims: readonly MatchableClaim[], incidents: readonly MatchableIncident[]): ClaimProposal[] {
  const prepared = incidents.map((i) => ({ incident: i, lowerText: i.text.normalize('NFKC').toLowerCase() }));
  const proposals: ClaimProposal[] = [];
  for (const claim of claims) {
    const names = [claim.victim, claim.parent].filter((n): n is string => !!n);
    const domainLabel = claim.domain ? distinctiveLabel(claim.domain) : null;
    const found: ClaimProposal[] = [];
    for (const { incident, lowerText } of prepared) {
      const reasons: string[] = [];
      let base = 0;
      const name = bestNameMatch(names, incident.organizations);
      if (name.score >= 0.5) {
        base = Math.max(base, name.score);
        reasons.push(`name ${name.how}: "${name.claimName}" ~ "${name.orgName}" (${name.score.toFixed(2)})`);
      }
      if (claim.domain && lowerText.includes(claim.domain)) {
        base = Math.max(base, 0.9);
        reasons.push(`the notice text gives the domain ${claim.domain}`);
      } else if (domainLabel && lowerText.includes(domainLabel)) {
        base = Math.max(base, 0.6);
        reasons.push(`the notice text contains "${domainLabel}" from ${claim.domain}`);
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

interface NameMatch {
  score: number;
  how: string;
  claimName: string;
  orgName: string;
}

/** The closest pair of names: as written, or the kana of one against the romaji of the other. */
function bestNameMatch(claimNames: string[], orgNames: string[]): NameMatch {
  let best: NameMatch = { score: 0, how: '', claimName: '', orgName: '' };
  for (const claimName of claimNames) {
    const claimKey = orgKey(claimName);
    if (!claimKey) continue;
    for (const orgName of orgNames) {
      const key = orgKey(orgName);
      if (!key) continue;
      const candidates: Array<[number, string]> = [
        [key === claimKey ? 1 : (key.includes(claimKey) || claimKey.includes(key)) && Math.min(key.length, claimKey.length) >= 3 ? 0.85 : textSimilarity(claimKey, key), 'similar'],
        [textSimilarity(romaji(claimKey), romaji(key)), 'in romaji'],
        [textSimilarity(toKatakana(claimKey), toKatakana(key)), 'in katakana'],
      ];
      for (const [score, how] of candidates) if (score > best.score) best = { score, how, claimName, orgName };
    }
  }
  return best;
}

/** Kana read as Hepburn romaji, letters only (kanji stay as they are: no reading without a dictionary). */
function romaji(text: string): string {
  return toRomaji(text).toLowerCase().replace(/[^a-z\u3400-\u9fff]/g, '');
}

/** 'kohaku-chaho.co.jp' → 'kohaku-chaho' (the label before the public suffix); null when too short to mean anything alone. */
function distinctiveLabel(domain: string): string | null {
  const parts = domain.split('.');
  parts.pop(); // top-level domain
  if (parts.length > 1 && /^(co|or|ne|ac|go|lg|ed|gr|com|net|org)$/.test(parts[parts.length - 1]!)) parts.pop();
  const label = parts[parts.length - 1] ?? '';
  return label.length >= 5 ? label : null;
}

function nearestGapDays(date: string, dates: string[]): number | null {
  const t = Date.parse(`${date}T00:00:00Z`);
  const gaps = dates.map((d) => Math.abs(Date.parse(`${d}T00:00:00Z`) - t) / 86_400_000).filter((g) => Number.isFinite(g));
  return gaps.length === 0 ? null : Math.round(Math.min(...gaps));
}
