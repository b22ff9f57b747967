// A claim's reasons in the reader's language: the matcher (analyze/claim-matching.ts) and the Japanese-
// victim check (analyze/japanese-victim.ts) write their facts in fixed English phrases for the CLI; names,
// domains and numbers inside them stay as written. A phrase no pattern knows is shown as it came.
import type { MessageKey, Translate } from '../../i18n/messages.ts';
import { DESCRIPTION_RULES } from '../../analyze/japan-in-description.ts';

type Rule = [RegExp, (t: Translate, m: RegExpMatchArray) => string];

const HOW: Record<string, MessageKey> = { 'as written': 'claim.reason.name.written', 'in romaji': 'claim.reason.name.romaji' };

const WHY: Rule[] = [
  [/^\.jp domain \((.+)\)$/s, (t, m) => t('claim.why.jp_domain', { domain: m[1]! })],
  [/^(\S+) mapped to (.+)$/s, (t, m) => t('claim.why.mapped', { domain: m[1]!, parent: m[2]! })],
  [/^country JP in the claim$/, (t) => t('claim.why.country')],
  [/^kana in the name$/, (t) => t('claim.why.kana')],
  [/^a Japanese legal form in the name$/, (t) => t('claim.why.legal_form')],
  [/^kanji in the name \(could be Chinese\)$/, (t) => t('claim.why.kanji')],
  [/^a company form beside a name that reads as Hepburn romaji$/, (t) => t('claim.why.romaji')],
  [/^the name says Japan$/, (t) => t('claim.why.name_japan')],
  [/^the name of (.+) in romaji$/s, (t, m) => t('claim.why.casebook_name', { org: m[1]! })],
  [/^the description names it with a company form in Hepburn romaji$/, (t) => t('claim.why.description_romaji')],
  ...DESCRIPTION_RULES.map((r): Rule => [new RegExp(`^${r.why.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), (t) => t(`claim.why.description.${r.id}` as MessageKey)]),
];

const REASONS: Rule[] = [
  [/^same name (as written|in romaji): "(.*)" = "(.*)"$/s,
    (t, m) => t('claim.reason.name', { how: t(HOW[m[1]!]!), claim: m[2]!, org: m[3]! })],
  [/^(\S+) is mapped to (.+), the incident's (.+)$/s, (t, m) => t('claim.reason.mapped', { domain: m[1]!, parent: m[2]!, org: m[3]! })],
  [/^the notice text gives the domain (.+)$/s, (t, m) => t('claim.reason.domain', { domain: m[1]! })],
  [/^no incident date to compare$/, (t) => t('claim.reason.no_date')],
  [/^dates ([0-9]+) days apart$/, (t, m) => t('claim.reason.days', { days: m[1]! })],
  [/^dates ([0-9]+) days apart \(outside ([0-9]+)\)$/, (t, m) => t('claim.reason.days_outside', { days: m[1]!, window: m[2]! })],
  [/^the incident is a ransomware one$/, (t) => t('claim.reason.ransomware')],
];

function translate(rules: Rule[], t: Translate, text: string): string {
  for (const [pattern, say] of rules) {
    const m = text.match(pattern);
    if (m) return say(t, m);
  }
  return text;
}

/** Why a claim's victim reads as Japanese. */
export const claimWhyText = (t: Translate, why: string): string => translate(WHY, t, why);

/** One reason a proposal links a claim to an incident. */
export const claimReasonText = (t: Translate, reason: string): string => translate(REASONS, t, reason);
