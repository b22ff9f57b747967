import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCasebook, type Casebook } from '../../src/app/casebook.ts';
import { loadIncidentFacts } from '../../src/app/incident-facts.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { getMergedIncident } from '../../src/app/incidents.ts';
import { REVIEW_FIELDS as MERGED_FIELDS } from '../../src/analyze/review-queue.ts';
import { correctValue } from '../../src/app/review.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { BCC_NOTICE, USB_NOTICE } from '../helpers/notices.ts';

describe('incident facts', () => {
  const dir = tempDir();
  let casebook: Casebook;

  beforeAll(async () => {
    writeFileSync(join(dir, 'usb.txt'), USB_NOTICE);
    casebook = await openCasebook(join(dir, 'facts.db'));
    await ingestPaths([join(dir, 'usb.txt')], casebook);
  });
  afterAll(async () => casebook.close());

  it('gives one row per incident with its merged values, kept in the store; a change queues only the incidents it touches', async () => {
    const first = await loadIncidentFacts(casebook.store);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ disclosureDate: '2024-05-20', incidentTypes: ['loss'], reviewState: 'unreviewed' });
    // Made once: nothing is left queued, and reading again finds the same rows.
    expect(await casebook.store.takeFactsWork(10)).toEqual([]);
    expect(await loadIncidentFacts(casebook.store)).toEqual(first);

    writeFileSync(join(dir, 'bcc.txt'), BCC_NOTICE);
    await ingestPaths([join(dir, 'bcc.txt')], casebook);
    const queued = (await casebook.store.takeFactsWork(10)).map((w) => w.incidentId);
    expect(queued).not.toContain(first[0]!.id);
    expect(queued.length).toBeGreaterThan(0);
    const second = await loadIncidentFacts(casebook.store);
    expect(second).toHaveLength(2);
    expect(await casebook.store.takeFactsWork(10)).toEqual([]);
  });

  it('shows a person\'s correction; the incident is reviewed only once every stated value is confirmed or corrected', async () => {
    const usb = (await loadIncidentFacts(casebook.store)).find((f) => f.incidentTypes.includes('loss'))!;
    await correctValue(casebook.store, { target: 'notice', id: usb.noticeIds[0]!, field: 'affected_count', value: '130', by: 'sato', reason: '公表文の記載による' });
    const after = (await loadIncidentFacts(casebook.store)).find((f) => f.id === usb.id || f.noticeIds.includes(usb.noticeIds[0]!))!;
    // One field settled is not the incident reviewed.
    expect(after).toMatchObject({ affectedCount: 130, reviewState: 'unreviewed', review: { confirmed: 0, corrected: 1 } });
    const stated = after.review!.of;
    expect(stated).toBeGreaterThan(3);
    await correctValue(casebook.store, { target: 'incident', id: after.id, field: 'sector', value: 'education', by: 'sato', reason: '公表文の記載による' });
    const corrected = (await loadIncidentFacts(casebook.store)).find((f) => f.id === after.id)!;
    expect(corrected).toMatchObject({ sector: 'education', reviewState: 'unreviewed', review: { corrected: 2, of: stated } });
    // Confirming the rest, value by value, makes it reviewed.
    const incident = (await getMergedIncident(casebook.store, after.id))!;
    for (const field of MERGED_FIELDS.filter((f) => f !== 'affected_count' && f !== 'sector')) {
      const value = incident.merged[field].value;
      if (value === null || value === false || (Array.isArray(value) && value.length === 0)) continue;
      await correctValue(casebook.store, { target: 'incident', id: after.id, field, value: Array.isArray(value) ? value.join(',') : String(value), by: 'sato' });
    }
    expect((await loadIncidentFacts(casebook.store)).find((f) => f.id === after.id)).toMatchObject({
      reviewState: 'reviewed', review: { confirmed: stated - 2, corrected: 2, of: stated },
    });
  });
});
