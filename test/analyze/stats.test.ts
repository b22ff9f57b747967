// Every statistic over the seven-incident casebook of fact-rows.ts, with answers worked out by hand.
import { describe, expect, it } from 'vitest';
import { affectedPeople } from '../../src/analyze/stats/affected-people.ts';
import { contractorShare } from '../../src/analyze/stats/contractor-share.ts';
import { countByAttacker } from '../../src/analyze/stats/count-by-attacker.ts';
import { countByDataType } from '../../src/analyze/stats/count-by-data-type.ts';
import { countByDiscovery } from '../../src/analyze/stats/count-by-discovery.ts';
import { countByPeriod } from '../../src/analyze/stats/count-by-period.ts';
import { countBySector } from '../../src/analyze/stats/count-by-sector.ts';
import { countByType } from '../../src/analyze/stats/count-by-type.ts';
import { daysBetween, delays, percentile } from '../../src/analyze/stats/delays.ts';
import { allStats, STAT_FIELDS } from '../../src/analyze/stats/stats-by.ts';
import { countByTsrCause, TSR_CAUSE_OF, tsrCauseOf } from '../../src/analyze/stats/tsr-cause.ts';
import { INCIDENT_TYPES } from '../../src/core/record.ts';
import { CASEBOOK, fact } from './fact-rows.ts';
import type { FactRow } from '../../src/analyze/stats/fact-row.ts';

describe('counts by period (disclosure date)', () => {
  it('counts months, lists the empty ones between, and keeps undated incidents apart', () => {
    const months = countByPeriod(CASEBOOK, 'month');
    // A, B in January; C March; D April; G May; E July; F has no disclosure date.
    expect(months.rows).toEqual([
      { period: '2024-01', count: 2 }, { period: '2024-02', count: 0 }, { period: '2024-03', count: 1 },
      { period: '2024-04', count: 1 }, { period: '2024-05', count: 1 }, { period: '2024-06', count: 0 },
      { period: '2024-07', count: 1 },
    ]);
    expect(months.undated).toBe(1);
    expect(months.incidents).toBe(7);
  });

  it('counts quarters and years, across a year end', () => {
    expect(countByPeriod(CASEBOOK, 'quarter').rows).toEqual([
      { period: '2024-Q1', count: 3 }, { period: '2024-Q2', count: 2 }, { period: '2024-Q3', count: 1 },
    ]);
    expect(countByPeriod(CASEBOOK, 'year').rows).toEqual([{ period: '2024', count: 6 }]);
    const span = countByPeriod([CASEBOOK[0]!, { ...CASEBOOK[1]!, disclosureDate: '2023-11-30' }], 'month');
    expect(span.rows.map((r) => r.period)).toEqual(['2023-11', '2023-12', '2024-01']);
  });
});

