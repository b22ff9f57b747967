// `jikenbo orgs` as a user runs it: the list searched by name and domain, one organisation's two
// incidents, and a person's alias, split and merge, each refused with a message naming the input.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { BCC_NOTICE, HIKARI_SECOND_NOTICE, RANSOM_NOTICE } from '../helpers/notices.ts';
import { jikenbo } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-dir.ts';

interface OrgJson { id: number; name: string; incidentCount: number; createdBy: string | null }

describe('jikenbo orgs', () => {
  const dir = tempDir();
  let db = '';
  let dispose = async () => {};
  afterAll(() => dispose());
  const list = async (...args: string[]) => JSON.parse((await jikenbo(['orgs', ...args, '--json', '--db', db])).stdout) as { total: number; rows: OrgJson[] };

  beforeAll(async () => {
    ({ db, dispose } = await CASEBOOK_ENGINES[0]!.locate(dir, 'orgs_cli'));
    const inbox = join(dir, 'in');
    mkdirSync(inbox);
    writeFileSync(join(inbox, 'a.txt'), BCC_NOTICE);
    writeFileSync(join(inbox, 'b.txt'), HIKARI_SECOND_NOTICE);
    writeFileSync(join(inbox, 'c.txt'), RANSOM_NOTICE);
    expect((await jikenbo(['ingest', inbox, '--db', db])).code).toBe(0);
  }, 60_000);

  it('lists and shows organisations, and takes a person\'s alias, split and merge', async () => {
    const all = await list();
    expect(all.total).toBe(2);
    const text = await jikenbo(['orgs', 'ひかり', '--db', db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^\d+\t株式会社ひかり書房\t2 incidents\t/);
    const [hikari] = (await list('ひかり書房')).rows;
    expect((await list('Minato Seiki')).rows.map((o) => o.name)).toEqual(['株式会社みなと精機']);

    const show = await jikenbo(['orgs', 'show', String(hikari!.id), '--db', db]);
    expect(show.stdout).toContain(`organisation ${hikari!.id}: 株式会社ひかり書房`);
    expect(show.stdout).toMatch(/incidents \(2\):/);
    expect(show.stdout).toContain('1,024 affected');
    const numbers = [...show.stdout.matchAll(/^ {4}#(J?\d{4}-\d+)\t/gm)].map((m) => m[1]!);
    expect(numbers).toHaveLength(2);

    const alias = await jikenbo(['orgs', 'alias', String(hikari!.id), 'Hikari', 'Books', '--by', 'sato', '--db', db]);
    expect(alias.stdout).toContain(`organisation ${hikari!.id}: alias Hikari Books (by sato)`);
    expect((await list('Hikari Books')).rows.map((o) => o.id)).toEqual([hikari!.id]);

    const split = await jikenbo(['orgs', 'split', String(hikari!.id), numbers[1]!, '--reason', '別会社', '--by', 'sato', '--db', db]);
    expect(split.code).toBe(0);
    const made = Number(/split off organisation (\d+)/.exec(split.stdout)![1]);
    expect((await list('ひかり書房')).rows.map((o) => [o.id, o.incidentCount, o.createdBy])).toEqual([[hikari!.id, 1, null], [made, 1, 'sato']]);

    const merge = await jikenbo(['orgs', 'merge', String(made), '--into', String(hikari!.id), '--by', 'suzuki', '--db', db]);
    expect(merge.stdout).toContain(`organisation ${made} merged into ${hikari!.id}`);
    expect((await list('ひかり書房')).rows.map((o) => o.incidentCount)).toEqual([2]);
    const audit = (await jikenbo(['audit', '--json', '--db', db])).stdout.trim().split('\n').map((l) => JSON.parse(l) as { action: string; actor: string });
    expect(audit.filter((e) => e.action.startsWith('organisation.')).map((e) => [e.action, e.actor]))
      .toEqual([['organisation.merge', 'suzuki'], ['organisation.split', 'sato'], ['organisation.name', 'sato']]);
  }, 120_000);

  it('refuses bad input with a message naming it', async () => {
    const noId = await jikenbo(['orgs', 'show', 'abc', '--db', db]);
    expect(noId.code).not.toBe(0);
    expect(noId.stderr).toContain('expected an organisation number such as 12');
    const noInto = await jikenbo(['orgs', 'merge', '1', '--db', db]);
    expect(noInto.stderr).toContain('--into');
    const unknown = await jikenbo(['orgs', 'show', '999999', '--db', db]);
    expect(unknown.stderr).toContain('no organisation 999999');
    const domain = await jikenbo(['orgs', 'domain', '1', 'not a domain', '--db', db]);
    expect(domain.stderr).toContain('is not a host name');
  }, 60_000);
});
