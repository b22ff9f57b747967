// VERIS: the validator against VERIS's own 222 test incidents, exports valid against verisc-merged.json,
// and a casebook round-tripped through VERIS export and import with nothing lost that VERIS can hold.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCasebook, type Casebook } from '../../src/app/casebook.ts';
import { loadIncidentFacts, type IncidentFacts } from '../../src/app/incident-facts.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { correctValue } from '../../src/app/review.ts';
import { reextractNotices } from '../../src/app/reextract.ts';
import { DEFAULT_VERIS_SCHEMA, exportVeris, importVeris, loadVerisValidator } from '../../src/app/veris.ts';
import { ACTION_OF_TYPE, DATA_VARIETY_OF, NAICS_OF, toVeris, recordFromVeris } from '../../src/formats/veris-mapping.ts';
import { createVerisValidator } from '../../src/formats/veris-validate.ts';
import { verisIncidentId } from '../../src/formats/stable-id.ts';
import { INCIDENT_TYPES } from '../../src/core/record.ts';
import { jikenbo } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { describeWithCasebook } from '../helpers/test-loop.ts';
import { haveShared, sharedPath } from '../helpers/shared-data.ts';

const TESTS = sharedPath('vendor-data/veris/tests');
// VERIS's schema and test incidents are in ../shared: in CI a missing one fails here, elsewhere the file skips.
const SHARED = haveShared('the VERIS tests', DEFAULT_VERIS_SCHEMA, TESTS);
const schema = (SHARED ? JSON.parse(readFileSync(DEFAULT_VERIS_SCHEMA, 'utf8')) : {}) as Record<string, unknown>;
const validator = createVerisValidator(schema);

/** What VERIS can hold of an incident row: everything but the casebook's local ids. */
function portable(f: IncidentFacts) {
  return {
    // A number jikenbo gave belongs to its casebook: the copy gives its own.
    number: f.numberKept ? f.number : 'own', title: f.title, organization: f.organization, sector: f.sector, disclosureDate: f.disclosureDate,
    occurredDate: f.occurredDate, discoveredDate: f.discoveredDate, incidentTypes: f.incidentTypes, dataTypes: f.dataTypes,
    affectedCount: f.affectedCount, reportedToPpc: f.reportedToPpc, reportedToPolice: f.reportedToPolice,
    contractorInvolved: f.contractorInvolved, attacker: f.attacker, discovery: f.discovery,
  };
}

describe.skipIf(!SHARED)('VERIS validator', () => {
  const files = SHARED ? readdirSync(TESTS).filter((f) => f.endsWith('.json')).sort() : [];

  it('classifies every VERIS test incident as its `should` says', () => {
    let right = 0;
    const wrong: string[] = [];
    for (const file of files) {
      const t = JSON.parse(readFileSync(join(TESTS, file), 'utf8')) as { incident: unknown; should: 'pass' | 'fail' };
      const verdict = validator.validate(t.incident).length ? 'fail' : 'pass';
      if (verdict === t.should) right++;
      else wrong.push(`${file}: expected ${t.should}`);
    }
    console.log(`VERIS tests: ${right}/${files.length} classified as their "should" says`);
    expect(wrong).toEqual([]);
    expect(files.length).toBe(222);
  });

  it('names the field a failing test is about (its JSON pointer)', () => {
    const unnamed: string[] = [];
    for (const file of files) {
      const t = JSON.parse(readFileSync(join(TESTS, file), 'utf8')) as { incident: unknown; should: string };
      if (t.should !== 'fail') continue;
      // "action.error.variety_duplicate.json" is about /action/error/variety; "action_missing.json" about /action.
      // Some tests are named after one section but change a neighbour (action.error.vector_* edits
      // action.misuse): the top-level section is what every name gets right.
      const base = file.replace(/\.json$/, '');
      const section = base.includes('.') ? base.split('.')[0]! : base.replace(/_(missing|empty|unrecognized)$/, '');
      const problems = validator.validate(t.incident);
      const unrecognized = file.includes('_unrecognized');
      const near = problems.some((p) => p.pointer.split('/')[1] === section || (section === 'root' || unrecognized) && p.reason === 'is not a VERIS field here');
      if (!near) unnamed.push(`${file}: ${JSON.stringify(problems)}`);
    }
    expect(unnamed).toEqual([]);
  });

  it('catches what the schema cannot say: repeats, empty strings, arrays and objects', () => {
    const base = toVeris(row({ incidentTypes: ['loss'] }));
    expect(validator.validate(base)).toEqual([]);
    const withDup = structuredClone(base) as { action: { error: { variety: string[] } } };
    withDup.action.error.variety = ['Loss', 'Loss'];
    expect(validator.validate(withDup).map((p) => p.pointer)).toContain('/action/error/variety/1');
    expect(validator.validate({ ...base, summary: '  ' })).toContainEqual({ pointer: '/summary', reason: 'is present but empty' });
    expect(validator.validate({ ...base, plus: { anything: [] } })).toEqual([]);
  });
});

