import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jikenbo } from '../helpers/run-cli.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { BCC_NOTICE, RANSOM_NOTICE, USB_NOTICE } from '../helpers/notices.ts';


interface IncidentJson {
  id: number;
  number: string;
  members: Array<{ noticeId: number; origin: string; links: Array<{ rule: string; by?: string }> }>;
  merged: { organization: { value: string | null; noticeId: number | null } };
}

describe.each(CASEBOOK_ENGINES)('jikenbo incidents, link, unlink on $name', (engine) => {
  const dir = tempDir();
  let db = '';
  let dispose = async () => {};
  afterAll(() => dispose());
  const incidents = async (): Promise<IncidentJson[]> => JSON.parse((await jikenbo(['incidents', '--json', '--db', db])).stdout);
  const incidentOf = (list: IncidentJson[], notice: number) => list.find((i) => i.members.some((m) => m.noticeId === notice))!;

  beforeAll(async () => {
    ({ db, dispose } = await engine.locate(dir, 'cli'));
    const inbox = join(dir, 'in');
    mkdirSync(inbox);
    writeFileSync(join(inbox, 'a-usb.txt'), USB_NOTICE);
    writeFileSync(join(inbox, 'b-bcc.txt'), BCC_NOTICE);
    const r = await jikenbo(['ingest', inbox, '--db', db]);
    expect(r.stdout).toContain('2 incidents in the casebook, 0 notices grouped with others');
  });

  it('lists incidents with their numbers and notices', async () => {
    const r = await jikenbo(['incidents', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^#J2024-0001\t2024-05-20\t.*\[loss\] 128人/m);
    expect(r.stdout).toMatch(/^#J2024-0002\t2024-07-02\t/m);
    expect(r.stdout).toMatch(/notice N1 .*USBメモリ/);
    expect(r.stdout).toContain('1–2 of 2 incidents');
    expect((await incidents()).map((i) => i.number).sort()).toEqual(['J2024-0001', 'J2024-0002']);
  });

  it('link joins two notices as a person\'s decision, and a later ingest keeps it', async () => {
    const r = await jikenbo(['link', '1', '#2', '--by', 'hanako', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('linked notice N2 with N1 (by hanako): incident #J2024-0001 now holds notices N1, N2');
    const more = join(dir, 'more');
    mkdirSync(more);
    writeFileSync(join(more, 'c-ransom.txt'), RANSOM_NOTICE);
    await jikenbo(['ingest', more, '--db', db]);
    const list = await incidents();
    expect(list).toHaveLength(2);
    const joined = incidentOf(list, 2);
    expect(joined.number).toBe('J2024-0001');
    expect(joined.members.map((m) => [m.noticeId, m.origin])).toEqual([[1, 'manual'], [2, 'manual']]);
    expect(joined.members[1]!.links[0]).toMatchObject({ rule: 'manual_link', by: 'hanako' });
    expect(incidentOf(list, 3).number).toBe('J2024-0003');
    expect((await jikenbo(['incidents', '--db', db])).stdout).toContain('manual_link: linked by hanako');
  });

  it('unlink separates the notice again, and it stays apart', async () => {
    const r = await jikenbo(['unlink', '2', '--by', 'taro', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^notice N2 stands alone \(by taro\): incident #J2024-0004$/m);
    const list = await incidents();
    expect(incidentOf(list, 1).members).toHaveLength(1);
    expect(incidentOf(list, 2).members).toHaveLength(1);
  });

  it('show finds an incident by its number, and by a number a merge retired, which is never given again', async () => {
    const own = await jikenbo(['show', '#J2024-0001', '--db', db]);
    expect(own.code).toBe(0);
    expect(own.stdout).toMatch(/^#J2024-0001\t2024-05-20\t/m);
    expect(own.stdout).toMatch(/notice N1 .*USBメモリ/);
    // J2024-0002 was notice #2's incident until the link merged it into J2024-0001; the unlink gave #2
    // a new number (J2024-0004), and the old one still leads where it went.
    const retired = await jikenbo(['show', 'J2024-0002', '--db', db]);
    expect(retired.code).toBe(0);
    expect(retired.stdout).toMatch(/^#J2024-0001\t/m);
    expect(await jikenbo(['show', 'J1999-0001', '--db', db])).toMatchObject({ code: 1, stderr: expect.stringContaining('no incident numbered #J1999-0001') });
  });

  it('rejects bad arguments with a reason and exit code 2', async () => {
    expect(await jikenbo(['link', '1', '--db', db])).toMatchObject({ code: 2, stderr: expect.stringContaining('--b') });
    expect(await jikenbo(['link', '1', '1', '--db', db])).toMatchObject({ code: 2, stderr: expect.stringContaining('A and B must differ') });
    expect(await jikenbo(['unlink', 'x', '--db', db])).toMatchObject({ code: 2, stderr: expect.stringContaining('expected a notice such as N12') });
    expect(await jikenbo(['link', '1', '99', '--db', db])).toMatchObject({ code: 1, stderr: expect.stringContaining('no notice N99') });
    expect(await jikenbo(['incidents', '--limit', '0', '--db', db])).toMatchObject({ code: 2 });
  });
});
