import { writeFileSync } from 'node:fs';
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
    expect(bad.stderr).toMatch(/affected_count: "lots" is not a valid value/);
  });
});
