// Every extraction rule's invented examples, run through the whole extractor: each `match` example gives
// the rule's value (or the example's `expect`), each `noMatch` example does not, and removing the rule
// changes the result of at least one of its `match` examples, so a rule that nothing needs fails here.
import { describe, expect, it } from 'vitest';
import type { IncidentRecord, RecordKey } from '../../src/core/record.ts';
import { extractDocument } from '../../src/extract/extract.ts';
import { ALL_RULES } from '../../src/extract/rules/index.ts';
import type { Example, Rule } from '../../src/extract/rules/rule.ts';

const asExample = (e: string | Example): Example => (typeof e === 'string' ? { text: e } : e);

/** A sentence example becomes the body of a bare notice under a neutral first line. */
function documentOf(rule: Rule<unknown>, e: Example): string {
  if (e.text.includes('\n') || rule.scope === 'header' || rule.scope === 'name') return e.text;
  return `お知らせ\n\n${e.text}`;
}

function recordOf(text: string, without?: ReadonlySet<string>): IncidentRecord {
  const r = extractDocument(text, without ? { without } : {})[0]?.record;
  if (!r) throw new Error(`no record for ${JSON.stringify(text)}`);
  return r;
}

/** Whether a record's field has a value: an array holds it, anything else equals it. */
function has(record: IncidentRecord, key: RecordKey, value: unknown): boolean {
  const v = record[key];
  return Array.isArray(v) ? v.includes(value as never) : v === value;
}

function expectations(rule: Rule<unknown>, e: Example): Array<[RecordKey, unknown]> {
  return e.expect ? (Object.entries(e.expect) as Array<[RecordKey, unknown]>) : [[rule.field, rule.value]];
}

function meets(record: IncidentRecord, pairs: Array<[RecordKey, unknown]>): boolean {
  return pairs.every(([k, v]) => (Array.isArray(v) ? v.every((x) => has(record, k, x)) : has(record, k, v)));
}

it('has rules with ids that are unique', () => {
  expect(ALL_RULES.length).toBeGreaterThan(0);
  expect(new Set(ALL_RULES.map((r) => r.id)).size).toBe(ALL_RULES.length);
});

describe.each(ALL_RULES.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  const matches = rule.examples.match.map(asExample);
  const misses = rule.examples.noMatch.map(asExample);

  it.each(matches.map((e) => [e.text, e] as const))('gives its value on %s', (_t, e) => {
    const r = recordOf(documentOf(rule, e));
    for (const [k, v] of expectations(rule, e)) {
      if (Array.isArray(v)) expect(r[k], k).toEqual(expect.arrayContaining(v));
      else if (Array.isArray(r[k])) expect(r[k], k).toContain(v);
      else expect(r[k], k).toEqual(v);
    }
  });

  it.each(misses.map((e) => [e.text, e] as const))('does not give it on %s', (_t, e) => {
    const r = recordOf(documentOf(rule, e));
    if (e.expect) {
      for (const [k, v] of Object.entries(e.expect) as Array<[RecordKey, unknown]>) {
        if (Array.isArray(v) && Array.isArray(r[k])) expect([...(r[k] as unknown[])].sort(), k).toEqual([...v].sort());
        else expect(r[k], k).toEqual(v);
      }
    } else {
      expect(has(r, rule.field, rule.value), `${rule.field} = ${JSON.stringify(r[rule.field])}`).toBe(false);
    }
  });

  it('is needed: without it, one of its examples changes', () => {
    const without = new Set([rule.id]);
    const changed = matches.some((e) => !meets(recordOf(documentOf(rule, e), without), expectations(rule, e)));
    expect(changed, 'every match example still gives the value with the rule removed').toBe(true);
  });
});
