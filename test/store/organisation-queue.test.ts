// The organisations' work queue on every engine: saving a batch's work removes the items it took, but
// not a notice queued again (a later change) while that work was under way.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINES, type OpenedStore } from './engines.ts';
import { makeDocument, makeNotice, makeRecord } from './fixtures.ts';

describe.each(ENGINES)('the organisation queue on $name', (engine) => {
  let opened: OpenedStore;
  beforeEach(async () => {
    opened = await engine.open();
  });
  afterEach(async () => opened.dispose());

  it('keeps a notice queued again after its work was taken, and removes it once that later work is saved', async () => {
    const { store } = opened;
    const ids: number[] = [];
    for (const name of ['架空商事株式会社', '架空電機株式会社']) {
      const text = `【架空】${name}　不正アクセスのお知らせ`;
      ids.push((await store.ingestDocument(makeDocument(text), [makeNotice(text, makeRecord({ header: text, organization: name }))])).noticeIds[0]!);
    }
    const taken = await store.takeOrganisationWork(10);
    expect(taken.map((w) => w.noticeId).sort((a, b) => a - b)).toEqual(ids);
    // The first notice's organisation is corrected after its work was taken: it is queued again.
    await store.addCorrection({ target: 'notice', targetId: ids[0]!, field: 'organization', oldValue: '架空商事株式会社', newValue: '架空商事', by: 'tester' });
    await store.saveOrganisationWork([], taken);
    const again = await store.takeOrganisationWork(10);
    expect(again.map((w) => w.noticeId)).toEqual([ids[0]]);
    expect(again[0]!.organization).toBe('架空商事');
    await store.saveOrganisationWork([], again);
    expect(await store.takeOrganisationWork(10)).toEqual([]);
  });
});
