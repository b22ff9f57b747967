// One table of ransomware groups: the canonical name each is known by, and the other names leak-site
// trackers, vendors and notices give it (LockBit, LockBit 3.0, LOCKBIT2.0 and lockbit3 are one group).
// Claims, exports, statistics and pages read group names through canonicalGroup so they count once.
// Sources of the names: the group keys of ransomwatch and ransomware.live (../shared/vendor-data/
// leak-claims) and the names vendors publish for the same groups.

export interface RansomwareGroup {
  /** The name shown and exported. */
  name: string;
  /** Other spellings and versions, as written by someone (not normalised). */
  aliases: readonly string[];
}

export const RANSOMWARE_GROUPS: readonly RansomwareGroup[] = [
  { name: 'LockBit', aliases: ['LockBit 2.0', 'LockBit 3.0', 'LOCKBIT2.0', 'LockBit2', 'lockbit3', 'lockbit3_fs', 'LockBit Black', 'LockBit Green', 'LockBitSupp', 'ロックビット'] },
  { name: 'BlackCat', aliases: ['ALPHV', 'ALPHV/BlackCat', 'Noberus'] },
  { name: 'Cl0p', aliases: ['Clop'] },
  { name: '8Base', aliases: ['8base'] },
  { name: 'Akira', aliases: [] },
  { name: 'Black Basta', aliases: ['BlackBasta'] },
  { name: 'Play', aliases: ['PlayCrypt', 'Play ransomware'] },
  { name: 'Royal', aliases: [] },
  { name: 'BlackSuit', aliases: ['Black Suit'] },
  { name: 'Rhysida', aliases: [] },
  { name: 'Medusa', aliases: [] },
  { name: 'MedusaLocker', aliases: ['Medusa Locker'] },
  { name: 'Qilin', aliases: ['Agenda'] },
  { name: 'Conti', aliases: [] },
  { name: 'Pysa', aliases: ['Mespinoza'] },
  { name: 'BianLian', aliases: [] },
  { name: 'Vice Society', aliases: ['ViceSociety'] },
  { name: 'Hive', aliases: [] },
  { name: 'Avaddon', aliases: [] },
  { name: 'BlackByte', aliases: [] },
  { name: 'Everest', aliases: [] },
  { name: 'Ragnar Locker', aliases: ['RagnarLocker'] },
  { name: 'Cuba', aliases: [] },
  { name: 'Snatch', aliases: [] },
  { name: 'AvosLocker', aliases: ['Avos'] },
  { name: 'Lorenz', aliases: [] },
  { name: 'Quantum', aliases: [] },
  { name: 'Karakurt', aliases: [] },
  { name: 'RansomHouse', aliases: [] },
  { name: 'Stormous', aliases: [] },
  { name: 'Mallox', aliases: ['TargetCompany', 'Fargo'] },
  { name: 'RansomEXX', aliases: ['Defray777'] },
  { name: 'REvil', aliases: ['Sodinokibi'] },
  { name: 'BlackMatter', aliases: [] },
  { name: 'DarkSide', aliases: [] },
  { name: 'Nokoyawa', aliases: [] },
  { name: 'Trigona', aliases: [] },
  { name: 'Monti', aliases: [] },
  { name: 'Money Message', aliases: ['MoneyMessage'] },
  { name: 'Mount Locker', aliases: ['MountLocker', 'mount-locker'] },
  { name: 'Daixin', aliases: ['Daixin Team'] },
  { name: 'Abyss', aliases: ['Abyss Locker'] },
  { name: 'HelloKitty', aliases: ['FiveHands'] },
  { name: 'Babuk', aliases: [] },
  { name: 'Maze', aliases: [] },
  { name: 'Cactus', aliases: [] },
  { name: 'Hunters International', aliases: ['Hunters'] },
  { name: 'INC Ransom', aliases: ['IncRansom', 'INC'] },
  { name: 'RansomHub', aliases: [] },
  { name: 'NoEscape', aliases: [] },
  { name: 'Karma', aliases: [] },
  { name: 'Yanluowang', aliases: [] },
];

/** Case, width, spaces and punctuation folded: 'LOCKBIT 2.0' → 'lockbit20', 'Cl0p' → 'cl0p'. */
export function groupKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const byKey = new Map<string, RansomwareGroup>();
for (const g of RANSOMWARE_GROUPS) {
  for (const n of [g.name, ...g.aliases]) {
    const key = groupKey(n);
    const other = byKey.get(key);
    if (other && other !== g) throw new Error(`ransomware-groups: "${n}" names both ${other.name} and ${g.name}`);
    byKey.set(key, g);
  }
}

/** A version or build after the name: 'lockbit3', 'lockbit 3.0', 'lockbitv2', 'lockbit3_fs', 'lockbit black'. */
const VERSION_SUFFIX = /(?:v?\d+(?:\d|fs)*|black|green|red|new|ng)$/;

/** The table's group for a name written any of the ways it is written; null for a name the table does not know. */
export function findGroup(name: string): RansomwareGroup | null {
  const key = groupKey(name);
  if (!key) return null;
  const hit = byKey.get(key);
  if (hit) return hit;
  // Only a suffix after a known name: 'lockbit4' is LockBit, '8base' stays itself, 'medusalocker' is not Medusa.
  const bare = key.replace(VERSION_SUFFIX, '');
  return bare && bare !== key ? byKey.get(bare) ?? null : null;
}

/** The canonical name of a group, or the name as given (trimmed, spaces collapsed) when the table does not know it. */
export function canonicalGroup(name: string): string {
  return findGroup(name)?.name ?? name.normalize('NFKC').trim().replace(/\s+/g, ' ');
}
