// Issue 20: incidents imported from VERIS are a dataset of their own, on both engines. Real VCDB files
// (read in place from ../shared/vendor-data/vcdb/validated/) beside the shared seed casebook: every VCDB
// file stays one incident (two with one summary are two), has no casebook number but its own
// incident_id, takes its dates from its own timeline, and is counted by the statistics, the duty list
// and the report only when a view asks for it; the seeds' grouping is unchanged (36 incidents).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Casebook } from '../../src/app/casebook.ts';
import { checkDuty } from '../../src/app/duty-check.ts';
import { linkNoticesAsPerson } from '../../src/app/incidents.ts';
import { loadIncidentFacts, type IncidentFacts } from '../../src/app/incident-facts.ts';
import { selectIncidents } from '../../src/app/incident-selection.ts';
import { parseSelection } from '../../src/app/request-schemas.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { reviewQueue } from '../../src/app/review-queue.ts';
import { scopedFacts } from '../../src/app/scoped-facts.ts';
import { importVeris, loadVerisValidator, resolveVerisSchemaPath } from '../../src/app/veris.ts';
import { scopeFromOptions } from '../../src/cli/scope-options.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const SEEDS = resolve('../shared/corpus/seeds');
const VCDB = resolve('../shared/vendor-data/vcdb/validated');

/** Two VCDB incidents with one summary (the Red October campaign), two banks' "ATM Skimmer", and IIMJobs (India, 2020). */
const SAME_SUMMARY = ['18CFF554-A6C1-4B70-8651-647F85EB899B.json', '20DE2227-3738-4E4D-982F-4639A3B688CF.json'];
const SKIMMERS = ['7D4C612C-F3E0-442C-B605-E4E637059DF1.json', '80CBB49D-6524-4DB4-80A7-148A2C241CD6.json'];
const INDIA = 'c417a0fa-8ad4-42f1-9ed0-009850ec65ff.json';
const FILES = [...SAME_SUMMARY, ...SKIMMERS, INDIA];

const vcdb = (file: string) => JSON.parse(readFileSync(join(VCDB, file), 'utf8')) as { incident_id: string; summary: string };

/** The real validator: every file these tests import is one VCDB file that import accepts as it is. */
const realValidator = () => loadVerisValidator(resolveVerisSchemaPath(undefined));

