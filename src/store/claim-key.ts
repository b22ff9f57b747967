// A leak-site claim's natural key (group, victim, day), the same on both engines.
import type { ClaimInput } from './source-types.ts';

/** The same claim read from two feeds, or the same file twice: group, victim and day, compared loosely. */
export function claimNaturalKey(claim: Pick<ClaimInput, 'group' | 'victim' | 'discoveredDate'>): string {
  const loose = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return JSON.stringify([loose(claim.group), loose(claim.victim), claim.discoveredDate]);
}
