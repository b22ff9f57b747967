// Rules for attacker: a named threat actor or ransomware group, as written (LockBit 3.0, LOCKBIT2.0). The
// value is the text matched (a capture group where the rule has one); attacker.ts picks among hits.
import { defineRules } from './rule.ts';

/** The role of an attacker hit: the name is the matched text, not a fixed value. */
export type AttackerCue = 'name-as-written';

const VERSION = '(?:\\s?[0-9](?:\\.[0-9])?)?';
const GROUP = '(?:ランサムウェア|攻撃者|ハッカー|ハッキング|犯行)?(?:グループ|集団|ギャング|組織)';

export const ATTACKER_RULES = defineRules<AttackerCue>('attacker', [
  {
    id: 'attacker/distinctive-group-name',
    pattern: new RegExp(`(?<![A-Za-z])(?:LockBit|ロックビット|BlackCat|ALPHV|Akira|8Base|Black\\s?Basta|Cl0p|Clop|Medusa|Rhysida|Conti|REvil|Sodinokibi|BianLian|Qilin|RansomHouse|Phobos|NoEscape|Cactus|Hunters International|Ragnar\\s?Locker|Vice Society|Lapsus\\$?|Black\\s?Suit|INC Ransom|Trigona|DragonForce|RansomHub|BlackByte|Babuk|Kawa4096|Gunra|Mallox|Cicada3301|Money Message|Hellcat|NoName057\\(16\\))${VERSION}(?![A-Za-z])`, 'i'),
    scope: 'header+sentence',
    value: 'name-as-written',
    confidence: 'high',
    why: 'A known group whose name no ordinary word shares is the attacker wherever the notice names it; the version stays with the name.',
    examples: {
      match: [{ text: '暗号化されたサーバーには「LockBit 3.0」を名乗る脅迫文が残されていました。', expect: { attacker: 'LockBit 3.0' } }],
      noMatch: [{ text: 'サーバーが暗号化され、脅迫文が残されていました。攻撃者は特定されていません。', expect: { attacker: null } }],
    },
  },
  {
    id: 'attacker/common-word-group-name',
    pattern: new RegExp(`(?<![A-Za-z])(?:Hive|Royal|Play|Cuba|Everest|Snatch)${VERSION}(?![A-Za-z])`, 'i'),
    scope: 'header+sentence',
    requires: /ランサム|グループ|ギャング/,
    value: 'name-as-written',
    confidence: 'medium',
    why: 'Hive, Royal and Play are also ordinary words: they name a group only in a sentence about a ransomware group.',
    examples: {
      match: [{ text: '当社はランサムウェアPlayによる攻撃を受け、ファイルが暗号化されました。', expect: { attacker: 'Play' } }],
      noMatch: [{ text: '当社の新製品「Royal」シリーズの販売サイトに不正アクセスがありました。', expect: { attacker: null } }],
    },
  },
  {
    id: 'attacker/self-named-group',
    // 「X」を名乗る攻撃者の脅迫文: an attacker or criminal naming itself is a group's name as much as 「X」を名乗るグループ.
    pattern: new RegExp(`「([A-Za-z0-9][^」]{1,30})」(?:と称する|を名乗る|と名乗る)[^。]{0,10}(?:${GROUP}|攻撃者|犯人|ハッカー|犯行者)`),
    scope: 'header+sentence',
    value: 'name-as-written',
    confidence: 'medium',
    why: 'An unlisted group is named the way notices name one: 「X」を名乗る…グループ.',
    examples: {
      match: [
        { text: '「Kuromame Team」を名乗るハッカー集団が犯行声明を出しました。', expect: { attacker: 'Kuromame Team' } },
        { text: 'サーバーに「GreyOwl 1.5」を名乗る攻撃者の脅迫文が残されていました。', expect: { attacker: 'GreyOwl 1.5' } },
      ],
      noMatch: [{ text: '「Kuromame Team」を名乗る人物からお問い合わせがありました。', expect: { attacker: null } }],
    },
  },
  {
    id: 'attacker/signed-demand',
    // 「メールには「X」との署名があり」: an extortion message signed with a Latin name.
    pattern: /「([A-Za-z0-9][^」]{1,30})」(?:との|という|と)?(?:署名|差出人名|名義)/,
    scope: 'header+sentence',
    requires: /メール|文書|メッセージ|脅迫|要求|書き込み/,
    value: 'name-as-written',
    confidence: 'medium',
    why: 'An extortion mail or note signs with the name its senders go by (「X」との署名), as a group names itself.',
    examples: {
      match: [{ text: 'メールには「Kurosuzu Crew」との署名があり、顧客データの一部が添付されていました。', expect: { attacker: 'Kurosuzu Crew' } }],
      noMatch: [{ text: '「Kurosuzu」との署名入りの色紙を来店記念として展示しています。', expect: { attacker: null } }],
    },
  },
  {
    id: 'attacker/group-then-name',
    pattern: new RegExp(`${GROUP}「([A-Za-z0-9][^」]{1,30})」`),
    scope: 'header+sentence',
    value: 'name-as-written',
    confidence: 'medium',
    why: 'A group word followed by a quoted Latin name (ハッカー集団「X」) names the group.',
    examples: {
      match: [{ text: '今回の攻撃については、ハッカー集団「Shiratama」が関与を主張しています。', expect: { attacker: 'Shiratama' } }],
      noMatch: [{ text: '当社はセキュリティ企業「Shiratama」に調査を依頼しました。', expect: { attacker: null } }],
    },
  },
]);