describe.skipIf(!SHARED)('VERIS mapping', () => {
  it('maps every incident type, data type and sector to values the schema enumerates', () => {
    for (const t of INCIDENT_TYPES) {
      const incident = toVeris(row({ incidentTypes: [t], dataTypes: ['name', 'credit_card', 'medical', 'password', 'bank_account', 'other'], sector: 'ecommerce' }));
      expect(validator.validate(incident), t).toEqual([]);
    }
    for (const sector of Object.keys(NAICS_OF) as (keyof typeof NAICS_OF)[]) {
      expect(validator.validate(toVeris(row({ sector }))), sector).toEqual([]);
    }
    expect(Object.keys(DATA_VARIETY_OF)).toHaveLength(16);
    expect(ACTION_OF_TYPE.web_skimming.map((a) => a.variety[0])).toEqual(['Capture app data', 'Exploit vuln']);
  });

  it('reads a foreign VERIS 1.4 incident back into a record', () => {
    const foreign = {
      schema_version: '1.4.0', incident_id: 'x', security_incident: 'Confirmed', summary: 'Laptop stolen from a car',
      action: { physical: { variety: ['Theft'], vector: ['Personal vehicle'] } }, actor: { external: { variety: ['Unknown'], motive: ['Financial'] } },
      asset: { assets: [{ variety: 'U - Laptop' }], cloud: ['NA'] }, discovery_method: { external: { variety: ['Customer'] } },
      timeline: { incident: { year: 2023, month: 4, day: 2 } }, victim: { industry: '622110', country: ['US'], employee_count: 'Large', government: ['NA'], victim_id: 'Some Hospital' },
      attribute: { confidentiality: { data_disclosure: 'Potentially', data: [{ variety: 'Medical' }], data_total: 1200 } },
    };
    expect(validator.validate(foreign)).toEqual([]);
    expect(recordFromVeris(foreign)).toMatchObject({
      organization: 'Some Hospital', sector: 'healthcare', incident_types: ['theft'], data_types: ['medical'], affected_count: 1200,
      discovery: 'customer_report', occurred_date: '2023-04-02', title: 'Laptop stolen from a car',
    });
  });
});

