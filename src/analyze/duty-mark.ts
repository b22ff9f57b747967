// An incident's reporting duty in one value, kept with its facts (incident_facts.duty) so that a view
// counts reportable, unmentioned and doubtful incidents without reading their notices again.
import type { DutyAssessment, DutySummary } from './reporting-duty.ts';

/** 0: no condition holds; 1: reportable, a report mentioned; 2: reportable, none mentioned; 3: in doubt. */
export type DutyMark = 0 | 1 | 2 | 3;

export function dutyMark(a: Pick<DutyAssessment, 'status' | 'reportedToPpc'>): DutyMark {
  if (a.status === 'doubtful') return 3;
  if (a.status === 'reportable') return a.reportedToPpc ? 1 : 2;
  return 0;
}

/** What the dashboard shows of the duty: incidents that look reportable, of them with no report mentioned, and in doubt. */
export interface DutyCounts {
  reportable: number;
  unmentioned: number;
  doubtful: number;
}

export function dutyCounts(summary: Pick<DutySummary, 'reportable' | 'unmentioned' | 'doubtful'>): DutyCounts {
  return { reportable: summary.reportable, unmentioned: summary.unmentioned.length, doubtful: summary.doubtful.length };
}

/** The same counts from each incident's mark. */
export function dutyCountsOfMarks(marks: ReadonlyMap<DutyMark, number>): DutyCounts {
  const n = (m: DutyMark) => marks.get(m) ?? 0;
  return { reportable: n(1) + n(2), unmentioned: n(2), doubtful: n(3) };
}
