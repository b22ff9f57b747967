import { describe, expect, it } from 'vitest';
import {
  NumberAllocator, formatCasebookNumber, formatOwnNumber, incidentNumberOf, parseCasebookNumber, parseOwnNumber,
} from '../../src/analyze/casebook-number.ts';
import { groupNotices } from '../../src/analyze/group-notices.ts';
import { planIncidents } from '../../src/analyze/plan-incidents.ts';
import type { ExistingIncident, IncidentPlan, NoticeLink } from '../../src/store/store.ts';
import { FIRST_NOTICE, SECOND_REPORT, decision, notice, snapshot } from './linkable.ts';

const numbers = (plan: IncidentPlan) =>
  Object.fromEntries(plan.incidents.map((p) => [p.members.map((m) => m.noticeId).join('+'), p.number]));

/** What the store would hold after applying a plan: ids handed out from `nextId`. */
function applied(plan: IncidentPlan, nextId = 100): ExistingIncident[] {
  return plan.incidents.map((p) => ({
    id: p.id ?? nextId++, number: p.number, numberKept: p.numberKept, ownNumber: p.ownNumber,
    numberAssignedAt: p.numberNew ? `2024-12-0${nextId % 9}` : '2024-11-01', noticeIds: p.members.map((m) => m.noticeId),
  }));
}

describe('casebook numbers', () => {
  it('parses full numbers only, and formats three digits at least', () => {
    expect(parseCasebookNumber('2023-042')).toEqual({ year: 2023, seq: 42 });
    expect(parseCasebookNumber('#2024-1000')).toEqual({ year: 2024, seq: 1000 });
    expect(parseCasebookNumber('2022')).toBeNull();
    expect(formatCasebookNumber(2024, 7)).toBe('2024-007');
    expect(formatCasebookNumber(2024, 1000)).toBe('2024-1000');
  });

  it('reads jikenbo\'s own numbers in a form of their own, which no header number ever has', () => {
    expect(parseOwnNumber('J2024-0078')).toEqual({ year: 2024, seq: 78 });
    expect(parseOwnNumber('#J2024-10000')).toEqual({ year: 2024, seq: 10000 });
    expect(parseOwnNumber('2024-078')).toBeNull();
    expect(parseCasebookNumber('J2024-0078')).toBeNull();
    expect(formatOwnNumber(2024, 78)).toBe('J2024-0078');
    expect(formatOwnNumber(2024, 10000)).toBe('J2024-10000');
    expect([incidentNumberOf(' #J2024-0078 '), incidentNumberOf('#2024-078'), incidentNumberOf('2024'), incidentNumberOf('J2024-078')])
      .toEqual(['J2024-0078', '2024-078', null, null]);
    // Every number either form can write, over a range of years and running numbers: never one string.
    for (const year of [1999, 2023, 2024, 2099]) {
      for (let seq = 0; seq <= 20_000; seq += 97) {
        const own = formatOwnNumber(year, seq);
        expect(parseCasebookNumber(own)).toBeNull();
        expect(own).not.toBe(formatCasebookNumber(year, seq));
        expect(parseOwnNumber(own)).toEqual({ year, seq });
      }
    }
  });

  it('allocates above every counted and given own number of the year, never below, never twice; header numbers take no room', () => {
    const allocator = new NumberAllocator(new Map([[2024, 9998]]), ['J2023-0478', '2023-900', null, '2025-050']);
    const given = [allocator.next(2024), allocator.next(2024), allocator.next(2023), allocator.next(2025)];
    expect(given).toEqual(['J2024-9999', 'J2024-10000', 'J2023-0479', 'J2025-0001']);
    expect(allocator.counters()).toEqual(new Map([[2024, 10000], [2023, 479], [2025, 1]]));
    const again = new NumberAllocator(allocator.counters(), []);
    expect(given).not.toContain(again.next(2024));
    expect(given).not.toContain(again.next(2025));
  });
});