describe.skipIf(!existsSync(SEEDS) || !existsSync(VCDB)).each(CASEBOOK_ENGINES)('imported VCDB incidents beside the seeds on $name', (engine) => {
  const dir = tempDir();
  let casebook: Casebook;
  let facts: IncidentFacts[];
  const imported = () => facts.filter((f) => f.dataset !== 'jp-notices');
  const byVeris = (file: string) => facts.find((f) => f.externalId === vcdb(file).incident_id)!;

  beforeAll(async () => {
    casebook = await engine.open(dir, 'foreign-dataset');
    const ingest = await ingestPaths([SEEDS], casebook);
    expect(ingest.failures).toEqual([]);
    const report = await importVeris(FILES.map((f) => join(VCDB, f)), { ...casebook, validator: await realValidator() });
    expect(report).toMatchObject({ files: 5, imported: 5, failed: 0 });
    facts = await loadIncidentFacts(casebook.store);
  }, 120_000);
  afterAll(async () => casebook?.close());

  it('groups the seeds\' Japanese notices as before: 36 incidents, each in jikenbo\'s dataset', () => {
    const japanese = facts.filter((f) => f.dataset === 'jp-notices');
    expect(japanese).toHaveLength(36);
    expect(japanese.every((f) => f.number !== null)).toBe(true);
    expect(facts).toHaveLength(41);
  });

  it('keeps every VCDB file one incident of dataset veris:vcdb, two files with one summary two incidents', () => {
    expect(vcdb(SAME_SUMMARY[0]!).summary).toBe(vcdb(SAME_SUMMARY[1]!).summary);
    expect(vcdb(SKIMMERS[0]!).summary).toBe(vcdb(SKIMMERS[1]!).summary);
    expect(imported()).toHaveLength(5);
    for (const file of FILES) {
      const f = byVeris(file);
      expect(f, file).toBeDefined();
      expect(f.noticeIds, file).toHaveLength(1);
      expect(f.dataset).toBe('veris:vcdb');
    }
    expect(new Set(SAME_SUMMARY.map((file) => byVeris(file).id)).size).toBe(2);
  });

  it('gives an imported incident no casebook number, names it by its VERIS incident_id and dates it by its own timeline', () => {
    const india = byVeris(INDIA);
    expect(india).toMatchObject({ number: null, ownNumber: null, organization: 'IIMJobs', externalId: vcdb(INDIA).incident_id });
    // plus.timeline.notification 2020-12-01 and timeline.incident 2020-11-23: not the year it was imported.
    expect(india.disclosureDate).toBe('2020-12-01');
    expect(india.occurredDate).toBe('2020-11-23');
    expect(imported().every((f) => f.number === null && !f.ownNumber)).toBe(true);
  });

  it('leaves imported incidents out of the statistics, the duty list, the review queue\'s duty items and the report unless asked', async () => {
    const store = casebook.store;
    const ids = (rows: readonly IncidentFacts[]) => new Set(rows.map((r) => r.id));
    const india = byVeris(INDIA).id;

    // The default scope of stats, the dashboard, duty, queue and report: the Japanese notices only.
    const byDefault = await scopedFacts(store, scopeFromOptions('report', {}));
    expect(byDefault).toHaveLength(36);
    expect(ids(byDefault).has(india)).toBe(false);
    const yearDefault = await scopedFacts(store, scopeFromOptions('stats', { year: ['2020'] }));
    expect(ids(yearDefault).has(india)).toBe(false);

    // Asked for, they are counted.
    const onlyImported = await scopedFacts(store, scopeFromOptions('stats', { dataset: 'imported' }));
    expect([...ids(onlyImported)].sort()).toEqual(imported().map((f) => f.id).sort());
    const all = await scopedFacts(store, scopeFromOptions('report', { dataset: 'all', year: ['2020'] }));
    expect(ids(all).has(india)).toBe(true);
    expect(() => scopeFromOptions('stats', { dataset: 'foreign' })).toThrow(/dataset/);

    const dutyDefault = await checkDuty(store, byDefault);
    expect(dutyDefault.assessments.map((a) => a.incidentId)).not.toContain(india);
    const dutyImported = await checkDuty(store, onlyImported);
    expect(dutyImported.incidents).toBe(5);

    // The review queue lists an imported incident's values when asked, but never flags its duty.
    const queue = await reviewQueue(store, onlyImported, 1000);
    expect(queue.items.some((i) => i.incidentId === india)).toBe(true);
    expect(queue.items.filter((i) => i.incidentId === india).every((i) => !i.reasons.includes('duty'))).toBe(true);
  });

  it('lists every incident for exports and the API by default, and one dataset when the selection names it', async () => {
    const store = casebook.store;
    expect(await selectIncidents(store, parseSelection({}))).toHaveLength(41);
    expect(await selectIncidents(store, parseSelection({ dataset: ['jp'] }))).toHaveLength(36);
    const onlyImported = await selectIncidents(store, parseSelection({ dataset: ['imported'] }));
    expect(onlyImported.map((f) => f.externalId).sort()).toEqual(FILES.map((f) => vcdb(f).incident_id).sort());
    expect(() => parseSelection({ dataset: ['vcdb'] })).toThrow(/dataset/);
  });

  it('puts two imported incidents together only when a person links them', async () => {
    const [a, b] = SKIMMERS.map((file) => byVeris(file));
    await linkNoticesAsPerson(casebook.store, a!.noticeIds[0]!, b!.noticeIds[0]!, 'sato');
    const after = await loadIncidentFacts(casebook.store);
    const linked = after.filter((f) => f.noticeIds.includes(a!.noticeIds[0]!));
    expect(linked).toHaveLength(1);
    expect(linked[0]!.noticeIds.sort()).toEqual([a!.noticeIds[0]!, b!.noticeIds[0]!].sort());
    expect(linked[0]!).toMatchObject({ number: null, dataset: 'veris:vcdb' });
    expect(after.filter((f) => f.dataset === 'jp-notices')).toHaveLength(36);
  });
});
