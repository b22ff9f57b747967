// The rule engine and the step pipeline on their own: guards, neighbour checks, rule removal, skipping
// units that hold none of a rule's required strings, and steps that see only the fields they declare.
import { describe, expect, it } from 'vitest';
import type { Post } from '../../src/extract/post.ts';
import { buildContext } from '../../src/extract/context.ts';
import { applyRules, type Unit } from '../../src/extract/rules/engine.ts';
import { defineRules } from '../../src/extract/rules/rule.ts';
import { requiredLiterals } from '../../src/extract/rules/literals.ts';
import { checkPipeline, runPipeline, step } from '../../src/extract/steps.ts';

const units = (...texts: string[]): Unit[] => texts.map((text, index) => ({ start: index * 100, text, index }));
const example = { match: ['x'], noMatch: ['y'] };

const RULES = defineRules<string>('incident_types', [
  { id: 'incident_types/test-loss', pattern: /紛失/, scope: 'sentence', guards: ['advice', 'denied'], value: 'loss', confidence: 'high', why: 'test', examples: example },
  { id: 'incident_types/test-theft', pattern: /盗難/, scope: 'sentence', notBefore: /車両の$/, notAfter: /^対策/, value: 'theft', confidence: 'high', why: 'test', examples: example },
]);

describe('applyRules', () => {
  it('returns hits with offsets in the post text, unit by unit', () => {
    const hits = applyRules(RULES, units('書類を紛失しました。', '端末が盗難に遭いました。'));
    expect(hits.map((h) => [h.rule.id, h.start, h.end])).toEqual([
      ['incident_types/test-loss', 3, 5],
      ['incident_types/test-theft', 103, 105],
    ]);
  });

  it('drops hits a guard or a neighbour check voids', () => {
    expect(applyRules(RULES, units('紛失にご注意ください。'))).toEqual([]);
    expect(applyRules(RULES, units('紛失はありません。'))).toEqual([]);
    expect(applyRules(RULES, units('車両の盗難がありました。'))).toEqual([]);
    expect(applyRules(RULES, units('盗難対策を進めます。'))).toEqual([]);
  });

  it('leaves out the rules it is told to', () => {
    const hits = applyRules(RULES, units('紛失と盗難がありました。'), { without: new Set(['incident_types/test-loss']) });
    expect(hits.map((h) => h.rule.id)).toEqual(['incident_types/test-theft']);
  });

  it('skips units no rule can match, and finds the same hits in the others', () => {
    const mixed = units('何も起きていません。', '書類を紛失しました。', '本日は晴天です。');
    expect(applyRules(RULES, mixed).map((h) => h.unit.index)).toEqual([1]);
  });

  it('runs a rule whose required strings are unknown on every unit, beside rules that have them', () => {
    const free = defineRules<string>('incident_types', [
      { id: 'incident_types/test-any-code', pattern: /[A-Z]{3}[0-9]?/, scope: 'sentence', value: 'code', confidence: 'high', why: 'test', examples: example },
      { id: 'incident_types/test-lost', pattern: /紛失/, scope: 'sentence', value: 'loss', confidence: 'high', why: 'test', examples: example },
    ]);
    expect(requiredLiterals(free[0]!.pattern)).toBeNull();
    const hits = applyRules(free, units('型番ABC12です。', '書類を紛失した。', 'XYZ34を紛失。'));
    expect(hits.map((h) => [h.unit.index, h.rule.value])).toEqual([[0, 'code'], [1, 'loss'], [2, 'code'], [2, 'loss']]);
  });

  it('refuses a rule list with a duplicate id or without both kinds of example', () => {
    const base = { pattern: /a/, scope: 'sentence' as const, value: 1, confidence: 'high' as const, why: 'test' };
    expect(() => defineRules('affected_count', [{ ...base, id: 'affected_count/a', examples: example }, { ...base, id: 'affected_count/a', examples: example }])).toThrow(/duplicate/);
    expect(() => defineRules('affected_count', [{ ...base, id: 'affected_count/b', examples: { match: ['a'], noMatch: [] } }])).toThrow(/example/);
    expect(() => defineRules('affected_count', [{ ...base, id: 'sector/c', examples: example }])).toThrow(/named/);
  });
});

describe('the step pipeline', () => {
  const post: Post = { header: 'お知らせ', text: 'お知らせ\n\n本文です。', start: 0, end: 12 };
  const ctx = buildContext(post, null);

  it('refuses a step that reads a field no earlier step gives', () => {
    const steps = [step({ name: 'b', why: 'test', inputs: ['title'], outputs: ['organization'], run: () => ({ organization: null }) })];
    expect(() => checkPipeline(steps, ['organization'])).toThrow(/reads title/);
    expect(() => checkPipeline([], ['title'])).toThrow(/no step gives title/);
  });

  it('shows each step only its declared inputs, and the notice year to steps that read disclosure_date', () => {
    const seen: string[] = [];
    const steps = [
      step({ name: 'date', why: 'test', inputs: [], outputs: ['disclosure_date', 'title'], run: () => ({ disclosure_date: { value: '2030-04-10', at: [] }, title: { value: 't', at: [] } }) }),
      step({
        name: 'reader',
        why: 'test',
        inputs: ['disclosure_date'],
        outputs: ['organization'],
        run: (c, got) => {
          seen.push(Object.keys(got).join(','), String(c.noticeDate));
          return { organization: null };
        },
      }),
      step({
        name: 'blind',
        why: 'test',
        inputs: ['title'],
        outputs: ['sector'],
        run: (c, got) => {
          seen.push(Object.keys(got).join(','), String(c.noticeDate));
          return { sector: null };
        },
      }),
    ];
    runPipeline(steps, ctx);
    expect(seen).toEqual(['disclosure_date', '2030-04-10', 'title', 'null']);
  });
});
