import { describe, expect, it } from 'vitest';
import { applyCorrections, disagreements, type Correction } from '../../src/core/corrections.ts';
import type { IncidentRecord } from '../../src/core/record.ts';

const machine: IncidentRecord = {
  header: '不正アクセスに関するお知らせ', casebook_id: null, kind: 'incident', organization: '株式会社みなと精機',
  title: '不正アクセスに関するお知らせ', disclosure_date: '2024-09-12', incident_types: ['ransomware', 'unauthorized_access'],
  affected_count: 12000, data_types: ['name'], sector: 'manufacturing', reported_to_ppc: true, reported_to_police: true,
  contractor_involved: false, attacker: null, discovery: null, occurred_date: '2024-09-03', discovered_date: null,
  evidence: { affected_count: [[10, 16]], organization: [[0, 9]] },
};

const correction = (id: number, field: Correction['field'], newValue: Correction['newValue'], at: string, revertedAt: string | null = null): Correction =>
  ({ id, field, oldValue: null, newValue, by: 'sato', at, reason: null, revertedAt, revertedBy: revertedAt ? 'suzuki' : null });

describe('corrections over the machine record', () => {
  it('the latest live correction of a field wins and drops the machine evidence for it', () => {
    const { record, corrected } = applyCorrections(machine, [
      correction(1, 'affected_count', 30000, '2024-10-01T00:00:00Z'),
      correction(2, 'affected_count', 35000, '2024-10-02T00:00:00Z'),
    ]);
    expect(record.affected_count).toBe(35000);
    expect(record.evidence.affected_count).toBeUndefined();
    expect(record.evidence.organization).toEqual([[0, 9]]);
    expect(corrected.affected_count?.id).toBe(2);
    expect(machine.affected_count).toBe(12000);
  });

  it('a reverted correction no longer counts', () => {
    const { record, corrected } = applyCorrections(machine, [
      correction(1, 'sector', 'it', '2024-10-01T00:00:00Z', '2024-10-03T00:00:00Z'),
    ]);
    expect(record.sector).toBe('manufacturing');
    expect(corrected.sector).toBeUndefined();
  });

  it('shows where a new machine reading disagrees with a person, ignoring list order', () => {
    const { corrected } = applyCorrections(machine, [
      correction(1, 'affected_count', 35000, '2024-10-01T00:00:00Z'),
      correction(2, 'incident_types', ['unauthorized_access', 'ransomware'], '2024-10-01T00:00:00Z'),
    ]);
    const found = disagreements({ ...machine, affected_count: 12500 }, corrected);
    expect(found).toEqual([{ field: 'affected_count', person: 35000, machine: 12500, correction: corrected.affected_count }]);
  });
});
