// jikenbo watchlist as a user runs it: a CSV import whose bad row is named FILE:LINE on stderr (exit 1)
// while the rest imports, an organisation added by hand, the hit of a notice ingested afterwards in
// `show` and `show --json` (never the webhook's secret), and removal.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jikenbo } from '../helpers/run-cli.ts';
import { BCC_NOTICE, RANSOM_NOTICE } from '../helpers/notices.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe.each(CASEBOOK_ENGINES.slice(0, 1))('jikenbo watchlist on $name', (engine) => {
  const dir = tempDir();
  let db = '';
  let dispose = async () => {};
  afterAll(() => dispose());
  beforeAll(async () => {
    ({ db, dispose } = await engine.locate(dir, 'watchlist_cli'));
    expect((await jikenbo(['init', '--db', db])).code).toBe(0);
  }, 60_000);

  it('imports, matches what is ingested afterwards, shows and removes', async () => {
    const csv = join(dir, 'suppliers.csv');
    writeFileSync(csv, 'name,domain,alias\n株式会社ひかり書房,hikari-shobo.co.jp,ひかり書房\nシステム株式会社,,\n');
    const imported = await jikenbo(['watchlist', 'import', 'suppliers', csv, '--db', db]);
    expect(imported.code).toBe(1);
    expect(imported.stdout).toContain('2 rows, 1 organisations added, 0 updated, 1 problems');
    expect(imported.stderr).toContain(`${csv}:3: "システム株式会社" is made of generic words only`);
    const added = await jikenbo(['watchlist', 'add', 'suppliers', '株式会社みなと精機', '--domain', 'minato-seiki.co.jp', '--db', db]);
    expect(added).toMatchObject({ code: 0, stdout: expect.stringContaining('株式会社みなと精機 added to watchlist "suppliers"') });
    expect((await jikenbo(['watchlist', 'add', 'suppliers', '--db', db])).stderr).toMatch(/exists already/);
    const hook = await jikenbo(['watchlist', 'webhook', 'suppliers', 'https://hooks.example.jp/in', '--secret', 'sixteen-chars-secret', '--allow-private', '--db', db]);
    expect(hook.code).toBe(0);
    for (const [name, text] of [['bcc.txt', BCC_NOTICE], ['ransom.txt', RANSOM_NOTICE]] as const) writeFileSync(join(dir, name), text);
    expect((await jikenbo(['ingest', join(dir, 'bcc.txt'), join(dir, 'ransom.txt'), '--db', db])).code).toBe(0);

    const shown = await jikenbo(['watchlist', 'show', 'suppliers', '--db', db]);
    expect(shown.stdout).toContain('2 organisations, 2 hits');
    expect(shown.stdout).toMatch(/株式会社ひかり書房\tnotice N\d+ \(incident \d+\)\t2024-07-02/);
    expect(shown.stdout).toContain('webhook pending');
    const json = JSON.parse((await jikenbo(['watchlist', 'show', 'suppliers', '--json', '--db', db])).stdout);
    expect(json.hits.map((h: { entryName: string; how: string }) => [h.entryName, h.how]).sort()).toEqual([['株式会社ひかり書房', 'name'], ['株式会社みなと精機', 'name']]);
    expect(json.watchlist.webhookUrl).toBe('https://hooks.example.jp/in');
    expect(JSON.stringify(json)).not.toContain('sixteen-chars-secret');
    expect((await jikenbo(['watchlist', 'list', '--db', db])).stdout).toMatch(/^\d+\tsuppliers\t2 organisations\t2 hits\tprivate\twebhook https:\/\/hooks\.example\.jp\/in\n$/);

    expect((await jikenbo(['watchlist', 'remove', 'suppliers', '--db', db])).stdout).toContain('removed with its 2 organisations and 2 hits');
    const gone = await jikenbo(['watchlist', 'show', 'suppliers', '--db', db]);
    expect(gone).toMatchObject({ code: 1, stderr: expect.stringContaining('no watchlist "suppliers"') });
    expect((await jikenbo(['watchlist', '--db', db])).code).toBe(2);
  }, 120_000);
});
