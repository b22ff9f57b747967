import { describe, expect, it } from 'vitest';
import { parseFieldValue } from '../../src/app/field-value.ts';

describe('a person typing a field value', () => {
  it('reads each kind of field into its type', () => {
    expect(parseFieldValue('affected_count', '12,000').value).toBe(12000);
    expect(parseFieldValue('data_types', 'name, email').value).toEqual(['name', 'email']);
    expect(parseFieldValue('reported_to_police', 'はい').value).toBe(true);
    expect(parseFieldValue('reported_to_ppc', 'false').value).toBe(false);
    expect(parseFieldValue('occurred_date', '2024-02-29').value).toBe('2024-02-29');
    expect(parseFieldValue('sector', 'null').value).toBeNull();
    expect(parseFieldValue('incident_types', 'none').value).toEqual([]);
    expect(parseFieldValue('organization', ' 株式会社みなと精機 ').value).toBe('株式会社みなと精機');
  });

  it('refuses values that do not fit, naming the field', () => {
    expect(() => parseFieldValue('affected_count', 'many')).toThrow(/affected_count.*whole number/);
    expect(() => parseFieldValue('occurred_date', '2023-02-29')).toThrow(/occurred_date.*calendar date/);
    expect(() => parseFieldValue('sector', 'space')).toThrow(/sector/);
    expect(() => parseFieldValue('data_types', 'name,shoe_size')).toThrow(/data_types/);
    expect(() => parseFieldValue('kind', 'null')).toThrow(/kind/);
    expect(() => parseFieldValue('colour', 'red')).toThrow(/unknown field "colour"/);
  });
});
