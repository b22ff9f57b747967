// The ransomware-group alias table: every spelling of a group comes back as one name, distinct groups
// stay distinct, and the busiest groups of the real leak-site data are all in the table.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RANSOMWARE_GROUPS, canonicalGroup, findGroup, groupKey } from '../../src/analyze/ransomware-groups.ts';
import { haveShared, sharedPath } from '../helpers/shared-data.ts';

describe('canonicalGroup', () => {
  it('folds case, spaces, punctuation and version suffixes onto one name', () => {
    for (const n of ['LockBit', 'LockBit 2.0', 'LockBit 3.0', 'LOCKBIT2.0', 'lockbit3', 'lockbit2', 'lockbit3_fs', 'LockBit Black', 'LockBitSupp', 'ＬｏｃｋＢｉｔ３．０', 'lockbit 4.0']) {
      expect(canonicalGroup(n), n).toBe('LockBit');
    }
    expect(canonicalGroup('alphv')).toBe('BlackCat');
    expect(canonicalGroup('ALPHV/BlackCat')).toBe('BlackCat');
    expect(canonicalGroup('clop')).toBe('Cl0p');
    expect(canonicalGroup('CL0P')).toBe('Cl0p');
    expect(canonicalGroup('agenda')).toBe('Qilin');
    expect(canonicalGroup('blackbasta')).toBe('Black Basta');
    expect(canonicalGroup('8base')).toBe('8Base');
  });

  it('keeps different groups apart and leaves unknown names as written', () => {
    expect(canonicalGroup('medusalocker')).toBe('MedusaLocker');
    expect(canonicalGroup('medusa')).toBe('Medusa');
    expect(canonicalGroup('blacksuit')).toBe('BlackSuit');
    expect(canonicalGroup('royal')).toBe('Royal');
    expect(findGroup('some  new crew')).toBeNull();
    expect(canonicalGroup('  some  new crew ')).toBe('some new crew');
    expect(findGroup('')).toBeNull();
    expect(findGroup('2023')).toBeNull();
  });

  it('has no name or alias that is claimed by two groups', () => {
    const seen = new Map<string, string>();
    for (const g of RANSOMWARE_GROUPS) {
      for (const n of [g.name, ...g.aliases]) {
        const owner = seen.get(groupKey(n));
        expect(owner === undefined || owner === g.name, `${n}: ${owner} and ${g.name}`).toBe(true);
        seen.set(groupKey(n), g.name);
      }
    }
  });
});

const POSTS = sharedPath('vendor-data/leak-claims/ransomware-live-posts-2023-06.json');
describe.skipIf(!haveShared('the group table against leak-site data', POSTS))('the table against real leak-site posts', () => {
  it('knows every group with 40 or more posts, and folds lockbit2 and lockbit3 into one', () => {
    const posts = JSON.parse(readFileSync(POSTS, 'utf8')) as Array<{ group_name: string }>;
    const counts = new Map<string, number>();
    for (const p of posts) counts.set(p.group_name, (counts.get(p.group_name) ?? 0) + 1);
    // Not groups: leak markets and data brokers that post alongside them.
    const markets = new Set(['darkleakmarket', 'midas', 'lv', 'spook', 'marketo']);
    const busy = [...counts].filter(([g, n]) => n >= 40 && !markets.has(g)).map(([g]) => g);
    expect(busy.length).toBeGreaterThan(20);
    expect(busy.filter((g) => findGroup(g) === null)).toEqual([]);
    const canonical = new Map<string, number>();
    for (const [g, n] of counts) canonical.set(canonicalGroup(g), (canonical.get(canonicalGroup(g)) ?? 0) + n);
    expect(canonical.get('LockBit')).toBe((counts.get('lockbit2') ?? 0) + (counts.get('lockbit3') ?? 0) + (counts.get('lockbit') ?? 0) + (counts.get('lockbit3_fs') ?? 0));
    expect(canonical.size).toBeLessThan(counts.size);
  });
});
