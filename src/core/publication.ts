// Whether an incident may go into the published casebook (`jikenbo publish`): only what a person marked
// publishable. A mark is a decision kept like a correction, with who, when and (optionally) why, never
// overwritten: the latest mark of an incident is in force, the earlier ones are its history. A mark
// covers the incident as the person saw it, its notices then: when regrouping later brings in a notice
// or takes one out, the incident is held back until someone marks it again.

export interface PublicationMark {
  id: number;
  incidentId: number;
  /** true: the person allows publishing it; false: they withdrew it. */
  publishable: boolean;
  /** The incident's notices when it was marked, ascending. */
  noticeIds: number[];
  by: string;
  /** ISO timestamp */
  at: string;
  reason: string | null;
}

export interface PublicationMarkInput {
  incidentId: number;
  publishable: boolean;
  noticeIds: readonly number[];
  by: string;
  reason?: string | null;
}

/**
 * What publishing does with an incident: `published` when its mark in force allows it and still covers
 * its notices; `unmarked` (never marked), `withdrawn` (the mark in force says no) or `changed` (marked
 * when it held other notices) keep it out.
 */
export type PublicationState = 'published' | 'unmarked' | 'withdrawn' | 'changed';

export function publicationState(mark: PublicationMark | undefined, noticeIds: readonly number[]): PublicationState {
  if (!mark) return 'unmarked';
  if (!mark.publishable) return 'withdrawn';
  return sameNotices(mark.noticeIds, noticeIds) ? 'published' : 'changed';
}

function sameNotices(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  return x.every((v, i) => v === y[i]);
}