(SHARED ? describeWithCasebook : describe.skip)('VERIS export and import', () => {
  const dir = tempDir();
  let source: Casebook;
  let copy: Casebook;

  beforeAll(async () => {
    source = await openCasebook(join(dir, 'source.db'));
    const notices = readdirSync('test/fixtures/notices').filter((f) => f.endsWith('.txt')).map((f) => join('test/fixtures/notices', f));
    await ingestPaths(notices, source);
    copy = await openCasebook(join(dir, 'copy.db'));
  }, 60_000);
  afterAll(async () => {
    await source.close();
    await copy.close();
  });

  it('exports every incident valid against verisc-merged.json, and imports them back with nothing lost', async () => {
    const facts = await loadIncidentFacts(source.store);
    // A person's correction must travel too.
    await correctValue(source.store, { target: 'incident', id: facts[0]!.id, field: 'reported_to_police', value: 'true', by: 'sato', reason: '公表文の記載による' });
    const before = await loadIncidentFacts(source.store);
    const report = await exportVeris(before, join(dir, 'out'), { ...source, validator });
    expect(report.failed).toEqual([]);
    expect(report.written).toHaveLength(before.length);
    for (const w of report.written) expect(validator.validate(JSON.parse(readFileSync(w.file, 'utf8')))).toEqual([]);

    const imported = await importVeris([join(dir, 'out')], { ...copy, validator });
    expect(imported).toMatchObject({ files: before.length, imported: before.length, failed: 0 });
    const after = await loadIncidentFacts(copy.store);
    const key = (f: IncidentFacts) => `${f.number}|${f.organization}|${f.title}`;
    expect(after.map(portable).sort((a, b) => key(a as IncidentFacts).localeCompare(key(b as IncidentFacts))))
      .toEqual(before.map(portable).sort((a, b) => key(a as IncidentFacts).localeCompare(key(b as IncidentFacts))));

    // The same bytes again add nothing.
    const again = await importVeris([join(dir, 'out')], { ...copy, validator });
    expect(again).toMatchObject({ imported: 0, duplicates: before.length });

    // Extracting again leaves imported records alone: their text is only a summary of the record.
    const reread = await reextractNotices(copy.store, { force: true });
    expect(reread).toMatchObject({ notices: 0, imported: before.length });
    expect((await loadIncidentFacts(copy.store)).map(portable)).toEqual(after.map(portable));

    // And the second export is the first one, file for file, but for the casebook's local ids.
    const second = await exportVeris(after, join(dir, 'out2'), { ...copy, validator });
    const strip = (file: string) => {
      const v = JSON.parse(readFileSync(file, 'utf8'));
      delete v.plus.jikenbo.incident_id;
      delete v.plus.jikenbo.notice_ids;
      // Which incidents a merge absorbed belongs to a casebook too: the copy imported them already merged.
      delete v.plus.jikenbo.replaces;
      if (/^J/.test(v.plus.jikenbo.casebook_number)) delete v.plus.jikenbo.casebook_number;
      // Who reviewed what belongs to a casebook: a fresh import is unreviewed (and VERIS confidence follows it).
      delete v.plus.jikenbo.review_state;
      delete v.confidence;
      return v;
    };
    // An own incident's file is named by its stable id; an imported one keeps its incident_id, inside and as
    // its name, so the copy's export names each file as the source's did.
    const firstById = new Map(report.written.map((w) => [JSON.parse(readFileSync(w.file, 'utf8')).incident_id as string, w.file]));
    for (const w of report.written) {
      const v = JSON.parse(readFileSync(w.file, 'utf8'));
      expect(w.file.split('/').pop()).toBe(`${verisIncidentId(before.find((f) => f.noticeIds.includes(v.plus.jikenbo.notice_ids[0]))!.exportKey)}.json`);
    }
    expect(second.written).toHaveLength(firstById.size);
    for (const w of second.written) {
      const v = JSON.parse(readFileSync(w.file, 'utf8'));
      expect(w.file.split('/').pop()).toBe(firstById.get(v.incident_id)!.split('/').pop());
      expect(strip(w.file)).toEqual(strip(firstById.get(v.incident_id)!));
    }
  }, 60_000);

  it('keeps what a foreign VERIS incident says beyond jikenbo\'s fields, and reports an invalid file by field', async () => {
    const dir2 = join(dir, 'foreign');
    mkdirSync(dir2);
    const valid = JSON.parse(readFileSync(join(TESTS, 'valid_actor.partner.json'), 'utf8')).incident;
    writeFileSync(join(dir2, 'a-valid.json'), JSON.stringify(valid));
    writeFileSync(join(dir2, 'b-invalid.json'), JSON.stringify(JSON.parse(readFileSync(join(TESTS, 'action.error.variety_duplicate.json'), 'utf8')).incident));
    writeFileSync(join(dir2, 'c-broken.json'), '{"incident_id": ');
    const report = await importVeris([dir2], { ...copy, validator });
    expect(report).toMatchObject({ files: 3, imported: 1, failed: 2 });
    const invalid = report.outcomes.find((o) => o.path.endsWith('b-invalid.json'))!;
    expect(invalid.problems!.map((p) => p.pointer)).toContain('/action/error/variety/1');
    expect(report.outcomes.find((o) => o.path.endsWith('c-broken.json'))!.problems![0]!.reason).toMatch(/JSON/);

    const facts = await loadIncidentFacts(copy.store);
    const mine = facts.find((f) => f.noticeIds.includes(report.outcomes[0]!.noticeId!))!;
    const out = toVeris(mine, { original: valid });
    expect(out.actor).toEqual(valid.actor);
    expect(out.incident_id).toBe(valid.incident_id);
    expect(validator.validate(out)).toEqual([]);
  });

  it('runs from the command line, naming the schema it needs', async () => {
    const db = join(dir, 'cli.db');
    await jikenbo(['ingest', 'test/fixtures/notices/11-yuzuriha-clinic-fax.txt', '--db', db]);
    const ok = await jikenbo(['export', '--format', 'veris', '--out', join(dir, 'cli-out'), '--db', db]);
    expect(ok.stdout).toMatch(/^1 VERIS incidents written/);
    const missing = await jikenbo(['export', '--format', 'veris', '--out', join(dir, 'cli-out'), '--db', db, '--schema', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--schema PATH or set JIKENBO_VERIS_SCHEMA/);
    const bad = await jikenbo(['import', '--format', 'veris', join(TESTS, 'notes_empty.json'), '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/failed: .*notes_empty\.json/);
  }, 60_000);
});

function row(over: Partial<IncidentFacts>): IncidentFacts {
  return {
    id: 1, number: '2024-001', exportKey: 'casebook:2024-001', numberKept: false, numberClash: false, title: 'テスト', organization: '株式会社テスト', organizations: ['株式会社テスト'],
    sector: null, disclosureDate: '2024-05-01', occurredDate: null, discoveredDate: null, incidentTypes: [], dataTypes: [], affectedCount: null,
    reportedToPpc: false, reportedToPolice: false, contractorInvolved: false, attacker: null, discovery: null, noticeIds: [1],
    reviewState: 'unreviewed', ...over,
  };
}
