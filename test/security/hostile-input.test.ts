// Hostile input, on every engine, with every input made here: a VERIS file whose incident_id walks
// out of --out, a notices folder holding links to a file and a folder outside it, a notice repeating
// one word 80,000 times, and escape sequences in a notice's title, in file names and in a sign-in name.
// Each asserts a refusal by name or a bounded result (counts and lengths, never time).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn as signInAccount } from '../../src/app/accounts.ts';
import { openCasebook, type Casebook } from '../../src/app/casebook.ts';
import { loadIncidentFacts } from '../../src/app/incident-facts.ts';
import { regroupIncidents } from '../../src/app/incidents.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { DEFAULT_VERIS_SCHEMA } from '../../src/app/veris.ts';
import { verisIncidentId } from '../../src/formats/stable-id.ts';
import { createApp } from '../../src/server/app.ts';
import { MAX_SPANS_PER_FIELD } from '../../src/server/highlight.ts';
import { MAX_PAGE_TEXT_CHARS } from '../../src/server/pages/page-limits.ts';
import { MATCH_START } from '../../src/store/snippet.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { jikenbo, type CliResult } from '../helpers/run-cli.ts';
import { signIn } from '../helpers/sign-in.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/** What a terminal acts on: ESC and the other C0 controls but tab and newline, DEL, C1, bidi overrides. */
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const printed = (r: CliResult) => r.stdout + r.stderr;

const NOTICE = (title: string, body: string) =>
  `${title}\n\n2024年5月10日\n株式会社みなと商事\n\n当社が管理するサーバーが不正アクセスを受け、お客様の個人情報${body}が漏えいした可能性があることが判明しました。\n`;

