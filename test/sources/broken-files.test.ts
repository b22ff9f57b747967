// A batch of broken files (test/helpers/broken-files.ts) with two good notices, through the real ingest:
// each broken file is one error naming the file and its problem, the good ones are stored, nothing else is.
// JIKENBO_LONG_TESTS=1 makes the thousands-of-pages PDF and the enormous HTML full size (20,000 pages, 40 MB).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeJapanesePdf } from '../../scripts/make-pdf.ts';
import { archiveDirFor, openCasebook, type Casebook } from '../../src/app/casebook.ts';
import { ingestPaths, type IngestReport } from '../../src/app/ingest.ts';
import { writeBrokenFiles, type BrokenFile } from '../helpers/broken-files.ts';
import { BCC_NOTICE, USB_NOTICE } from '../helpers/notices.ts';
import { jikenbo } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const LONG = process.env.JIKENBO_LONG_TESTS === '1';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Every file under the archive folder, as the SHA-256 its path spells (ab/cdef… → abcdef…). */
function archived(dbPath: string): string[] {
  const root = archiveDirFor(dbPath);
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `${entry.parentPath.slice(root.length + 1)}${entry.name}`)
    .sort();
}

describe('a batch of broken files beside two good notices', () => {
  const dir = tempDir();
  const inbox = join(dir, 'inbox');
  const goodText = new TextEncoder().encode(USB_NOTICE);
  const goodPdf = makeJapanesePdf(BCC_NOTICE.trimEnd().split('\n'));
  let broken: BrokenFile[];

  beforeAll(() => {
    mkdirSync(inbox);
    broken = writeBrokenFiles(inbox, { long: LONG });
    writeFileSync(join(inbox, 'good-usb.txt'), goodText);
    writeFileSync(join(inbox, 'good-bcc.pdf'), goodPdf);
  });

  /** One failure per broken file, naming it and its problem; none for anything else. */
  function expectOneErrorEach(report: IngestReport): void {
    for (const file of broken) {
      const path = join(inbox, file.name);
      const errors = report.failures.filter((f) => f.path === path);
      expect(errors, file.name).toHaveLength(1);
      expect(errors[0]!.reason!.startsWith(`${path}: `), errors[0]!.reason).toBe(true);
      expect(errors[0]!.reason, file.name).toMatch(file.problem);
    }
    expect(report.failures).toHaveLength(broken.length);
  }

  describe('through ingestPaths', () => {
    const db = join(dir, 'api.db');
    let casebook: Casebook;
    let report: IngestReport;

    beforeAll(async () => {
      casebook = await openCasebook(db);
      report = await ingestPaths([inbox], casebook);
    }, 120_000);
    afterAll(() => casebook.close());

    it('reports each broken file once, by name, with what is wrong with it', () => {
      expect(report.files).toBe(broken.length + 2);
      expectOneErrorEach(report);
    });

    it('stores the two good notices', async () => {
      const good = report.outcomes.filter((o) => o.status === 'new').map((o) => o.path).sort();
      expect(good).toEqual([join(inbox, 'good-bcc.pdf'), join(inbox, 'good-usb.txt')]);
      expect(await casebook.store.countNotices()).toBe(report.newRecords);
      expect(report.newRecords).toBe(2);
      expect((await casebook.store.search('遺失届')).map((h) => h.header)).toEqual([expect.stringContaining('USBメモリの紛失')]);
      expect((await casebook.store.search('宛先')).map((h) => h.header)).toEqual([expect.stringContaining('メール誤送信')]);
    });

    it('writes nothing of a broken file: no document, no original in the archive, no temp file', async () => {
      expect(archived(db)).toEqual([sha256(goodText), sha256(goodPdf)].sort());
      for (const file of broken.filter((f) => f.name !== 'huge.txt')) {
        expect(await casebook.store.hasDocument(sha256(readFileSync(join(inbox, file.name)))), file.name).toBe(false);
      }
    });

    it('gives the same answer the second time, the good notices as already stored', async () => {
      const again = await ingestPaths([inbox], casebook);
      expectOneErrorEach(again);
      expect(again.duplicates).toBe(2);
      expect(again.newRecords).toBe(0);
      expect(await casebook.store.countNotices()).toBe(2);
    }, 120_000);
  });

  describe('through the command line', () => {
    it('prints one failed line per broken file, stores the good ones and exits with 1', async () => {
      const db = join(dir, 'cli.db');
      const { code, stdout, stderr } = await jikenbo(['ingest', inbox, '--db', db, '--quiet']);
      expect(code, stderr).toBe(1);
      expect(stdout).toContain(`${broken.length + 2} files, 2 posts, 2 new records, 0 duplicates (already stored), ${broken.length} failures`);
      const failed = stderr.split('\n').filter((line) => line.startsWith('  failed: '));
      expect(failed).toHaveLength(broken.length);
      for (const file of broken) {
        const lines = failed.filter((line) => line.startsWith(`  failed: ${join(inbox, file.name)}: `));
        expect(lines, file.name).toHaveLength(1);
        expect(lines[0], file.name).toMatch(file.problem);
      }
      expect(archived(db)).toEqual([sha256(goodText), sha256(goodPdf)].sort());
    }, 120_000);

    it('refuses files above --max-bytes, naming the file, its size and the limit', async () => {
      const db = join(dir, 'limit.db');
      const path = join(inbox, 'good-usb.txt');
      const { code, stdout, stderr } = await jikenbo(['ingest', path, '--db', db, '--quiet', '--max-bytes', '100']);
      expect(code, stderr).toBe(1);
      expect(stdout).toContain('1 files, 0 posts, 0 new records');
      expect(stderr).toContain(`failed: ${path}: ${goodText.length} bytes is over the 100-byte limit`);
      const bad = await jikenbo(['ingest', path, '--db', db, '--max-bytes', 'lots']);
      expect(bad.code, bad.stderr).toBe(2);
      expect(bad.stderr).toMatch(/--max-bytes/);
    }, 60_000);
  });
});
