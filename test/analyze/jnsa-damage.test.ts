// The JNSA damage model: the published examples, the bounds of the formula, and settings overrides.
import { describe, expect, it } from 'vitest';
import { estimateDamage, perPersonYen, summarizeDamages, type Level } from '../../src/analyze/jnsa-damage.ts';
import { parseSettings } from '../../src/app/settings.ts';
import { fact } from './fact-rows.ts';

describe('JNSA damage model', () => {
  it('prices name and address at an ordinary organisation at ¥6,000 a person', () => {
    const e = estimateDamage(fact(1, { dataTypes: ['name', 'address'], sector: 'manufacturing', affectedCount: 100 }));
    expect(e).toMatchObject({
      privacy: { level: 1, setBy: 'name' }, economic: { level: 1, setBy: 'name' }, sensitivity: 2,
      identifiability: { factor: 6 }, socialResponsibility: { factor: 1 }, response: { factor: 1 },
      perPerson: 6000, people: 100, total: 600_000,
    });
  });

  it('prices a card number with expiry (privacy 1, economic 3) with name and address at ¥78,000', () => {
    const e = estimateDamage(fact(1, { dataTypes: ['name', 'address', 'credit_card'], sector: 'ecommerce', affectedCount: 2 }));
    // 500 × (10^0 + 5^2 = 26) × 6 × 1 × 1
    expect(e).toMatchObject({ privacy: { level: 1 }, economic: { level: 3, setBy: 'credit_card' }, sensitivity: 26, perPerson: 78_000, total: 156_000 });
  });

  it('has its bounds at ¥1,000 and ¥1,500,000: all levels and factors lowest, then highest', () => {
    const levels: Level[] = [1, 2, 3];
    const all: number[] = [];
    for (const p of levels) for (const ec of levels) for (const id of [1, 3, 6] as const) for (const s of [1, 2] as const) for (const r of [1, 2] as const) all.push(perPersonYen(p, ec, id, s, r));
    expect(Math.min(...all)).toBe(1_000);     // 500 × (1 + 1) × 1 × 1 × 1
    expect(Math.max(...all)).toBe(1_500_000); // 500 × (100 + 25) × 6 × 2 × 2
  });

  it('reaches the lower bound for an e-mail address alone at an ordinary organisation', () => {
    expect(estimateDamage(fact(1, { dataTypes: ['email'], sector: 'retail', affectedCount: 3 }))).toMatchObject({
      identifiability: { factor: 1 }, perPerson: 1_000, total: 3_000,
    });
  });

  it('reaches the upper bound with privacy 3 from the settings, a hospital and an inappropriate response', () => {
    const tables = parseSettings({ jnsa: { dataTypes: { medical: { privacy: 3, economic: 1 } } } }, 'test.json');
    const e = estimateDamage(fact(1, { dataTypes: ['name', 'address', 'medical', 'credit_card'], sector: 'healthcare', affectedCount: 1 }), tables,
      { factor: 2, because: 'known late notice' });
    expect(e).toMatchObject({ privacy: { level: 3, setBy: 'medical' }, economic: { level: 3, setBy: 'credit_card' }, sensitivity: 125,
      socialResponsibility: { factor: 2 }, response: { factor: 2 }, perPerson: 1_500_000 });
  });

  it('takes identifiability 3 for a name alone or address with phone, and 社会的責任度 from the sector table', () => {
    expect(estimateDamage(fact(1, { dataTypes: ['name'] })).identifiability.factor).toBe(3);
    expect(estimateDamage(fact(1, { dataTypes: ['address', 'phone'] })).identifiability.factor).toBe(3);
    expect(estimateDamage(fact(1, { dataTypes: ['address'] })).identifiability.factor).toBe(1);
    expect(estimateDamage(fact(1, { sector: 'government' })).socialResponsibility.factor).toBe(2);
    const raised = parseSettings({ jnsa: { sectors: { manufacturing: 2 } } }, 'x.json');
    expect(estimateDamage(fact(1, { dataTypes: ['name', 'address'], sector: 'manufacturing' }), raised).perPerson).toBe(12_000);
  });

  it('leaves the total open without a count, and sums what it can', () => {
    const es = [
      estimateDamage(fact(1, { dataTypes: ['name', 'address'], affectedCount: 10 })),
      estimateDamage(fact(2, { dataTypes: ['name', 'address'] })),
    ];
    expect(es[1]!.total).toBeNull();
    expect(summarizeDamages(es)).toEqual({ incidents: 2, estimated: 1, total: 60_000, largest: [{ incidentId: 1, total: 60_000 }] });
  });

  it('rejects a bad settings file naming the file and the field', () => {
    expect(() => parseSettings({ jnsa: { dataTypes: { medical: { privacy: 4, economic: 1 } } } }, 'cases/jikenbo.settings.json'))
      .toThrow(/cases\/jikenbo\.settings\.json: jnsa\.dataTypes\.medical\.privacy/);
    expect(() => parseSettings({ jnsa: { dataTypes: { nmae: { privacy: 1, economic: 1 } } } }, 's.json')).toThrow(/s\.json: jnsa\.dataTypes/);
    expect(() => parseSettings({ jnsa: { sector: {} } }, 's.json')).toThrow(/s\.json/);
  });
});
