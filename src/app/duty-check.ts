// The reporting-duty check over a set of incidents: reads the notices of the incidents a condition could
// cover (their text, effective record and whether they were imported), then applies analyze/reporting-duty.
import { dutyMark, type DutyMark } from '../analyze/duty-mark.ts';
import { assessDuty, conditionsOf, summarizeDuty, type DutyNotice, type DutySummary } from '../analyze/reporting-duty.ts';
import type { FactRow } from '../analyze/stats/fact-row.ts';
import type { GroupingStore } from '../store/ports.ts';

/** Notices read per query: one step's texts are alive at a time. */
const STEP = 500;

/** The notices of every incident that meets a condition on its values, by notice id. */
export async function dutyNotices(store: Pick<GroupingStore, 'loadLinkable'>, rows: readonly FactRow[]): Promise<Map<number, DutyNotice>> {
  const ids = [...new Set(rows.filter((r) => conditionsOf(r).length > 0).flatMap((r) => r.noticeIds))];
  const out = new Map<number, DutyNotice>();
  for (let i = 0; i < ids.length; i += STEP) {
    for (const n of await store.loadLinkable(ids.slice(i, i + STEP), true)) {
      out.set(n.id, { id: n.id, text: n.text, record: n.record, mediaType: n.mediaType ?? '' });
    }
  }
  return out;
}

export async function checkDuty(store: Pick<GroupingStore, 'loadLinkable'>, rows: readonly FactRow[]): Promise<DutySummary> {
  const notices = await dutyNotices(store, rows);
  return summarizeDuty(rows, (row) => row.noticeIds.map((id) => notices.get(id)).filter((n): n is DutyNotice => n !== undefined));
}

/** Each incident's duty as one mark, kept with its facts (app/incident-facts.ts) for the dashboard's counts. */
export async function dutyMarks(store: Pick<GroupingStore, 'loadLinkable'>, rows: readonly FactRow[]): Promise<Map<number, DutyMark>> {
  const notices = await dutyNotices(store, rows);
  return new Map(rows.map((row) => [row.id, dutyMark(assessDuty(row, row.noticeIds.map((id) => notices.get(id)).filter((n): n is DutyNotice => n !== undefined)))]));
}
