// attacker: a named threat actor or ransomware group, as written (LockBit 3.0, LOCKBIT2.0).
import type { Found, PostContext } from './context.ts';

// Names distinctive enough to match on their own; the version number stays with the name.
const ACTOR_RE = /(?<![A-Za-z])(?:LockBit|ロックビット|BlackCat|ALPHV|Akira|8Base|Black\s?Basta|Cl0p|Clop|Medusa|Rhysida|Conti|REvil|Sodinokibi|BianLian|Qilin|RansomHouse|Phobos|NoEscape|Cactus|Hunters International|Ragnar\s?Locker|Vice Society|Lapsus\$?|Emotet|Hive|Royal|Play|Black\s?Suit|INC Ransom|Everest|Snatch|Trigona|Cuba|DragonForce|RansomHub|NoName057\(16\))(?:\s?[0-9](?:\.[0-9])?)?(?![A-Za-z])/gi;
// Hive, Royal and Play are common words: they count only beside ランサムウェア or グループ.
const AMBIGUOUS_RE = /^(?:hive|royal|play|cuba|everest|snatch)/i;

const GROUP = '(?:ランサムウェア|攻撃者|ハッカー|ハッキング|犯行)?(?:グループ|集団|ギャング|組織)';
const NAMED_GROUP_AFTER_RE = new RegExp(`「([A-Za-z0-9][^」]{1,30})」(?:と称する|を名乗る|と名乗る)[^。]{0,10}${GROUP}`);
const NAMED_GROUP_BEFORE_RE = new RegExp(`${GROUP}「([A-Za-z0-9][^」]{1,30})」`);

export function extractAttacker(ctx: PostContext): Found<string> | null {
  ACTOR_RE.lastIndex = 0;
  for (let m = ACTOR_RE.exec(ctx.text); m; m = ACTOR_RE.exec(ctx.text)) {
    if (/^emotet/i.test(m[0])) continue; // malware family, not an actor
    if (AMBIGUOUS_RE.test(m[0]) && !/ランサム|グループ|ギャング/.test(ctx.text.slice(m.index - 15, m.index + m[0].length + 15))) continue;
    const value = m[0].trim();
    return { value, at: [[m.index, m.index + value.length]], confidence: 'high' };
  }
  // An unlisted group named the way notices name one: 「NoName057(16)」を名乗る…グループ, ハッカー集団「X」.
  for (const re of [NAMED_GROUP_AFTER_RE, NAMED_GROUP_BEFORE_RE]) {
    const m = re.exec(ctx.text);
    if (m) {
      const value = m[1]!;
      const off = m.index + m[0].indexOf(value);
      return { value, at: [[off, off + value.length]], confidence: 'medium' };
    }
  }
  return null;
}
