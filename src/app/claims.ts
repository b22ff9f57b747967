// The leak-site claim use cases shared by the CLI and the server: import a file, the monthly list of
// Japanese victims, the domain map, match proposals, a person's confirmation, an incident's confirmed claims.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { proposeClaimMatches, type ClaimProposal, type MatchableIncident } from '../analyze/claim-matching.ts';
import { japaneseVerdict, mappingFor, type JapaneseVerdict, type KnownOrganisations } from '../analyze/japanese-victim.ts';
import { organisationLatinKey } from '../analyze/org-latin-key.ts';
import { canonicalGroup } from '../analyze/ransomware-groups.ts';
import { JikenboError, reasonOf } from '../core/errors.ts';
import { hostOf } from '../core/host-name.ts';
import { parseClaims, type ClaimProblem, type ParsedClaims } from '../formats/leak-claims.ts';
import type { ClaimFormat, ClaimLink, StoredClaim } from '../store/source-types.ts';
import type { ClaimStore, Store } from '../store/ports.ts';
import { loadIncidentFacts } from './incident-facts.ts';
import { resolveIncidentRef } from './incident-number.ts';
import { updateWatchlistHits } from './watchlists.ts';

export interface ClaimImportReport {
  file: string;
  records: number;
  added: number;
  /** Claims whose natural key was stored already (a second import of the same file adds nothing). */
  existing: number;
  problems: ClaimProblem[];
}

const MAX_FILE_BYTES = 200 * 1024 * 1024;

export async function importClaimsFile(store: Store, path: string): Promise<ClaimImportReport> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new JikenboError('bad_input', `${path}: cannot read: ${reasonOf(err)}`, { subject: path, cause: err });
  }
  if (text.length > MAX_FILE_BYTES) throw new JikenboError('bad_input', `${path}: larger than 200 MB`, { subject: path });
  const report = await importClaimsText(store, text, { file: path, source: basename(path) });
  // The watchlists' hits of the new claims (a failure leaves the cursors: the job loop matches them later;
  // a watched tracker's claims are matched by the loop's tick that polled them).
  if (report.added > 0) await updateWatchlistHits(store).catch(() => undefined);
  return report;
}

/**
 * Imports the claims of a file's or a fetched tracker's text (`claims import`, a watched claims source):
 * each readable record stored once by its natural key (a second import adds nothing, and fills in what
 * the first lacked), in one transaction; the unreadable records are the report's problems.
 */
export async function importClaimsText(
  store: ClaimStore, text: string, options: { file: string; source: string; format?: ClaimFormat },
): Promise<ClaimImportReport> {
  return storeParsedClaims(store, parseClaims(text, options.source, options.format), options.file);
}

/** Stores what parseClaims read (a file here, a tracker's body in a decoding process): the import's one write. */
export async function storeParsedClaims(store: ClaimStore, parsed: ParsedClaims, file: string): Promise<ClaimImportReport> {
  const { added, existing } = parsed.claims.length > 0 ? await store.addClaims(parsed.claims) : { added: 0, existing: 0 };
  return { file, records: parsed.claims.length + parsed.problems.filter((p) => p.index >= 0).length, added, existing, problems: parsed.problems };
}

export interface ClaimRow extends StoredClaim {
  japanese: JapaneseVerdict | null;
  /** The group's canonical name from the alias table (lockbit3 → LockBit); `group` stays as stored. */
  groupName: string;
}

/** 'YYYY-MM' → the first and last day of that month; bad_input otherwise. */
export function monthRange(month: string): { from: string; to: string } {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) throw new JikenboError('bad_input', `--month: expected YYYY-MM, not "${month.slice(0, 20)}"`, { subject: 'month' });
  const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** Claims of a month (or all), each with why it reads as Japanese; `country: 'jp'` keeps only those that do. */
export async function listClaims(store: Store, options: { month?: string; country?: 'jp' } = {}): Promise<ClaimRow[]> {
  const range = options.month ? monthRange(options.month) : {};
  const [claims, mappings, known] = await Promise.all([store.listClaims(range), store.listClaimDomainMappings(), knownOrganisations(store)]);
  const rows = claims.map((c) => ({ ...c, groupName: canonicalGroup(c.group), japanese: japaneseVerdict(c, mappings, known) }));
  return options.country === 'jp' ? rows.filter((r) => r.japanese !== null) : rows;
}

/** The casebook's organisations with a name in Japanese script and a known romaji form, by that form's key. */
async function knownOrganisations(store: Store): Promise<KnownOrganisations> {
  const known = new Map<string, string>();
  for (const f of await loadIncidentFacts(store)) {
    for (const name of [f.organization, ...f.organizations]) {
      if (!name || !/[\u3040-\u30ff\u3400-\u9fff]/u.test(name)) continue;
      const key = organisationLatinKey(name);
      if (key && !known.has(key)) known.set(key, name);
    }
  }
  return known;
}

/** Adds or replaces a mapping of a (foreign) domain to its Japanese parent. */
export async function mapClaimDomain(store: Store, domain: string, parent: string, by: string) {
  const host = hostOf(domain);
  if (!host) throw new JikenboError('bad_input', `"${domain.slice(0, 80)}" is not a domain name`, { subject: 'domain' });
  const name = parent.trim();
  if (!name || name.length > 200) throw new JikenboError('bad_input', 'the parent organisation needs a name (at most 200 characters)', { subject: 'parent' });
  return store.setClaimDomainMapping(host, name, by);
}