describe('planIncidents: numbering', () => {
  const a = notice(1, 'お知らせA\nあおば総合病院', { organization: 'あおば総合病院', disclosure_date: '2024-03-10', incident_types: ['loss'] });
  const b = notice(2, 'お知らせB\nみどり電機', { organization: 'みどり電機', disclosure_date: '2024-01-05', incident_types: ['malware'] });
  const kept = notice(3, '【事件簿#2024-002】お知らせC\nさくら市', { organization: 'さくら市', casebook_id: '2024-002', disclosure_date: '2024-02-01', incident_types: ['misdelivery'] });
  const yearOnly = notice(4, '【事件簿#2023】お知らせD\nひばり町', { organization: 'ひばり町', casebook_id: '2023', disclosure_date: '2024-02-20', incident_types: ['theft'] });

  it('keeps header numbers and numbers the rest in jikenbo\'s own form by disclosure within the year', () => {
    const plan = planIncidents(snapshot([a, b, kept, yearOnly]));
    expect(numbers(plan)).toEqual({ 3: '2024-002', 2: 'J2024-0001', 4: 'J2024-0002', 1: 'J2024-0003' });
    expect(plan.incidents.find((p) => p.number === '2024-002')).toMatchObject({ numberKept: true, ownNumber: null, numberNew: false });
    expect(plan.incidents.find((p) => p.number === 'J2024-0001')).toMatchObject({ numberKept: false, ownNumber: 'J2024-0001', numberNew: true });
    expect(plan.counters.get(2024)).toBe(3);
  });

  it('a casebook post arriving later never collides with a number jikenbo gave', () => {
    const first = planIncidents(snapshot([a, b]));
    expect(numbers(first)).toEqual({ 2: 'J2024-0001', 1: 'J2024-0002' });
    // The public casebook later numbers another organisation's incident 2024-001 and 2024-002.
    const late1 = notice(5, '【事件簿#2024-001】お知らせ\nことり雑貨', { organization: 'ことり雑貨', casebook_id: '2024-001', disclosure_date: '2024-01-02', incident_types: ['phishing'] });
    const late2 = notice(6, '【事件簿#2024-002】お知らせ\nひばり町', { organization: 'ひばり町', casebook_id: '2024-002', disclosure_date: '2024-01-03', incident_types: ['theft'] });
    const second = planIncidents(snapshot([a, b, late1, late2], { incidents: applied(first), counters: first.counters }));
    expect(numbers(second)).toEqual({ 2: 'J2024-0001', 1: 'J2024-0002', 5: '2024-001', 6: '2024-002' });
    expect(second.incidents.every((p) => p.clashNotes === null)).toBe(true);
    expect(new Set(second.incidents.map((p) => p.number)).size).toBe(4);
  });

  it('an incident that takes a header number keeps its own number beside it, for ever', () => {
    const first = planIncidents(snapshot([FIRST_NOTICE]));
    const own = first.incidents[0]!.ownNumber!;
    expect(own).toMatch(/^J2024-\d{4}$/);
    const numbered = { ...SECOND_REPORT, record: { ...SECOND_REPORT.record, casebook_id: '2024-311' } };
    const merged = planIncidents(snapshot([FIRST_NOTICE, numbered], { incidents: applied(first), counters: first.counters }));
    expect(merged.incidents).toEqual([expect.objectContaining({ id: 100, number: '2024-311', numberKept: true, ownNumber: own, numberNew: false })]);
    // The header notice is unlinked again: the incident shows its own number once more, the same one.
    const apart = planIncidents(snapshot([FIRST_NOTICE, numbered], { incidents: applied(merged), counters: merged.counters, decisions: [decision('unlink', 2)] }));
    expect(apart.incidents.find((p) => p.id === 100)).toMatchObject({ number: own, ownNumber: own, numberNew: false });
  });

  it('never renumbers: a later notice disclosed earlier in the year takes the next free number', () => {
    const first = planIncidents(snapshot([a, b]));
    expect(numbers(first)).toEqual({ 2: 'J2024-0001', 1: 'J2024-0002' });
    const early = notice(5, 'お知らせE\nことり雑貨', { organization: 'ことり雑貨', disclosure_date: '2024-01-01', incident_types: ['phishing'] });
    const second = planIncidents(snapshot([a, b, early], { incidents: applied(first), counters: first.counters }));
    expect(numbers(second)).toEqual({ 2: 'J2024-0001', 1: 'J2024-0002', 5: 'J2024-0003' });
    expect(second.incidents.filter((p) => p.id !== null)).toHaveLength(2);
  });

  it('never hands out a number a merge retired', () => {
    const followUp = { ...SECOND_REPORT, id: 2 };
    const apart = planIncidents(snapshot([FIRST_NOTICE], { decisions: [] }));
    // The follow-up arrived alone first in another casebook state: give it its own number, then merge.
    const alone = planIncidents(snapshot([followUp], { incidents: applied(apart), counters: apart.counters }));
    const both = planIncidents(snapshot([FIRST_NOTICE, followUp], {
      incidents: [...applied(apart, 100), ...applied(alone, 200).filter((i) => i.noticeIds[0] === 2)],
      counters: alone.counters,
    }));
    expect(both.incidents).toHaveLength(1);
    expect(both.incidents[0]!.number).toBe('J2024-0001');
    expect(both.retire).toEqual([200]);
    expect(both.absorbed).toEqual([{ id: 200, into: 100 }]);
    const later = notice(9, 'お知らせ\nさくら市', { organization: 'さくら市', disclosure_date: '2024-12-01', incident_types: ['loss'] });
    const next = planIncidents(snapshot([FIRST_NOTICE, followUp, later], { incidents: applied(both), counters: both.counters }));
    expect(numbers(next)['9']).toBe('J2024-0003');
  });

  it('gives an incident without any disclosure date the year it was ingested', () => {
    const undated = notice(1, 'お知らせ\nひばり町', { organization: 'ひばり町' }, '2026-04-01T09:00:00.000Z');
    expect(numbers(planIncidents(snapshot([undated])))).toEqual({ 1: 'J2026-0001' });
  });

  it('keeps one number on two organisations\' incidents and flags the clash on both', () => {
    const x = notice(1, 'お知らせ\nあおば総合病院', { organization: 'あおば総合病院', casebook_id: '2023-104', incident_types: ['insider'] });
    const y = notice(2, 'お知らせ\n株式会社ことり雑貨', { organization: '株式会社ことり雑貨', casebook_id: '2023-104', incident_types: ['web_skimming'] });
    const plan = planIncidents(snapshot([x, y]));
    expect(plan.incidents).toHaveLength(2);
    expect(plan.incidents.map((p) => [p.number, p.numberKept])).toEqual([['2023-104', true], ['2023-104', true]]);
    expect(plan.incidents[0]!.clashNotes).toBe('#2023-104 is also the number of notice 2 (株式会社ことり雑貨)');
    expect(plan.incidents[1]!.clashNotes).toBe('#2023-104 is also the number of notice 1 (あおば総合病院)');
  });

  it('after a merge keeps the kept number over an assigned one', () => {
    const first = planIncidents(snapshot([FIRST_NOTICE]));
    expect(first.incidents[0]!.number).toBe('J2024-0001');
    const numbered = { ...SECOND_REPORT, record: { ...SECOND_REPORT.record, casebook_id: '2024-311' } };
    const merged = planIncidents(snapshot([FIRST_NOTICE, numbered], { incidents: applied(first), counters: first.counters }));
    expect(merged.incidents).toHaveLength(1);
    expect(merged.incidents[0]).toMatchObject({ id: 100, number: '2024-311', numberKept: true });
  });
});

