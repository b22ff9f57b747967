import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RECORD_KEYS } from '../../src/core/record.ts';
import { jikenbo } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { BCC_NOTICE, RANSOM_NOTICE, USB_NOTICE } from '../helpers/notices.ts';

describe('jikenbo command line', () => {
  const dir = tempDir();
  const db = join(dir, 'cli.db');
  const inbox = join(dir, 'in');

  beforeAll(() => {
    mkdirSync(inbox);
    writeFileSync(join(inbox, 'a-usb.txt'), USB_NOTICE);
    writeFileSync(join(inbox, 'b-bcc.txt'), BCC_NOTICE);
    writeFileSync(join(inbox, 'c-ransom.txt'), RANSOM_NOTICE);
    writeFileSync(join(inbox, 'd-archive.txt'), Buffer.from('504b0304140000000800', 'hex'));
  });

  it('ingest prints one summary line, names the failed file, and exits non-zero', async () => {
    const r = await jikenbo(['ingest', inbox, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^4 files, 3 posts, 3 new records, 0 duplicates \(already stored\), 1 failure$/m);
    expect(r.stderr).toContain(`failed: ${join(inbox, 'd-archive.txt')}:`);
  });

  it('ingesting the same files again adds nothing and says so', async () => {
    const r = await jikenbo(['ingest', join(inbox, 'a-usb.txt'), join(inbox, 'b-bcc.txt')], { JIKENBO_DB: db });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2 files, 0 posts, 0 new records, 2 duplicates/);
    expect(r.stdout).toContain(`already stored: ${join(inbox, 'a-usb.txt')}`);
  });

  it('extract --jsonl prints exactly the SPEC keys and evidence, one line per post', async () => {
    const r = await jikenbo(['extract', '--jsonl', join(inbox, 'c-ransom.txt')]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const rec = JSON.parse(lines[0]!);
    expect(Object.keys(rec)).toEqual([...RECORD_KEYS, 'evidence']);
    expect(rec.header).toBe('ランサムウェア被害に関するお知らせ');
  });

  it('search finds a two-character word and shows a highlighted snippet', async () => {
    const r = await jikenbo(['search', '紛失', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('【紛失】');
    expect(r.stdout).toMatch(/^1 hit$/m);
    const json = await jikenbo(['search', '漏えい', '--db', db, '--json']);
    const hits = JSON.parse(json.stdout) as { header: string }[];
    expect(hits.map((h) => h.header)).toContain('メール誤送信による個人情報漏えいのお詫び');
  });

  it('list and show read the stored records', async () => {
    const list = await jikenbo(['list', '--db', db, '--json']);
    const rows = JSON.parse(list.stdout) as { id: number; header: string }[];
    expect(rows).toHaveLength(3);
    const show = await jikenbo(['show', String(rows[0]!.id), '--db', db]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain(rows[0]!.header);
  });

  it('bad arguments get a clear error naming the option', async () => {
    const r = await jikenbo(['search', '紛失', '--db', db, '--from', '2024-13-40']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--from/);
    const missing = await jikenbo(['show', '99999', '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no notice N99999/);
    const unknown = await jikenbo(['ingest', '--frobnicate', inbox, '--db', db]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/frobnicate/);
  });
});
