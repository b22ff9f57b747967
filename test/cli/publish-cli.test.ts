// `jikenbo publish mark|unmark` and `jikenbo publish --out DIR`, run as a user runs them, on both engines.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jikenbo } from '../helpers/run-cli.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { BCC_NOTICE, USB_NOTICE } from '../helpers/notices.ts';

interface Row { number: string; members: { record: { organization: string | null } }[] }

describe.each(CASEBOOK_ENGINES)('jikenbo publish on $name', (engine) => {
  const dir = tempDir();
  let db = '';
  let dispose = async () => {};
  afterAll(() => dispose());
  let usb = '';
  let bcc = '';

  beforeAll(async () => {
    ({ db, dispose } = await engine.locate(dir, 'publish'));
    writeFileSync(join(dir, 'usb.txt'), USB_NOTICE);
    writeFileSync(join(dir, 'bcc.txt'), BCC_NOTICE);
    expect((await jikenbo(['ingest', join(dir, 'usb.txt'), join(dir, 'bcc.txt'), '--db', db])).code).toBe(0);
    const rows = JSON.parse((await jikenbo(['incidents', '--json', '--db', db])).stdout) as Row[];
    usb = rows.find((r) => r.members[0]?.record.organization?.includes('みなみ野病院'))!.number;
    bcc = rows.find((r) => r.members[0]?.record.organization?.includes('ひかり書房'))!.number;
  }, 60_000);

  it('marks and withdraws incidents, with who and why, and refuses unknown ones naming them', async () => {
    const marked = await jikenbo(['publish', 'mark', usb, bcc, '--by', 'sato', '--reason', '公表済みの内容のみ', '--db', db]);
    expect(marked.code).toBe(0);
    expect(marked.stdout).toContain(`#${usb} marked publishable by sato (notices N`);
    const withdrawn = await jikenbo(['publish', 'unmark', bcc, '--by', 'suzuki', '--db', db]);
    expect(withdrawn.stdout).toBe(`#${bcc} withdrawn from publication by suzuki\n`);
    const bad = await jikenbo(['publish', 'mark', 'J2099-0999', '--by', 'sato', '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/no incident numbered #J2099-0999/);
    const none = await jikenbo(['publish', 'mark', '--db', db]);
    expect(none.code).toBe(2);
    const audit = await jikenbo(['audit', '--action', 'publication.unmark', '--json', '--db', db]);
    const list = await jikenbo(['publish', 'list', '--db', db]);
    expect(list.stdout).toMatch(new RegExp(`^#${usb}\tpublished\tsato\t\\S+\t公表済みの内容のみ$`, 'm'));
    expect(list.stdout).toMatch(new RegExp(`^#${bcc}\twithdrawn\tsuzuki\t`, 'm'));
    expect(list.stdout).toMatch(/^1 of 2 marked incidents go into the site$/m);
    const json = JSON.parse((await jikenbo(['publish', 'list', '--json', '--db', db])).stdout) as { incident: string; state: string }[];
    expect(json.map((m) => [m.incident, m.state])).toEqual([[usb, 'published'], [bcc, 'withdrawn']]);
    const lines = audit.stdout.trim().split('\n').map((l) => JSON.parse(l) as { actor: string; after: { publishable: boolean } });
    expect(lines.map((e) => [e.actor, e.after.publishable])).toEqual([['suzuki', false]]);
  }, 60_000);

  it('writes the site of the marked incidents only, and refuses bad options naming them', async () => {
    const out = join(dir, 'site');
    const r = await jikenbo(['publish', '--out', out, '--lang', 'both', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^published 1 incidents to ${out.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: \\d+ files, 1 originals\\n$`));
    expect(existsSync(join(out, 'ja', 'incidents', `${usb}.html`))).toBe(true);
    expect(existsSync(join(out, 'en', 'incidents', `${usb}.html`))).toBe(true);
    expect(existsSync(join(out, 'ja', 'incidents', `${bcc}.html`))).toBe(false);
    const originals = readdirSync(join(out, 'originals'));
    expect(originals.map((f) => readFileSync(join(out, 'originals', f), 'utf8'))).toEqual([USB_NOTICE]);
    expect(readFileSync(join(out, 'ja', 'index.html'), 'utf8')).not.toContain('ひかり書房');

    const ja = await jikenbo(['publish', '--out', out, '--lang', 'ja', '--db', db]);
    expect(ja.code).toBe(0);
    expect(existsSync(join(out, 'en'))).toBe(false);

    const lang = await jikenbo(['publish', '--out', out, '--lang', 'fr', '--db', db]);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toMatch(/--lang.*expected ja, en or both/);
    const noOut = await jikenbo(['publish', '--db', db]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/--out/);
    writeFileSync(join(dir, 'file.txt'), 'x');
    const file = await jikenbo(['publish', '--out', join(dir, 'file.txt'), '--db', db]);
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/--out: .*is a file/);
    expect(readFileSync(join(dir, 'file.txt'), 'utf8')).toBe('x');
  }, 60_000);
});
