// A link's evidence as the reader's language says it: the rules write their facts in fixed English
// phrases (refers to the notice of 2024-09-12, same kind of event (intrusion)); quoted notice text stays as written.
import type { MessageKey, Translate } from '../../i18n/messages.ts';

const DATE = '([0-9]{4}-[0-9]{2}-[0-9]{2})';
const FAMILIES = new Set(['intrusion', 'availability', 'error', 'physical', 'insider']);

export function linkEvidenceText(t: Translate, evidence: string): string {
  const linkedBy = evidence.match(/^linked by (.+)$/s);
  if (linkedBy) return t('evidence.linked_by', { by: linkedBy[1]! });
  const similarity = evidence.match(/^similarity ([0-9.]+)$/);
  if (similarity) return t('evidence.similarity', { x: similarity[1]! });
  return evidence
    .replace(new RegExp(`refers to the notice of ${DATE}`, 'g'), (_, date: string) => t('evidence.cites', { date }))
    .replace(new RegExp(`same event date ${DATE}`, 'g'), (_, date: string) => t('evidence.same_day', { date }))
    .replace(/same kind of event \(([a-z]+)\)/g, (whole, family: string) =>
      (FAMILIES.has(family) ? t('evidence.same_kind', { kind: t(`evidence.family.${family}` as MessageKey) }) : whole))
    .replace(/^(#[0-9]{4}-[0-9]+); (.+) names (.+)$/s, (_, number: string, a: string, b: string) => `${number}; ${t('evidence.names', { a, b })}`);
}

/** An incident's number clash (`#2024-001 is also the number of notice 12 (株式会社A), …`) in the reader's language. */
export function clashNoteText(t: Translate, notes: string): string {
  const m = notes.match(/^#(\S+) is also the number of (.+)$/s);
  if (!m) return notes;
  const others = m[2]!.split(/, (?=notice \d)/).map((o) => {
    const one = o.match(/^notice (\d+) \((.*)\)$/s);
    if (!one) return o;
    return t('incident.clash.other', { id: one[1]!, org: one[2] === 'organisation unknown' ? t('common.unknown_org') : one[2]! });
  });
  return t('incident.clash.also', { number: m[1]!, others: others.join(t('list.separator')) });
}