/** What matching reads about each incident: names, dates, and its notices' text. */
async function matchableIncidents(store: Store): Promise<MatchableIncident[]> {
  const [facts, snapshot] = await Promise.all([loadIncidentFacts(store), store.loadIncidentSnapshot()]);
  const textOf = new Map(snapshot.notices.map((n) => [n.id, n.text]));
  return facts.map((f) => ({
    id: f.id,
    number: f.number,
    organizations: [...new Set([f.organization, ...f.organizations].filter((o): o is string => !!o))],
    dates: [f.occurredDate, f.discoveredDate, f.disclosureDate].filter((d): d is string => !!d),
    ransomware: f.incidentTypes.includes('ransomware'),
    text: f.noticeIds.map((id) => textOf.get(id) ?? '').join('\n'),
  }));
}

export interface ClaimWithProposals {
  claim: ClaimRow;
  proposals: ClaimProposal[];
}

/**
 * Claims no person has confirmed yet (of a month, or all; Japanese ones only with `country: 'jp'`),
 * each with its proposals, best first.
 */
export async function claimProposals(store: Store, options: { month?: string; country?: 'jp'; claimId?: number } = {}): Promise<ClaimWithProposals[]> {
  const linked = new Set((await store.listClaimLinks()).map((l) => l.claimId));
  let claims = (await listClaims(store, options)).filter((c) => !linked.has(c.id));
  if (options.claimId !== undefined) claims = claims.filter((c) => c.id === options.claimId);
  if (claims.length === 0) return [];
  const proposals = proposeClaimMatches(
    claims.map((c) => ({ id: c.id, victim: c.victim, domain: c.domain, discoveredDate: c.discoveredDate, parent: c.japanese?.parent ?? null })),
    await matchableIncidents(store),
  );
  return claims.map((claim) => ({ claim, proposals: proposals.filter((p) => p.claimId === claim.id) }));
}

/**
 * A person confirms that a claim is about an incident; the proposal's score and reasons are kept with it
 * when there was one. A claim is about one incident: conflict when it is confirmed for another.
 */
export async function confirmClaim(store: Store, claimId: number, incidentId: number, by: string): Promise<ClaimLink> {
  const claim = await store.getClaim(claimId);
  if (!claim) throw new JikenboError('not_found', `no claim ${claimId}`, { subject: 'claim' });
  const mappings = await store.listClaimDomainMappings();
  const proposal = proposeClaimMatches(
    [{ id: claim.id, victim: claim.victim, domain: claim.domain, discoveredDate: claim.discoveredDate, parent: mappingFor(claim.domain, mappings)?.parent ?? null }],
    (await matchableIncidents(store)).filter((i) => i.id === incidentId),
  )[0];
  return store.confirmClaimLink({
    claimId, incidentId, by,
    score: proposal?.score ?? null,
    reason: proposal ? proposal.reasons.join('; ') : 'confirmed by a person without a proposal',
  });
}

/** How long a reason for un-confirming may be (as a correction's). */
export const MAX_UNCONFIRM_REASON = 500;

/**
 * A person takes back a claim's confirmation, saying why; it is kept, undone, and the claim is proposed
 * again. not_found when the claim is not confirmed.
 */
export async function unconfirmClaim(store: Store, claimId: number, by: string, reason: string): Promise<ClaimLink> {
  const why = reason.trim();
  if (!why) throw new JikenboError('bad_input', 'un-confirming a claim needs a reason', { subject: 'reason' });
  if (why.length > MAX_UNCONFIRM_REASON) throw new JikenboError('bad_input', `the reason is over ${MAX_UNCONFIRM_REASON} characters`, { subject: 'reason' });
  return store.unconfirmClaimLink({ claimId, by, reason: why });
}

/** A claim's confirmations, the ones taken back included, oldest first. */
export async function claimHistory(store: Store, claimId: number): Promise<{ claim: StoredClaim; links: ClaimLink[] }> {
  const claim = await store.getClaim(claimId);
  if (!claim) throw new JikenboError('not_found', `no claim ${claimId}`, { subject: 'claim' });
  return { claim, links: await store.listClaimLinks({ claimId, includeUndone: true }) };
}

export interface ConfirmedClaim {
  claim: StoredClaim;
  link: ClaimLink;
}

/** The claims people confirmed for an incident, oldest confirmation first: what the incident page shows. */
export async function confirmedClaimsOf(store: Store, incidentId: number): Promise<ConfirmedClaim[]> {
  const links = await store.listClaimLinks({ incidentId });
  const out: ConfirmedClaim[] = [];
  for (const link of links) {
    const claim = await store.getClaim(link.claimId);
    if (claim) out.push({ claim, link });
  }
  return out;
}

/** An incident id from a number (`12`) or an incident number of either form (`2023-042`, `#J2023-0042`). */
export async function resolveIncident(store: Store, ref: string): Promise<number> {
  return resolveIncidentRef(store, ref);
}
