// jikenbo stats and duty on the three fictional notices of test/helpers/notices.ts, as a user runs them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jikenbo } from '../helpers/run-cli.ts';
import { BCC_NOTICE, RANSOM_NOTICE, USB_NOTICE } from '../helpers/notices.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe.each(CASEBOOK_ENGINES)('jikenbo stats and duty on $name', (engine) => {
  const dir = tempDir();
  let db = '';
  let dispose = async () => {};
  afterAll(() => dispose());

  beforeAll(async () => {
    ({ db, dispose } = await engine.locate(dir, 'three'));
    const notices = join(dir, 'notices');
    mkdirSync(notices);
    for (const [name, text] of [['usb.txt', USB_NOTICE], ['bcc.txt', BCC_NOTICE], ['ransom.txt', RANSOM_NOTICE]] as const) writeFileSync(join(notices, name), text);
    expect((await jikenbo(['ingest', notices, '--db', db])).code).toBe(0);
  }, 60_000);

  it('counts by field, filtered like the incidents page', async () => {
    const all = JSON.parse((await jikenbo(['stats', '--db', db, '--json'])).stdout);
    expect(all.incidents).toBe(3);
    // 128 (USB) + 312 (BCC) + 12,000 (約1万2千件).
    expect(all.affected).toMatchObject({ counted: 3, total: 12440, median: 312 });
    expect(all.cause.rows.map((r: { count: number }) => r.count)).toEqual([1, 1, 1, 0]);
    const months = JSON.parse((await jikenbo(['stats', '--db', db, '--by', 'month', '--type', 'loss', '--json'])).stdout);
    expect(months).toMatchObject({ by: 'month', incidents: 1, rows: [{ period: '2024-05', count: 1 }] });
    const text = await jikenbo(['stats', '--db', db, '--by', 'delays']);
    expect(text.stdout).toMatch(/discovered → disclosed\s+median [\d.]+ days/);
  });

  it('rejects an unknown field or filter value, naming it', async () => {
    const r = await jikenbo(['stats', '--db', db, '--by', 'colour']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--by/);
    const f = await jikenbo(['stats', '--db', db, '--contractor', 'maybe']);
    expect(f.code).toBe(2);
    expect(f.stderr).toMatch(/--contractor/);
  });

  it('lists the reporting duty of each incident', async () => {
    const duty = JSON.parse((await jikenbo(['duty', '--db', db, '--all', '--json'])).stdout);
    // The hospital's USB stick held 診療科名 (medical data, 要配慮個人情報) and says it reported to the PPC;
    // the ransomware notice meets two conditions and reported too; the BCC slip meets none.
    expect(duty).toMatchObject({ incidents: 3, reportable: 2, reported: 2, unmentioned: [] });
    const usb = duty.assessments.find((a: { organization: string }) => /みなみ野病院/.test(a.organization));
    expect(usb).toMatchObject({ reportable: true, reportedToPpc: true });
    const ransom = duty.assessments.find((a: { organization: string }) => a.organization === '株式会社みなと精機');
    // Ransomware and 約1万2千件: an unlawful purpose (60 days) and more than 1,000 people; the notice gives no discovery date.
    expect(ransom.conditions.map((c: { condition: string }) => c.condition)).toEqual(['unlawful_purpose', 'many_people']);
    expect(ransom).toMatchObject({ reportedToPpc: true, kakuhoDays: 60, kakuhoDue: null });
    const bcc = duty.assessments.find((a: { organization: string }) => a.organization === '株式会社ひかり書房');
    expect(bcc).toMatchObject({ reportable: false, conditions: [], sokuhoDue: null });
    const text = await jikenbo(['duty', '--db', db]);
    expect(text.stdout).toMatch(/meet a reporting condition/);
  });
});
