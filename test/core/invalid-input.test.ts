// The one conversion of a zod error into jikenbo's error (src/core/invalid-input.ts): the field and the
// problem in the message, the field as subject, the catalogue key a page says it with.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JikenboError } from '../../src/core/errors.ts';
import { describeIssues, invalidInput } from '../../src/core/invalid-input.ts';

const errorOf = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected a rejection');
  return r.error;
};

describe('invalidInput', () => {
  const query = z.object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'not a date'), type: z.array(z.enum(['a', 'b'])).optional() }).strict();

  it('names the field and the problem, with the field as subject and the catalogue key of the pages', () => {
    const err = invalidInput(errorOf(query, { from: 'yesterday' }), { what: 'query parameter' });
    expect(err).toBeInstanceOf(JikenboError);
    expect(err.code).toBe('bad_input');
    expect(err.message).toBe('query parameter from: not a date');
    expect(err.subject).toBe('from');
    expect(err.key).toBe('error.field');
    expect(err.params).toEqual({ field: 'from', problem: 'problem.format' });
  });

  it('names an unknown parameter by its key, and its path when nested', () => {
    expect(invalidInput(errorOf(query, { from: '2024-01-01', sort: 'x' })).message).toBe('sort: unknown parameter');
    const nested = z.object({ jnsa: z.object({ dataTypes: z.object({}).strict() }) });
    expect(invalidInput(errorOf(nested, { jnsa: { dataTypes: { nmae: 1 } } })).message).toBe('jnsa.dataTypes.nmae: unknown parameter');
  });

  it('keeps the first step of a list parameter, renames fields and quotes a value when asked', () => {
    const list = errorOf(query, { from: '2024-01-01', type: ['a', 'zzz'] });
    expect(invalidInput(list).subject).toBe('type.1');
    expect(invalidInput(list, { firstStep: true }).subject).toBe('type');
    const port = errorOf(z.object({ port: z.coerce.number().max(65535, 'at most 65535') }), { port: '70000' });
    expect(invalidInput(port, { what: 'serve:', name: (f) => `--${f}` }).message).toBe('serve: --port: at most 65535');
    const value = invalidInput(errorOf(z.coerce.number().positive('expected a number above 0'), '0'), { name: () => 'JIKENBO_DECODE_SECONDS', value: '0' });
    expect(value.message).toBe('JIKENBO_DECODE_SECONDS: "0" is not a valid value (expected a number above 0)');
    expect(value.key).toBe('error.field_value');
    expect(invalidInput(errorOf(z.string(), 3), { fallback: 'body' }).subject).toBe('body');
  });

  it('gives the same `field: problem` for a report line', () => {
    expect(describeIssues(errorOf(query, { from: 'x' }), 'record')).toBe('from: not a date');
    expect(describeIssues(errorOf(z.string(), 3), 'record')).toMatch(/^record: /);
  });
});
