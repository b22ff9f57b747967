import { describe, expect, it } from 'vitest';
import { countFacets } from '../../src/analyze/facet-counts.ts';
import { filterIncidents, isEmptyFilter, type FilterableIncident } from '../../src/analyze/incident-filter.ts';
import { sortIncidents } from '../../src/analyze/incident-order.ts';

const row = (id: number, o: Partial<FilterableIncident & { number: string | null; affectedCount: number | null }> = {}) => ({
  id, incidentTypes: [], sector: null, dataTypes: [], disclosureDate: null, contractorInvolved: false, reportedToPpc: false,
  attacker: null, reviewState: 'unreviewed' as const, number: null, affectedCount: null, ...o,
});

const ROWS = [
  row(1, { incidentTypes: ['ransomware', 'unauthorized_access'], sector: 'manufacturing', disclosureDate: '2024-03-18', reportedToPpc: true, attacker: 'LockBit', number: '2024-003', affectedCount: 35000 }),
  row(2, { incidentTypes: ['loss'], sector: 'healthcare', disclosureDate: '2023-07-24', dataTypes: ['name', 'medical'], number: '2023-003', affectedCount: 412 }),
  row(3, { incidentTypes: ['misdelivery'], sector: 'government', disclosureDate: '2024-05-09', contractorInvolved: true, number: '2024-1000' }),
  row(4, { incidentTypes: ['ransomware'], sector: 'healthcare', disclosureDate: '2024-05-20', reviewState: 'reviewed', number: '2024-999', affectedCount: 90 }),
  row(5, { incidentTypes: ['phishing'] }),
];
const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

describe('incident filter', () => {
  it('ORs values within a facet and ANDs facets', () => {
    expect(ids(filterIncidents(ROWS, { types: ['ransomware', 'loss'] }))).toEqual([1, 2, 4]);
    expect(ids(filterIncidents(ROWS, { types: ['ransomware', 'loss'], sectors: ['healthcare'] }))).toEqual([2, 4]);
    expect(ids(filterIncidents(ROWS, { years: ['2024'], months: ['2024-05'] }))).toEqual([3, 4]);
    expect(ids(filterIncidents(ROWS, { years: ['none'] }))).toEqual([5]);
    expect(ids(filterIncidents(ROWS, { attacker: true }))).toEqual([1]);
    expect(ids(filterIncidents(ROWS, { contractor: false, ppc: false, review: 'unreviewed' }))).toEqual([2, 5]);
    expect(ids(filterIncidents(ROWS, { ids: new Set([2, 3]), from: '2024-01-01' }))).toEqual([3]);
    expect(isEmptyFilter({ types: [] })).toBe(true);
    expect(isEmptyFilter({ ppc: false })).toBe(false);
  });

  it('counts each facet under every other facet but not its own', () => {
    const counts = countFacets(ROWS, { types: ['ransomware'], sectors: ['healthcare'] });
    // types: the healthcare rows (2, 4), whatever their type
    expect(Object.fromEntries(counts.types)).toEqual({ loss: 1, ransomware: 1 });
    // sectors: the ransomware rows (1, 4)
    expect(Object.fromEntries(counts.sectors)).toEqual({ manufacturing: 1, healthcare: 1 });
    // every other facet: rows passing both (4)
    expect(Object.fromEntries(counts.years)).toEqual({ 2024: 1 });
    expect(Object.fromEntries(counts.review)).toEqual({ reviewed: 1 });
    const all = countFacets(ROWS, {});
    expect(Object.fromEntries(all.years)).toEqual({ 2024: 3, 2023: 1, none: 1 });
    expect(Object.fromEntries(all.ppc)).toEqual({ yes: 1, no: 4 });
  });

  it('sorts with missing values last and casebook numbers numerically', () => {
    expect(ids(sortIncidents(ROWS, 'disclosed_desc'))).toEqual([4, 3, 1, 2, 5]);
    expect(ids(sortIncidents(ROWS, 'affected_desc'))).toEqual([1, 2, 4, 5, 3]);
    expect(ids(sortIncidents(ROWS, 'number_asc'))).toEqual([2, 1, 4, 3, 5]);
    expect(ids(sortIncidents(ROWS, 'relevance', new Map([[3, 0], [1, 1]])))).toEqual([3, 1, 5, 4, 2]);
  });

  it('sorts jikenbo\'s own numbers by year beside the casebook\'s, after them within a year, numerically', () => {
    const rows = [['J2024-0002', 1], ['2024-999', 2], ['J2023-0100', 3], ['2024-1000', 4], ['J2024-10000', 5], [null, 6], ['J2024-0010', 7]] as const;
    const facts = rows.map(([number, id]) => ({ id, number, disclosureDate: null, affectedCount: null }));
    expect(ids(sortIncidents(facts, 'number_asc'))).toEqual([3, 2, 4, 1, 7, 5, 6]);
    expect(ids(sortIncidents(facts, 'number_desc'))).toEqual([5, 7, 1, 4, 2, 3, 6]);
  });
});
