import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jikenbo } from '../helpers/run-cli.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { USB_NOTICE } from '../helpers/notices.ts';

describe.each(CASEBOOK_ENGINES)('jikenbo review, revert, reextract on $name', (engine) => {
  const dir = tempDir();
  let db = '';
  let dispose = async () => {};
  afterAll(() => dispose());
  let id = 0;

  beforeAll(async () => {
    ({ db, dispose } = await engine.locate(dir, 'review'));
    writeFileSync(join(dir, 'usb.txt'), USB_NOTICE);
    await jikenbo(['ingest', join(dir, 'usb.txt'), '--db', db]);
    id = (JSON.parse((await jikenbo(['list', '--json', '--db', db])).stdout) as { id: number }[])[0]!.id;
  });

  it('corrects a value and shows who did it', async () => {
    const r = await jikenbo(['review', String(id), 'sector', 'education', '--by', 'sato', '--reason', '公表文の記載による', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/correction #1 sector: \S+ → education {2}by sato at \d{4}-/);
    const show = await jikenbo(['show', String(id), '--db', db]);
    expect(show.stdout).toMatch(/業種 sector: education {2}✎ corrected by sato/);
  });

  it('refuses a change without --reason and shows the reason in the history', async () => {
    const none = await jikenbo(['review', String(id), 'affected_count', '200', '--by', 'sato', '--db', db]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/reason: a correction needs a reason/);
    const history = await jikenbo(['review', String(id), '--history', '--db', db]);
    expect(history.stdout).toMatch(/correction #1 sector: .* reason: 公表文の記載による/);
    expect(history.stdout).not.toMatch(/affected_count/);
  });

  it('keeps the correction through reextract and reports the disagreement', async () => {
    const r = await jikenbo(['reextract', '--force', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 notices read again, 0 already current, 1 where the machine now disagrees/);
    expect(r.stdout).toMatch(/sector: person \(sato\) "education", machine now "healthcare"/);
  });

  it('reverts, lists the history, and refuses bad input', async () => {
    expect((await jikenbo(['revert', '1', '--by', 'suzuki', '--db', db])).stdout).toMatch(/reverted by suzuki/);
    const history = await jikenbo(['review', String(id), '--history', '--db', db]);
    expect(history.stdout).toMatch(/correction #1 sector: .*reverted by suzuki/);
    const bad = await jikenbo(['review', String(id), 'affected_count', 'lots', '--by', 'sato', '--reason', '公表文の記載による', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^jikenbo review: affected_count: "lots" is not a valid value \(\S/m);
  });

  it('lists the review queue and states in the annual report how many values people confirmed', async () => {
    const before = JSON.parse((await jikenbo(['queue', '--db', db, '--json'])).stdout);
    // The one correction so far was reverted: nothing is confirmed.
    expect(before).toMatchObject({ confirmed: 0, corrected: 0 });
    expect(before.waiting).toBe(before.values);
    const scores = before.items.map((i: { score: number }) => i.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    const out = join(dir, 'report.html');
    expect((await jikenbo(['report', '--year', '2024', '--out', out, '--db', db])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('公表文から機械で抽出した記録 (人が確かめた値はありません)');
    expect(readFileSync(out, 'utf8')).not.toContain('人が確かめた記録');

    // Confirming the value there needs no reason; the queue and the report count it.
    const shown = JSON.parse((await jikenbo(['show', String(id), '--db', db, '--json'])).stdout);
    const sector = shown.record?.sector ?? shown.sector;
    expect((await jikenbo(['review', String(id), 'sector', String(sector), '--by', 'sato', '--db', db])).code).toBe(0);
    const after = JSON.parse((await jikenbo(['queue', '--db', db, '--json'])).stdout);
    expect(after).toMatchObject({ confirmed: 1, corrected: 0, waiting: before.waiting - 1 });
    expect((await jikenbo(['queue', '--db', db])).stdout).toMatch(/values wait for a person; 1 confirmed and 0 corrected of \d+ values/);
    expect((await jikenbo(['report', '--year', '2024', '--out', out, '--db', db])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/値 \d+ 件のうち、人が確認したもの 1 件・訂正したもの 0 件/);
  });
});