describe('groupNotices: a person\'s decisions win', () => {
  const auto: NoticeLink[] = [{ rule: 'follow_up', evidence: '第2報', notices: [1, 2] }];

  it('joins notices a person linked, and separates a notice a person unlinked', () => {
    const ids = (gs: ReturnType<typeof groupNotices>) => gs.map((g) => g.noticeIds);
    expect(ids(groupNotices([1, 2, 3], auto, []))).toEqual([[1, 2], [3]]);
    expect(ids(groupNotices([1, 2, 3], auto, [decision('link', 3, 1)]))).toEqual([[1, 2, 3]]);
    expect(ids(groupNotices([1, 2, 3], auto, [decision('unlink', 2)]))).toEqual([[1], [2], [3]]);
  });

  it('applies decisions in order: a link after an unlink holds, an unlink after a link ends it', () => {
    const ids = (gs: ReturnType<typeof groupNotices>) => gs.map((g) => g.noticeIds);
    expect(ids(groupNotices([1, 2, 3], auto, [decision('unlink', 2), decision('link', 2, 3)]))).toEqual([[1], [2, 3]]);
    expect(ids(groupNotices([1, 2, 3], auto, [decision('link', 2, 3), decision('unlink', 2)]))).toEqual([[1], [2], [3]]);
  });

  it('records the reason on each member, and marks a person\'s work as manual', () => {
    const [group] = groupNotices([1, 2, 3], auto, [decision('link', 1, 3)]);
    expect(group!.members.map((m) => [m.noticeId, m.origin, m.links.map((l) => l.rule)])).toEqual([
      [1, 'manual', ['follow_up', 'manual_link']], [2, 'auto', ['follow_up']], [3, 'manual', ['manual_link']],
    ]);
    expect(group!.members[2]!.links[0]).toMatchObject({ by: 'tester', evidence: 'linked by tester' });
  });
});
