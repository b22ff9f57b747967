import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCasebook, type Casebook } from '../../src/app/casebook.ts';
import { getMergedIncident } from '../../src/app/incidents.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { reextractNotices } from '../../src/app/reextract.ts';
import { correctValue, revertCorrection } from '../../src/app/review.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { RANSOM_NOTICE, USB_NOTICE } from '../helpers/notices.ts';

describe('corrections', () => {
  const dir = tempDir();
  let casebook: Casebook;
  let usb = 0;
  let ransom = 0;

  beforeAll(async () => {
    writeFileSync(join(dir, 'usb.txt'), USB_NOTICE);
    writeFileSync(join(dir, 'ransom.txt'), RANSOM_NOTICE);
    casebook = await openCasebook(join(dir, 'review.db'));
    await ingestPaths([dir], casebook);
    usb = (await casebook.store.search('遺失届'))[0]!.id;
    ransom = (await casebook.store.search('暗号化'))[0]!.id;
  });
  afterAll(async () => casebook.close());

  it('keeps a person\'s value beside the machine\'s, with who, when and the old value', async () => {
    const before = await casebook.store.getNotice(usb);
    const machineCount = before!.record.affected_count;
    const c = await correctValue(casebook.store, { target: 'notice', id: usb, field: 'affected_count', value: '1,280', by: 'sato', reason: '公表文の記載による' });
    expect(c).toMatchObject({ field: 'affected_count', oldValue: machineCount, newValue: 1280, by: 'sato', revertedAt: null });
    expect(Date.parse(c.at)).not.toBeNaN();

    const after = await casebook.store.getNotice(usb);
    expect(after!.record.affected_count).toBe(1280);
    expect(after!.machineRecord.affected_count).toBe(machineCount);
    expect(after!.record.evidence.affected_count).toBeUndefined();
    expect(after!.corrections.map((x) => x.id)).toEqual([c.id]);
    // Lists and filters read the effective record.
    const listed = (await casebook.store.listNotices()).find((n) => n.id === usb);
    expect(listed!.affectedCount).toBe(1280);
  });

  it('asks a reason for every change, not for a confirmation, and keeps it in the history and the audit log', async () => {
    const before = (await casebook.store.getNotice(ransom))!;
    await expect(correctValue(casebook.store, { target: 'notice', id: ransom, field: 'sector', value: 'it', by: 'sato' }))
      .rejects.toMatchObject({ code: 'bad_input', subject: 'reason' });
    await expect(correctValue(casebook.store, { target: 'notice', id: ransom, field: 'sector', value: 'it', by: 'sato', reason: '   ' }))
      .rejects.toThrow(/needs a reason/);
    await expect(correctValue(casebook.store, { target: 'notice', id: ransom, field: 'sector', value: 'it', by: 'sato', reason: 'x'.repeat(501) }))
      .rejects.toThrow(/at most 500/);
    expect((await casebook.store.getNotice(ransom))!.corrections).toEqual(before.corrections);
    // Typing the value already there confirms it: no reason needed.
    const confirm = await correctValue(casebook.store, { target: 'notice', id: ransom, field: 'sector', value: before.record.sector ?? 'null', by: 'sato' });
    expect(confirm.reason).toBeNull();
    const change = await correctValue(casebook.store, { target: 'notice', id: ransom, field: 'sector', value: 'it', by: 'sato', reason: ' 見出しに「システム開発」とある ' });
    expect(change.reason).toBe('見出しに「システム開発」とある');
    expect((await casebook.store.listCorrections('notice', ransom)).at(-1)).toMatchObject({ id: change.id, reason: '見出しに「システム開発」とある' });
    const audit = await casebook.store.listAudit({ action: 'correction.add', subject: `notice:${ransom}` });
    expect(audit[0]!.after).toMatchObject({ field: 'sector', value: 'it', reason: '見出しに「システム開発」とある' });
    await revertCorrection(casebook.store, change.id, 'sato');
    await revertCorrection(casebook.store, confirm.id, 'sato');
  });

  it('a corrected type is what the type filter finds', async () => {
    await correctValue(casebook.store, { target: 'notice', id: usb, field: 'incident_types', value: 'theft', by: 'sato', reason: '公表文の記載による' });
    expect((await casebook.store.listNotices({ type: 'theft' })).map((n) => n.id)).toEqual([usb]);
    expect((await casebook.store.listNotices({ type: 'loss' })).map((n) => n.id)).not.toContain(usb);
  });

  it('extracting again never overwrites a correction and shows where the machine disagrees', async () => {
    const report = await reextractNotices(casebook.store, { force: true });
    expect(report.notices).toBe(2);
    const mine = report.disagreements.find((d) => d.noticeId === usb);
    expect(mine?.items.map((i) => i.field).sort()).toEqual(['affected_count', 'incident_types']);
    expect(mine?.items.find((i) => i.field === 'affected_count')).toMatchObject({ person: 1280 });
    const notice = await casebook.store.getNotice(usb);
    expect(notice!.record.affected_count).toBe(1280);
    expect(notice!.record.incident_types).toEqual(['theft']);
  });

  it('a reverted correction gives the machine value back and stays in the history', async () => {
    const [first] = await casebook.store.listCorrections('notice', usb);
    const reverted = await revertCorrection(casebook.store, first!.id, 'suzuki');
    expect(reverted).toMatchObject({ revertedBy: 'suzuki' });
    const notice = await casebook.store.getNotice(usb);
    expect(notice!.record.affected_count).toBe(notice!.machineRecord.affected_count);
    expect(notice!.corrections).toHaveLength(2);
    await expect(revertCorrection(casebook.store, first!.id, 'suzuki')).rejects.toThrow(/already reverted/);
  });

  it('corrects an incident\'s merged value, marked as a person\'s, kept through regrouping', async () => {
    const incidentId = (await casebook.store.incidentOfNotice(ransom))!;
    await correctValue(casebook.store, { target: 'incident', id: incidentId, field: 'attacker', value: 'LockBit', by: 'tanaka', reason: '公表文の記載による' });
    await reextractNotices(casebook.store, { force: true });
    const incident = await getMergedIncident(casebook.store, (await casebook.store.incidentOfNotice(ransom))!);
    expect(incident!.merged.attacker).toMatchObject({ value: 'LockBit', rule: 'person', correction: { by: 'tanaka' } });
  });

  it('refuses bad values and unknown targets with clear errors', async () => {
    await expect(correctValue(casebook.store, { target: 'notice', id: usb, field: 'disclosure_date', value: '2024-02-30', by: 'sato', reason: '公表文の記載による' }))
      .rejects.toThrow(/disclosure_date/);
    await expect(correctValue(casebook.store, { target: 'notice', id: 999999, field: 'sector', value: 'it', by: 'sato', reason: '公表文の記載による' }))
      .rejects.toThrow(/no notice N999999/);
    await expect(correctValue(casebook.store, { target: 'incident', id: 1, field: 'header', value: 'x', by: 'sato', reason: '公表文の記載による' }))
      .rejects.toThrow(/not merged/);
    await expect(correctValue(casebook.store, { target: 'notice', id: usb, field: 'sector', value: 'it', by: '  ', reason: '公表文の記載による' }))
      .rejects.toThrow(/name of who/);
  });
});