describe('counts by category', () => {
  it('counts an incident of two types once under each; untyped incidents as unknown', () => {
    const types = countByType(CASEBOOK);
    expect(types.rows).toEqual([
      { key: 'misdelivery', count: 2 }, // B, G
      { key: 'ddos', count: 1 }, { key: 'insider', count: 1 }, { key: 'loss', count: 1 },
      { key: 'ransomware', count: 1 }, { key: 'unauthorized_access', count: 1 }, { key: 'web_skimming', count: 1 },
    ]);
    expect(types.unknown).toBe(1); // F
  });

  it('maps to 東京商工リサーチ\'s four causes, one cause per incident, attack before insider before slip', () => {
    const causes = countByTsrCause(CASEBOOK);
    expect(causes.rows).toEqual([
      { cause: 'ウイルス感染・不正アクセス', count: 2, people: 17000 }, // A 12,000 + D 5,000
      { cause: '誤表示・誤送信', count: 1, people: 312 },              // B
      { cause: '紛失・誤廃棄', count: 1, people: 128 },                 // C
      { cause: '不正持ち出し・盗難', count: 1, people: 50 },           // G: insider wins over its misdelivery
    ]);
    expect(causes.none).toBe(2); // E (DDoS) and F (no type)
    expect(tsrCauseOf(['misdelivery', 'phishing'])).toBe('ウイルス感染・不正アクセス');
    expect(tsrCauseOf(['loss', 'misconfiguration'])).toBe('誤表示・誤送信');
  });

  it('gives every incident type a documented cause or none, and none only to types that take no data', () => {
    expect(Object.keys(TSR_CAUSE_OF).sort()).toEqual([...INCIDENT_TYPES].sort());
    expect(INCIDENT_TYPES.filter((t) => TSR_CAUSE_OF[t] === null).sort()).toEqual(['ddos', 'other', 'outage']);
  });

  it('counts sectors, data types and discovery channels with the unknowns', () => {
    const sectors = countBySector(CASEBOOK);
    expect(sectors.rows[0]).toEqual({ key: 'ecommerce', count: 2 });
    expect(sectors.rows.slice(1).map((r) => r.key)).toEqual(['finance', 'government', 'healthcare', 'manufacturing']);
    expect(sectors.unknown).toBe(1);

    const data = countByDataType(CASEBOOK);
    expect(data.rows).toEqual([
      { key: 'name', count: 3 }, // A, C, D
      { key: 'address', count: 1 }, { key: 'card_security_code', count: 1 }, { key: 'credit_card', count: 1 },
      { key: 'email', count: 1 }, { key: 'medical', count: 1 },
    ]);
    expect(data.unknown).toBe(3); // E, F, G

    const discovery = countByDiscovery(CASEBOOK);
    expect(discovery.rows.map((r) => [r.key, r.count])).toEqual([['card_company', 1], ['customer_report', 1], ['internal_detection', 1]]);
    expect(discovery.unknown).toBe(4);
  });

  it('gives the contractor share and groups attacker spellings', () => {
    expect(contractorShare(CASEBOOK)).toEqual({ incidents: 7, involved: 2, share: 2 / 7 });
    expect(contractorShare([])).toEqual({ incidents: 0, involved: 0, share: null });
    const attackers = countByAttacker(CASEBOOK);
    expect(attackers.rows).toEqual([{ key: 'LockBit', count: 2 }]); // "LockBit" (A) and " lockbit" (E)
    expect(attackers.unknown).toBe(5);
  });

  it('counts a group the alias table knows under its canonical name, whatever the spelling', () => {
    const named = (attacker: string | null, i: number): FactRow => fact(900 + i, { attacker });
    const rows = ['LockBit 3.0', 'LOCKBIT2.0', 'lockbit', 'Foo Team', 'foo  team ', null].map(named);
    expect(countByAttacker(rows).rows).toEqual([{ key: 'LockBit', count: 3 }, { key: 'Foo Team', count: 2 }]);
    expect(countByAttacker(rows).unknown).toBe(1);
  });
});

describe('affected people', () => {
  it('totals, takes the median and names the largest over incidents that state a count', () => {
    // Counts: 50, 128, 312, 5,000, 12,000 → total 17,490, median the third, 312.
    expect(affectedPeople(CASEBOOK)).toEqual({
      incidents: 7, counted: 5, total: 17490, median: 312,
      largest: { incidentId: 1, number: null, organization: 'A製作所', count: 12000 },
    });
    // Even count: the mean of the two middle ones, (128 + 312) / 2.
    expect(affectedPeople(CASEBOOK.filter((r) => r.id !== 1)).median).toBe(220);
    expect(affectedPeople([])).toMatchObject({ counted: 0, total: 0, median: null, largest: null });
  });
});

describe('delays', () => {
  it('counts whole days in UTC, across a leap day', () => {
    expect(daysBetween('2024-02-12', '2024-03-02')).toBe(19); // 17 days to 29 Feb, then 2
    expect(daysBetween('2023-02-12', '2023-03-02')).toBe(18);
    expect(daysBetween('2023-12-20', '2024-01-05')).toBe(16);
  });

  it('takes the nearest-rank percentile', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9); // rank ⌈9⌉ = 9
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10); // rank ⌈9.9⌉ = 10
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([], 90)).toBeNull();
  });

  it('gives median and 90th percentile with how many incidents each rests on', () => {
    const d = delays(CASEBOOK);
    // occurred → discovered: A 16, C 2, G 5.
    expect(d.occurredToDiscovered).toEqual({ incidents: 3, median: 5, p90: 16, inconsistent: 0, days: [2, 5, 16] });
    // discovered → disclosed: A 10, B 1, C 19, D 91, G 6; E was disclosed before its stated discovery.
    expect(d.discoveredToDisclosed).toEqual({ incidents: 5, median: 10, p90: 91, inconsistent: 1, days: [1, 6, 10, 19, 91] });
  });
});

describe('every statistic by name', () => {
  it('answers each field the CLI and the API accept', () => {
    const all = allStats(CASEBOOK);
    expect(all.incidents).toBe(7);
    for (const f of STAT_FIELDS) expect(all[f]).toBeDefined();
    expect(all.affected.total).toBe(17490);
    expect(all.quarter.rows).toHaveLength(3);
  });
});
