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

describe('a value typed the way Japanese notices and pages write it', () => {
  it('reads dates in the era, with slashes or kanji, in full-width digits, with a weekday', () => {
    expect(parseFieldValue('disclosure_date', '令和6年1月22日').value).toBe('2024-01-22');
    expect(parseFieldValue('disclosure_date', '2024/01/22').value).toBe('2024-01-22');
    expect(parseFieldValue('occurred_date', '２０２４年１月２２日（月）').value).toBe('2024-01-22');
    expect(parseFieldValue('discovered_date', '平成31年4月30日').value).toBe('2019-04-30');
  });

  it('refuses a date without its year, an impossible day, and a date inside other words, as bad input', () => {
    expect(() => parseFieldValue('disclosure_date', '1月22日')).toThrow(/disclosure_date.*needs its year/);
    expect(() => parseFieldValue('disclosure_date', '令和5年2月29日')).toThrow(/disclosure_date.*not a valid value/);
    expect(() => parseFieldValue('disclosure_date', '公表は2024年1月22日')).toThrow(/disclosure_date.*expected a date/);
    expect(() => parseFieldValue('disclosure_date', 'そのうち')).toThrow(/disclosure_date/);
  });

  it('reads counts with 万, commas, 約 and a counter word', () => {
    expect(parseFieldValue('affected_count', '4万8,215名').value).toBe(48215);
    expect(parseFieldValue('affected_count', '約1,200件').value).toBe(1200);
    expect(parseFieldValue('affected_count', '３５０人').value).toBe(350);
    expect(() => parseFieldValue('affected_count', '数千名')).toThrow(/affected_count.*whole number/);
  });

  it('takes the labels the pages show, in either language, as well as the codes', () => {
    expect(parseFieldValue('sector', '医療・福祉').value).toBe('healthcare');
    expect(parseFieldValue('incident_types', 'ランサムウェア、不正アクセス').value).toEqual(['ransomware', 'unauthorized_access']);
    expect(parseFieldValue('data_types', 'name email').value).toEqual(['name', 'email']);
    expect(parseFieldValue('kind', '事案').value).toBe('incident');
    expect(() => parseFieldValue('sector', '宇宙')).toThrow(/sector/);
  });
});
