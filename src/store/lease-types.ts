// Leases: a duty only one process of a database does at a time (the feed watcher), held by a named
// holder until it expires, renewed by that holder, taken over by another once it has expired.

import { JikenboError } from '../core/errors.ts';

export interface Lease {
  name: string;
  /** Who holds it now (perhaps someone else than who asked). */
  holder: string;
  /** When it expires unless renewed (ISO time, by the clock of the store: the database server's on PostgreSQL). */
  expiresAt: string;
  /** Whether the one who asked holds it now. */
  held: boolean;
}

/** A lease lasts from a second to a day: long enough to outlive a renewal's round trip, short enough to hand over. */
export function checkLease(name: string, holder: string, ttlMs: number): void {
  if (!/^[a-z][a-z0-9_.-]{0,63}$/.test(name)) throw new JikenboError('bad_input', `not a lease name: ${JSON.stringify(name)}`, { subject: 'lease' });
  if (holder.trim() === '' || holder.length > 200) throw new JikenboError('bad_input', 'a lease needs a holder name of 1 to 200 characters', { subject: 'holder' });
  if (!Number.isInteger(ttlMs) || ttlMs < 1000 || ttlMs > 86_400_000) {
    throw new JikenboError('bad_input', `a lease lasts from 1,000 to 86,400,000 ms, not ${ttlMs}`, { subject: 'ttl' });
  }
}

export const toLease = (row: { name: string; holder: string; expires_at: number }, asking: string): Lease => ({
  name: row.name, holder: row.holder, expiresAt: new Date(Number(row.expires_at)).toISOString(), held: row.holder === asking,
});
