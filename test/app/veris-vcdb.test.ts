// Real VERIS: the 1,000 VCDB files of vendor-data/vcdb/validated/ (1.3.7 and 1.3.5, as VCDB keeps them)
// import as they are, and export again each once, under its own incident_id, equal to the input after
// conversion to 1.4.1 (plus.jikenbo aside). Then, on both engines, files that repeat an incident_id.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCasebook, type Casebook } from '../../src/app/casebook.ts';
import { loadIncidentFacts } from '../../src/app/incident-facts.ts';
import { DEFAULT_VERIS_SCHEMA, exportVeris, importVeris, type VerisImportReport } from '../../src/app/veris.ts';
import { createVerisValidator } from '../../src/formats/veris-validate.ts';
import { verisValidityErrors } from '../../src/formats/veris-validity-rules.ts';
import { upgradeVeris, verisVersionOf } from '../../src/formats/veris-versions.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const VCDB = '../shared/vendor-data/vcdb/validated';
/** checkValidity.py's "not in the future" is judged against a fixed day, so the figure does not drift. */
const TODAY = new Date('2026-12-01T00:00:00Z');
const validator = createVerisValidator(JSON.parse(readFileSync(DEFAULT_VERIS_SCHEMA, 'utf8')) as Record<string, unknown>);

/** A file as the casebook keeps it: converted to 1.4.1 by its own version. */
function converted(path: string): Record<string, unknown> {
  const input = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  return upgradeVeris(input, verisVersionOf(input)!, validator.current);
}

/** An exported file without what jikenbo adds (plus.jikenbo): the VERIS the file said. */
function withoutJikenbo(v: Record<string, unknown>): Record<string, unknown> {
  const out = structuredClone(v);
  const plus = out.plus as Record<string, unknown>;
  delete plus.jikenbo;
  return out;
}

describe('the 1,000 VCDB files', () => {
  const dir = tempDir();
  let casebook: Casebook;
  let report: VerisImportReport;
  const files = readdirSync(VCDB).filter((f) => f.endsWith('.json')).sort();

  beforeAll(async () => {
    casebook = await openCasebook(join(dir, 'vcdb.db'));
    report = await importVeris([VCDB], { ...casebook, validator });
  }, 600_000);
  afterAll(async () => casebook.close());

  it('import as they are (at least 99 %), each refusal naming the file, the field and its version\'s rule', () => {
    expect(files).toHaveLength(1000);
    console.log(`VCDB import: ${report.imported} of ${report.files} files imported as they are (${(100 * report.imported / report.files).toFixed(1)} %), ${report.failed} refused`);
    expect(report.files).toBe(1000);
    expect(report.imported / report.files).toBeGreaterThanOrEqual(0.99);
    for (const o of report.outcomes.filter((x) => x.status === 'failed')) {
      console.log(`  refused: ${basename(o.path)}: ${o.problems!.map((p) => `${p.pointer} ${p.reason}`).join('; ')}`);
      expect(files).toContain(basename(o.path));
      expect(o.internal).toBeUndefined();
      for (const p of o.problems!) {
        expect(p.pointer).toMatch(/^\/./);
        expect(p.reason).toMatch(/\(VERIS 1\.\d\.\d\)$/);
        expect(p.reason).not.toMatch(/SQLITE|constraint|CHECK|store/i);
      }
    }
    // The file whose plus.timeline.notification is {year: 2, month: 7, day: 2018} (no date) is imported.
    expect(report.outcomes.find((o) => o.path.endsWith('aa891e78-c25b-4df3-8d31-874e27b7c778.json'))?.status).toBe('new');
  });

  it('export again each once, under its own incident_id, equal to the input converted to 1.4.1', async () => {
    const out = join(dir, 'out');
    const exported = await exportVeris(await loadIncidentFacts(casebook.store), out, { ...casebook, validator });
    expect(exported.failed).toEqual([]);
    const imported = report.outcomes.filter((o) => o.status === 'new');
    expect(exported.written).toHaveLength(imported.length);
    expect(readdirSync(out)).toHaveLength(imported.length);

    const byId = new Map(imported.map((o) => [String(converted(o.path).incident_id), o.path]));
    expect(byId.size).toBe(imported.length);
    let equal = 0;
    let breaking = 0;
    const differing: string[] = [];
    const madeByRoundTrip: string[] = [];
    for (const w of exported.written) {
      const v = JSON.parse(readFileSync(w.file, 'utf8')) as Record<string, unknown>;
      expect(basename(w.file)).toBe(`${String(v.incident_id)}.json`);
      const input = byId.get(String(v.incident_id));
      expect(input, `${basename(w.file)} was not imported`).toBeDefined();
      byId.delete(String(v.incident_id));
      if (JSON.stringify(withoutJikenbo(v)) === JSON.stringify(converted(input!))) equal++;
      else differing.push(basename(input!));
      // checkValidity.py over the export: a break is only one its input already had (VCDB's curation:
      // DBIR-year windows, sub-regions, totals), never one the round trip made.
      const key = (e: { rule: string; pointer: string }) => `${e.rule} ${e.pointer}`;
      const inputBreaks = new Set(verisValidityErrors(converted(input!), { today: TODAY }).map(key));
      const exportBreaks = verisValidityErrors(v, { today: TODAY });
      if (exportBreaks.length) breaking++;
      for (const e of exportBreaks) if (!inputBreaks.has(key(e))) madeByRoundTrip.push(`${basename(input!)}: ${e.message}`);
    }
    console.log(`VCDB round trip: ${exported.written.length} files written, each once; ${equal} equal to their input after conversion`);
    console.log(`VCDB round trip: ${breaking} exports break a checkValidity.py rule, ${madeByRoundTrip.length} of the breaks not already in their input`);
    expect(byId.size).toBe(0);
    expect(differing).toEqual([]);
    expect(madeByRoundTrip).toEqual([]);
  }, 600_000);
});

