import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/extract.ts';
import { findCounts } from '../../src/core/japanese-number.ts';
import { findDates } from '../../src/core/japanese-date.ts';
import type { IncidentRecord, RecordKey, Span } from '../../src/core/record.ts';
import { haveSeeds, seedFiles } from './seeds.ts';

const nfkc = (s: string) => s.normalize('NFKC');

// What a span must say for each key: the check gets the NFKC slice and the record.
const STATES: Partial<Record<RecordKey, (slice: string, r: IncidentRecord, spans: Span[], text: string) => void>> = {
  header: (slice, r) => expect(slice).toBe(nfkc(r.header)),
  casebook_id: (slice, r) => expect(slice).toContain(r.casebook_id!),
  title: (slice, r) => expect(slice).toBe(nfkc(r.title!)),
  organization: (slice, r) => {
    const org = nfkc(r.organization!);
    expect(slice.includes(org) || org.includes(slice)).toBe(true);
  },
  disclosure_date: (slice, r) => expectDate(slice, r.disclosure_date!),
  occurred_date: (slice, r) => expectDate(slice, r.occurred_date!),
  discovered_date: (slice, r) => (slice === '本日' ? expect(r.discovered_date).toBe(r.disclosure_date) : expectDate(slice, r.discovered_date!)),
  affected_count: (_slice, r, spans, text) => {
    const values = spans.map(([s, e]) => {
      const c = findCounts(nfkc(text.slice(s, e)));
      expect(c.length, `count in ${text.slice(s, e)}`).toBeGreaterThan(0);
      return c[0]!.value;
    });
    const sum = values.reduce((a, b) => a + b, 0);
    expect(values.includes(r.affected_count!) || sum === r.affected_count).toBe(true);
  },
  reported_to_ppc: (slice) => expect(slice).toMatch(/個人情報保護委?員会/),
  reported_to_police: (slice) => expect(slice).toMatch(/警|署|届|告訴|告発/),
  attacker: (slice, r) => expect(slice.toLowerCase()).toContain(nfkc(r.attacker!).toLowerCase()),
};

// A day-only or relative date (「12日」「同日」「翌日」) takes its month from the date before it: the span states the day.
const DAY_ONLY_RE = /^(?:翌)?([0-9]{1,2})\s*日|^(?:同日|当日|翌日|前日|翌朝|同夜)/;

function expectDate(slice: string, iso: string): void {
  const dayOnly = findDates(slice).length === 0 ? DAY_ONLY_RE.exec(slice) : null;
  if (dayOnly) {
    if (dayOnly[1]) expect(Number(dayOnly[1])).toBe(Number(iso.slice(8, 10)));
    return;
  }
  const d = findDates(slice)[0];
  expect(d, `a date in "${slice}"`).toBeDefined();
  expect([d!.month, d!.day]).toEqual([Number(iso.slice(5, 7)), Number(iso.slice(8, 10))]);
  if (d!.year !== null) expect(d!.year).toBe(Number(iso.slice(0, 4)));
}

// A skipped describe still runs its body to list its tests: the seeds are read only when there.
const SEEDS = haveSeeds('evidence on the seed posts');

describe.skipIf(!SEEDS)('evidence on the seed posts', () => {
  const extractions = SEEDS ? seedFiles().flatMap((f) => extractDocument(f.text)) : [];

  it('reads all 40 posts', () => {
    expect(extractions).toHaveLength(40);
  });

  it('gives every stated value a span, and every span lies inside the post', () => {
    for (const { post, record } of extractions) {
      for (const key of Object.keys(record.evidence) as RecordKey[]) {
        for (const [s, e] of record.evidence[key]!) {
          expect(s).toBeGreaterThanOrEqual(0);
          expect(e).toBeGreaterThan(s);
          expect(e).toBeLessThanOrEqual(post.text.length);
        }
      }
      const stated: RecordKey[] = ['casebook_id', 'organization', 'title', 'disclosure_date', 'affected_count', 'sector', 'attacker', 'discovery', 'occurred_date', 'discovered_date'];
      for (const key of stated) if (record[key] !== null) expect(record.evidence[key], `${post.header} ${key}`).toBeDefined();
      for (const key of ['reported_to_ppc', 'reported_to_police', 'contractor_involved'] as const) {
        if (record[key]) expect(record.evidence[key], `${post.header} ${key}`).toBeDefined();
      }
      expect(record.evidence.incident_types?.length ?? 0).toBe(record.incident_types.length);
      expect(record.evidence.data_types?.length ?? 0).toBe(record.data_types.length);
    }
  });

  it('has each span state its value in the stored text', () => {
    let checked = 0;
    for (const { post, record } of extractions) {
      for (const [key, check] of Object.entries(STATES) as Array<[RecordKey, NonNullable<(typeof STATES)[RecordKey]>]>) {
        const spans = record.evidence[key];
        if (!spans) continue;
        check(nfkc(post.text.slice(spans[0]![0], spans[0]![1])), record, spans, post.text);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(250);
  });

  it('ties list values to words that name them', () => {
    const typeWords: Record<string, RegExp> = {
      ransomware: /ランサム|lockbit/i,
      loss: /紛失|遺失|置き忘れ/,
      theft: /盗/,
      credential_stuffing: /リスト型/,
      sql_injection: /SQL/i,
      unauthorized_access: /不正|侵入|侵害/,
    };
    const dataWords: Record<string, RegExp> = {
      name: /氏名|名前|名義/,
      email: /メールアドレス/,
      phone: /電話/,
      address: /住所|郵便/,
      birthdate: /生年月日|誕生日/,
      credit_card: /カード|有効期限/,
      password: /パスワード/,
    };
    for (const { post, record } of extractions) {
      record.incident_types.forEach((t, i) => {
        const [s, e] = record.evidence.incident_types![i]!;
        if (typeWords[t]) expect(nfkc(post.text.slice(s, e)), `${post.header} ${t}`).toMatch(typeWords[t]!);
      });
      record.data_types.forEach((t, i) => {
        const [s, e] = record.evidence.data_types![i]!;
        if (dataWords[t]) expect(nfkc(post.text.slice(s, e)), `${post.header} ${t}`).toMatch(dataWords[t]!);
      });
    }
  });
});