describe.each(CASEBOOK_ENGINES)('hostile input on $name', (engine) => {
  const dir = tempDir('jikenbo-hostile-');
  const disposals: Array<() => Promise<void>> = [];
  const casebookAt = async (name: string) => {
    const located = await engine.locate(dir, `hostile_${engine.name}_${name}`);
    disposals.push(located.dispose);
    return located.db;
  };
  afterAll(async () => {
    for (const dispose of disposals) await dispose();
  });

  it('writes VERIS exports under --out only, each named by the incident\'s own id, whatever incident_id was imported', async () => {
    const db = await casebookAt('veris');
    const base = join(dir, `veris-${engine.name}`);
    const out = join(base, 'a', 'b', 'out');
    mkdirSync(join(base, 'in'), { recursive: true });
    const incident = (id: string) => ({
      schema_version: '1.4.0', incident_id: id, security_incident: 'Confirmed', summary: `Laptop stolen (${id.length})`,
      action: { physical: { variety: ['Theft'], vector: ['Personal vehicle'] } }, actor: { external: { variety: ['Unknown'], motive: ['Financial'] } },
      asset: { assets: [{ variety: 'U - Laptop' }], cloud: ['NA'] }, discovery_method: { external: { variety: ['Customer'] } },
      timeline: { incident: { year: 2023, month: 4, day: 2 } }, victim: { industry: '622110', country: ['US'], employee_count: 'Large', government: ['NA'], victim_id: `Hospital ${id.length}` },
    });
    const hostile = ['../../escaped', '../../../../escaped-further', `${base}/absolute`, 'sub/dir/x', '..'];
    hostile.forEach((id, i) => writeFileSync(join(base, 'in', `${i}.json`), JSON.stringify(incident(id))));

    const imported = await jikenbo(['import', '--format', 'veris', join(base, 'in'), '--db', db, '--schema', DEFAULT_VERIS_SCHEMA]);
    expect(imported.code, printed(imported)).toBe(0);
    const exported = await jikenbo(['export', '--format', 'veris', '--out', out, '--db', db, '--schema', DEFAULT_VERIS_SCHEMA]);
    expect(exported.code, printed(exported)).toBe(0);

    // Nothing beside or above --out: the folders above it hold only the folder that leads to it.
    expect(readdirSync(join(base, 'a', 'b'))).toEqual(['out']);
    expect(readdirSync(join(base, 'a'))).toEqual(['b']);
    expect(readdirSync(base).sort()).toEqual(['a', 'in']);
    expect(existsSync(join(base, 'absolute.json'))).toBe(false);
    expect(existsSync(join(dir, 'escaped-further.json'))).toBe(false);

    // Inside it, one file per incident, named by the stable id of its export key, and nothing else.
    const casebook = await openCasebook(db);
    try {
      const facts = await loadIncidentFacts(casebook.store);
      expect(facts).toHaveLength(hostile.length);
      expect(readdirSync(out, { recursive: true }).map(String).sort()).toEqual(facts.map((f) => `${verisIncidentId(f.exportKey)}.json`).sort());
    } finally {
      await casebook.close();
    }
    // The imported incident_id travels inside the file, as data.
    const ids = readdirSync(out).map((f) => JSON.parse(readFileSync(join(out, f), 'utf8')).incident_id as string);
    expect(ids.sort()).toEqual([...hostile].sort());
  }, 120_000);

  it('refuses, by name, links inside an ingested folder to a file and a folder outside it, and ingests the rest', async () => {
    const db = await casebookAt('links');
    const base = join(dir, `links-${engine.name}`);
    const outside = join(base, 'outside');
    const folder = join(base, 'notices');
    mkdirSync(join(outside, 'etc'), { recursive: true });
    mkdirSync(join(folder, 'sub'), { recursive: true });
    writeFileSync(join(outside, 'passwd.txt'), NOTICE('秘密ファイルのお知らせ', '（外部秘ぬえ）'));
    writeFileSync(join(outside, 'etc', 'shadow.txt'), NOTICE('秘密フォルダのお知らせ', '（外部秘ぬえ）'));
    writeFileSync(join(folder, 'a.txt'), NOTICE('個人情報漏えいに関するお詫び', '（氏名）'));
    writeFileSync(join(folder, 'sub', 'b.txt'), NOTICE('不正アクセスに関するお知らせ', '（住所）'));
    symlinkSync(join(outside, 'passwd.txt'), join(folder, 'file-link.txt'));
    symlinkSync(join(outside, 'etc'), join(folder, 'sub', 'dir-link'));

    const ingest = await jikenbo(['ingest', folder, '--db', db]);
    expect(ingest.code).toBe(1);
    expect(ingest.stdout).toMatch(/^4 files, .* 2 new records, .* 2 failures$/m);
    for (const link of [join(folder, 'file-link.txt'), join(folder, 'sub', 'dir-link')]) {
      expect(printed(ingest)).toContain(`${link}: a symbolic link inside a folder is not followed`);
    }
    const search = await jikenbo(['search', '外部秘', '--json', '--db', db]);
    expect(JSON.parse(search.stdout)).toEqual([]);
    const list = await jikenbo(['list', '--json', '--db', db]);
    expect((JSON.parse(list.stdout) as { title: string }[]).map((n) => n.title).sort()).toEqual(['不正アクセスに関するお知らせ', '個人情報漏えいに関するお詫び']);

    // A link named on the command line is the user's choice: it is read.
    const named = await jikenbo(['ingest', join(folder, 'file-link.txt'), '--db', db]);
    expect(named.code, printed(named)).toBe(0);
    expect(JSON.parse((await jikenbo(['search', '外部秘', '--json', '--db', db])).stdout)).toHaveLength(1);
  }, 120_000);

  describe('a notice repeating one word 80,000 times', () => {
    let casebook: Casebook;
    const opening = '個人情報漏えいに関するお詫び\n\n2024年5月10日\n株式会社みなと商事\n\n';
    const text = `${opening}${'個人情報'.repeat(80_000)}\n`;
    let plainNotice = 0;
    let spannedNotice = 0;

    beforeAll(async () => {
      casebook = await engine.open(dir, `hostile_repeat_${engine.name}`);
      writeFileSync(join(dir, `repeat-${engine.name}.txt`), text);
      const report = await ingestPaths([join(dir, `repeat-${engine.name}.txt`)], casebook);
      expect(report.failures).toEqual([]);
      plainNotice = (await casebook.store.listNotices())[0]!.id;
      // The same text once more, with a record whose evidence marks every one of the 80,000 words,
      // stored as an import stores a record it did not extract.
      const record = (await casebook.store.getNotice(plainNotice))!.record;
      const spanned = `${text}\n`;
      const bytes = new TextEncoder().encode(spanned);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      await casebook.archive.put(sha256, bytes);
      const evidence = { ...record.evidence, data_types: Array.from({ length: 80_000 }, (_, i) => [opening.length + i * 4, opening.length + i * 4 + 4] as [number, number]) };
      const result = await casebook.store.ingestDocument(
        { sha256, source: 'generated', mediaType: 'text/plain', encoding: 'UTF-8', byteLength: bytes.byteLength, text: spanned },
        [{ ordinal: 0, start: 0, end: spanned.length, text: spanned, record: { ...record, evidence }, extractorVersion: 'hostile-test' }],
      );
      spannedNotice = result.noticeIds[0]!;
      await regroupIncidents(casebook.store);
    }, 120_000);
    afterAll(async () => casebook.close());

    it('gives a search hit a passage with a bounded number of marks', async () => {
      const hits = await casebook.store.search('個人情報', {});
      expect(hits.length).toBeGreaterThanOrEqual(1);
      for (const hit of hits) {
        const marks = hit.snippet.split(MATCH_START).length - 1;
        expect(marks).toBeGreaterThanOrEqual(1);
        expect(marks).toBeLessThanOrEqual(25);
        expect(hit.snippet.length).toBeLessThan(300);
      }
    });

    it('renders the incident and notice pages with bounded highlighting and text, the whole text downloadable', async () => {
      const app = createApp(casebook);
      const client = await signIn(app, casebook.store, 'reader', 'viewer');
      for (const noticeId of [plainNotice, spannedNotice]) {
        const incidentId = await casebook.store.incidentOfNotice(noticeId);
        expect(incidentId).not.toBeNull();
        for (const path of [`/incidents/${incidentId}`, `/notices/${noticeId}`]) {
          const res = await client.get(path);
          expect(res.status, path).toBe(200);
          const page = await res.text();
          const anchors = page.match(new RegExp(`id="n${noticeId}-ev-data_types-`, 'g')) ?? [];
          expect(anchors.length, path).toBeLessThanOrEqual(MAX_SPANS_PER_FIELD);
          expect((page.match(/<mark /g) ?? []).length, path).toBeLessThanOrEqual(MAX_SPANS_PER_FIELD * 20);
          // Two notices of at most MAX_PAGE_TEXT_CHARS each (3 bytes a character), and the rest of the page.
          expect(Buffer.byteLength(page), path).toBeLessThan(2 * 3 * MAX_PAGE_TEXT_CHARS + 200_000);
          expect(page, path).toContain(`href="/notices/${noticeId}/text"`);
        }
        const whole = await client.get(`/notices/${noticeId}/text`);
        expect(whole.headers.get('content-disposition')).toBe(`attachment; filename="notice-${noticeId}.txt"`);
        expect((await whole.text()).length).toBe(noticeId === spannedNotice ? text.length + 1 : text.length);
      }
      const page = await (await client.get(`/notices/${spannedNotice}`)).text();
      expect(page.match(new RegExp(`id="n${spannedNotice}-ev-data_types-`, 'g'))).toHaveLength(MAX_SPANS_PER_FIELD);
    }, 60_000);
  });

  it('prints no escape sequence from a notice title, a file name or a sign-in name', async () => {
    const db = await casebookAt('escapes');
    const base = join(dir, `escapes-${engine.name}`);
    mkdirSync(base, { recursive: true });
    const title = '\u001b]0;pwned\u0007\u001b[2J個人情報漏えいに関するお詫び\u009b31m\u202e';
    const goodName = join(base, 'evil-\u001b]2;owned\u0007-\u202e.txt');
    const badName = join(base, 'broken-\u001b[2J\u009b1m.pdf');
    writeFileSync(goodName, NOTICE(title, '（氏名\u001b[31m・住所）'));
    writeFileSync(badName, 'not a pdf at all');

    const runs: CliResult[] = [];
    const run = async (args: string[]) => {
      const r = await jikenbo([...args, '--db', db]);
      runs.push(r);
      return r;
    };
    const ingest = await run(['ingest', base]);
    expect(ingest.code).toBe(1);
    expect(ingest.stderr + ingest.stdout).toContain('broken-\\u001b[2J\\u009b1m.pdf');

    const casebook = await openCasebook(db);
    try {
      await expect(signInAccount(casebook.store, '\u001b]0;evil\u0007\u001b[2Jroot', 'wrong', { ip: '127.0.0.1' })).rejects.toThrow(/wrong name or password/);
    } finally {
      await casebook.close();
    }
    const listed = JSON.parse((await run(['list', '--json'])).stdout) as { id: number; title: string }[];
    // The title is stored as it came: the guard is in what is printed, not in what is kept.
    expect(listed.map((n) => n.title)).toContain(title);
    const id = listed[0]!.id;
    await run(['list']);
    await run(['search', '個人情報']);
    await run(['search', '個人情報', '--json']);
    await run(['show', String(id)]);
    await run(['incidents']);
    const audit = await run(['audit']);
    // The failed sign-in is audited under the name's key, which drops control characters at the door.
    expect(audit.stdout).toMatch(/session\.sign_in_failed\taccount:\]0;evil\[2Jroot/);
    expect(runs.map((r) => r.stdout).join('')).toContain('\\u001b]0;pwned\\u0007');
    for (const r of runs) expect(printed(r)).not.toMatch(TERMINAL_CONTROL);
  }, 120_000);
});
