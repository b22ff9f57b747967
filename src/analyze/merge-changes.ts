// Which merged values each notice of an incident changes: the incident merged with it against merged
// without it, so a linked notice that overrides what the others said (an affected count of 34,000
// become 350) says so on the incident page.

import { MERGE_RULES, mergeIncident, mergeOrder, type MergeInput, type MergedField, type MergedRecord } from './merge-incident.ts';

export interface MergedChange {
  field: MergedField;
  /** The value the other notices give. */
  without: unknown;
  /** The value with this notice. */
  with: unknown;
}

// Union and any-true fields only ever add what a notice states; they are no override.
const OVERRIDABLE = (Object.keys(MERGE_RULES) as MergedField[])
  .filter((f) => MERGE_RULES[f] !== 'union' && MERGE_RULES[f] !== 'any_true');

/** An incident this large is not re-merged once per notice. */
const MAX_MEMBERS = 200;

const stated = (v: unknown) => v !== null && v !== undefined;

/**
 * For each notice after the incident's first, the merged values it sets that differ from what the
 * other notices give. The first notice is the baseline (it names the incident and dates it): not listed.
 */
export function mergedChangesByNotice(members: readonly MergeInput[]): Map<number, MergedChange[]> {
  const out = new Map<number, MergedChange[]>();
  if (members.length < 2 || members.length > MAX_MEMBERS) return out;
  const all = mergeIncident(members);
  for (const member of [...members].sort(mergeOrder).slice(1)) {
    const rest = mergeIncident(members.filter((m) => m !== member));
    const changes = OVERRIDABLE.flatMap((field): MergedChange[] => {
      const [before, after] = [valueOf(rest, field), valueOf(all, field)];
      return stated(before) && stated(after) && before !== after && all[field].noticeId === member.noticeId
        ? [{ field, without: before, with: after }] : [];
    });
    if (changes.length) out.set(member.noticeId, changes);
  }
  return out;
}

function valueOf(merged: MergedRecord, field: MergedField): unknown {
  return merged[field].value;
}
