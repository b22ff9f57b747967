// attacker: a named threat actor or ransomware group, as written (LockBit 3.0, LOCKBIT2.0).
import type { Found, PostContext } from './context.ts';

// Names distinctive enough to match on their own; the version number stays with the name.
const ACTOR_RE = /(?<![A-Za-z])(?:LockBit|ロックビット|BlackCat|ALPHV|Akira|8Base|Black\s?Basta|Cl0p|Clop|Medusa|Rhysida|Conti|REvil|Sodinokibi|BianLian|Qilin|RansomHouse|Phobos|NoEscape|Cactus|Hunters International|Ragnar\s?Locker|Vice Society|Lapsus\$?|Emotet|Hive|Royal|Play|Black\s?Suit|INC Ransom|Everest|Snatch|Trigona|Cuba|DragonForce|RansomHub)(?:\s?[0-9](?:\.[0-9])?)?(?![A-Za-z])/gi;
// Hive, Royal and Play are common words: they count only beside ランサムウェア or グループ.
const AMBIGUOUS_RE = /^(?:hive|royal|play|cuba|everest|snatch)/i;

export function extractAttacker(ctx: PostContext): Found<string> | null {
  ACTOR_RE.lastIndex = 0;
  for (let m = ACTOR_RE.exec(ctx.text); m; m = ACTOR_RE.exec(ctx.text)) {
    if (/^emotet/i.test(m[0])) continue; // malware family, not an actor
    if (AMBIGUOUS_RE.test(m[0]) && !/ランサム|グループ|ギャング/.test(ctx.text.slice(m.index - 15, m.index + m[0].length + 15))) continue;
    const value = m[0].trim();
    return { value, at: [[m.index, m.index + value.length]] };
  }
  return null;
}
