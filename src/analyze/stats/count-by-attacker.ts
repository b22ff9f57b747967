// Incidents by the attacker a notice names (a ransomware group, mostly). Names are grouped without
// regard to case and spacing ("LockBit" and "lockbit " are one group), shown as first spelled.
import { breakdown, type Breakdown, type FactRow } from './fact-row.ts';

export function attackerKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function countByAttacker(rows: readonly FactRow[]): Breakdown {
  const spelling = new Map<string, string>();
  const counted = breakdown(rows, (r) => {
    if (!r.attacker || !r.attacker.trim()) return [];
    const key = attackerKey(r.attacker);
    if (!spelling.has(key)) spelling.set(key, r.attacker.trim());
    return [key];
  });
  return { ...counted, rows: counted.rows.map((row) => ({ key: spelling.get(row.key) ?? row.key, count: row.count })) };
}
