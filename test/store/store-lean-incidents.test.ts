// listIncidents({ lean: true }) on every engine: the same incidents and values as the full listing,
// with each member's evidence emptied and its confidence left out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/ports.ts';
import { ENGINES, type OpenedStore } from './engines.ts';
import { makeDocument, makeNotice, makeRecord } from './fixtures.ts';

describe.each(ENGINES)('lean incident listing on $name', (engine) => {
  let opened: OpenedStore;
  let store: Store;
  beforeEach(async () => {
    opened = await engine.open();
    store = opened.store;
  });
  afterEach(async () => opened.dispose());

  it('keeps every value and drops evidence and confidence', async () => {
    const text = '【架空】そよかぜ銀行　お知らせ\n顧客3,000名の氏名が漏えいしました。';
    const record = makeRecord({
      organization: 'そよかぜ銀行', affected_count: 3000, data_types: ['name'],
      evidence: { affected_count: [{ start: 20, end: 26, quote: '3,000名' }] } as never,
      confidence: { affected_count: 'high' }, low_confidence: [],
    });
    const { noticeIds } = await store.ingestDocument(makeDocument(text), [makeNotice(text, record)]);
    await store.addCorrection({ target: 'notice', targetId: noticeIds[0]!, field: 'sector', oldValue: null, newValue: 'finance', by: 'sato' });
    const [full] = await store.listIncidents();
    const [lean] = await store.listIncidents({ lean: true });
    const { evidence, confidence, low_confidence, ...values } = full!.members[0]!.record;
    expect(Object.keys(evidence)).toEqual(['affected_count']);
    expect(confidence).toEqual({ affected_count: 'high' });
    expect(low_confidence).toEqual([]);
    expect(lean!.members[0]!.record).toEqual({ ...values, evidence: {} });
    expect(lean!.members[0]!.record.sector).toBe('finance');
    expect({ ...lean!, members: [] }).toEqual({ ...full!, members: [] });
  });
});
