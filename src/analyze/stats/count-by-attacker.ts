// Incidents by the attacker a notice names (a ransomware group, mostly). A group the alias table knows
// (ransomware-groups.ts) is counted once under its canonical name whatever the spelling ("LockBit 3.0",
// "LOCKBIT2.0" and "lockbit" are LockBit); other names are grouped without regard to case and spacing
// ("Foo Team" and "foo  team " are one), shown as first spelled.
import { findGroup } from '../ransomware-groups.ts';
import { breakdown, type Breakdown, type FactRow } from './fact-row.ts';

export function attackerKey(name: string): string {
  const group = findGroup(name);
  return group ? group.name : name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function countByAttacker(rows: readonly FactRow[]): Breakdown {
  const spelling = new Map<string, string>();
  const counted = breakdown(rows, (r) => {
    if (!r.attacker || !r.attacker.trim()) return [];
    const key = attackerKey(r.attacker);
    if (!spelling.has(key)) spelling.set(key, findGroup(r.attacker)?.name ?? r.attacker.trim());
    return [key];
  });
  return { ...counted, rows: counted.rows.map((row) => ({ key: spelling.get(row.key) ?? row.key, count: row.count })) };
}