describe.each(CASEBOOK_ENGINES)('VERIS files that repeat an incident_id, on $name', (engine) => {
  const dir = tempDir();
  let casebook: Casebook;
  const twin = '0001AA7F-C601-424A-B2B8-BE6C9F5164E7';

  beforeAll(async () => {
    casebook = await engine.open(dir, 'veris-twins');
    const input = join(dir, 'in');
    mkdirSync(input);
    // Two VCDB files of one incident_id (VCDB repeats them), the file with an impossible notification
    // date, and one whose incident_id is no plain name.
    const original = JSON.parse(readFileSync(join(VCDB, `${twin}.json`), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(input, 'a.json'), JSON.stringify(original));
    writeFileSync(join(input, 'b.json'), JSON.stringify({ ...original, summary: `${String(original.summary)} (a second record)` }));
    copyFileSync(join(VCDB, 'aa891e78-c25b-4df3-8d31-874e27b7c778.json'), join(input, 'c.json'));
    writeFileSync(join(input, 'd.json'), JSON.stringify({ ...original, incident_id: '../../x', summary: 'elsewhere' }));
    expect(await importVeris([input], { ...casebook, validator })).toMatchObject({ files: 4, imported: 4, failed: 0 });
  }, 120_000);
  afterAll(async () => casebook.close());

  it('writes each file once, the same names whatever the order, no file over another', async () => {
    const rows = await loadIncidentFacts(casebook.store);
    const first = await exportVeris(rows, join(dir, 'out1'), { ...casebook, validator });
    const second = await exportVeris([...rows].reverse(), join(dir, 'out2'), { ...casebook, validator });
    expect(first.failed).toEqual([]);
    const names = readdirSync(join(dir, 'out1')).sort();
    expect(names).toHaveLength(4);
    expect(readdirSync(join(dir, 'out2')).sort()).toEqual(names);
    for (const name of names) expect(readFileSync(join(dir, 'out2', name), 'utf8')).toBe(readFileSync(join(dir, 'out1', name), 'utf8'));
    expect(second.written).toHaveLength(4);

    // The twins: each named by the incident_id and its own file's SHA-256, each with its own summary.
    const sha = (file: string) => createHash('sha256').update(readFileSync(join(dir, 'in', file))).digest('hex').slice(0, 12);
    expect(names).toContain(`${twin}-${sha('a.json')}.json`);
    expect(names).toContain(`${twin}-${sha('b.json')}.json`);
    const summaries = names.filter((n) => n.startsWith(twin)).map((n) => JSON.parse(readFileSync(join(dir, 'out1', n), 'utf8')).summary as string);
    expect(new Set(summaries).size).toBe(2);
    // A unique plain incident_id is the name; one that is no plain name is never a path.
    // (VCDB names this file by its master_id; its incident_id is another.)
    expect(names).toContain('c0dece70-8926-11e8-8760-271b3d9edf6d.json');
    const hostile = names.map((n) => JSON.parse(readFileSync(join(dir, 'out1', n), 'utf8'))).find((v) => v.incident_id === '../../x');
    expect(hostile).toBeDefined();
  }, 120_000);
});

describe('a valid file the store refuses', () => {
  const dir = tempDir();

  it('is a failure in jikenbo\'s words, the store\'s kept apart for a log, and the batch goes on', async () => {
    const casebook = await openCasebook(join(dir, 'refusing.db'));
    try {
      let calls = 0;
      const store = new Proxy(casebook.store, {
        get(target, key, receiver) {
          if (key !== 'ingestDocument') return Reflect.get(target, key, receiver);
          return async (...args: Parameters<typeof target.ingestDocument>) => {
            if (calls++ === 0) throw new Error('CHECK constraint failed: disclosure_date GLOB');
            return target.ingestDocument(...args);
          };
        },
      });
      const files = ['0001AA7F-C601-424A-B2B8-BE6C9F5164E7.json', 'aa891e78-c25b-4df3-8d31-874e27b7c778.json'].map((f) => join(VCDB, f));
      const report = await importVeris(files, { ...casebook, store, validator });
      expect(report).toMatchObject({ files: 2, imported: 1, failed: 1 });
      const failed = report.outcomes.find((o) => o.status === 'failed')!;
      expect(failed.problems).toEqual([{ pointer: '', reason: expect.stringMatching(/^valid VERIS that jikenbo could not store/) }]);
      expect(JSON.stringify(failed.problems)).not.toMatch(/CHECK|constraint|GLOB/);
      expect(failed.internal).toMatch(/CHECK constraint failed/);
    } finally {
      await casebook.close();
    }
  });
});
