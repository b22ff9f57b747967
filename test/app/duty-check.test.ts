// The duty check over a real casebook on both engines: an incident imported from VERIS (a hospital
// abroad whose record meets 第1号 and 第4号) is doubtful, never a non-reporter; the same values read
// from a Japanese notice hold.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Casebook } from '../../src/app/casebook.ts';
import { checkDuty } from '../../src/app/duty-check.ts';
import { loadIncidentFacts } from '../../src/app/incident-facts.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { DEFAULT_VERIS_SCHEMA, importVeris } from '../../src/app/veris.ts';
import { createVerisValidator } from '../../src/formats/veris-validate.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const HOSPITAL_ABROAD = {
  schema_version: '1.4.0', incident_id: 'a1b2', security_incident: 'Confirmed', summary: 'Laptop with patient records stolen from a car',
  action: { physical: { variety: ['Theft'], vector: ['Personal vehicle'] } }, actor: { external: { variety: ['Unknown'], motive: ['Financial'] } },
  asset: { assets: [{ variety: 'U - Laptop' }], cloud: ['NA'] }, discovery_method: { external: { variety: ['Customer'] } },
  timeline: { incident: { year: 2024, month: 4, day: 2 } }, victim: { industry: '622110', country: ['US'], employee_count: 'Large', government: ['NA'], victim_id: 'Riverside Hospital' },
  attribute: { confidentiality: { data_disclosure: 'Potentially', data: [{ variety: 'Medical' }], data_total: 1200 } },
};

const JAPANESE = `ノートパソコン盗難に関するお詫び
2024年5月10日
医療法人かわべ会 かわべ病院
当院職員の車両からノートパソコンが盗まれ、患者様1,200名分の氏名と病名が外部に流出した可能性があります。
`;

describe.each(CASEBOOK_ENGINES)('the duty check of an imported incident on $name', (engine) => {
  const dir = tempDir();
  let casebook: Casebook;

  beforeAll(async () => {
    casebook = await engine.open(dir, 'duty-import');
    writeFileSync(join(dir, 'hospital.json'), JSON.stringify(HOSPITAL_ABROAD));
    const validator = createVerisValidator(JSON.parse(readFileSync(DEFAULT_VERIS_SCHEMA, 'utf8')) as Record<string, unknown>);
    expect(await importVeris([join(dir, 'hospital.json')], { ...casebook, validator })).toMatchObject({ imported: 1 });
    writeFileSync(join(dir, 'kawabe.txt'), JAPANESE);
    await ingestPaths([join(dir, 'kawabe.txt')], casebook);
  }, 60_000);
  afterAll(async () => casebook.close());

  it('keeps the imported incident apart as doubtful and holds the Japanese one', async () => {
    const duty = await checkDuty(casebook.store, await loadIncidentFacts(casebook.store));
    expect(duty.incidents).toBe(2);
    const imported = duty.assessments.find((a) => a.organization === 'Riverside Hospital')!;
    expect(imported.conditions.map((c) => c.condition)).toEqual(expect.arrayContaining(['sensitive_data', 'many_people']));
    expect(imported).toMatchObject({ status: 'doubtful', doubts: [{ kind: 'imported' }] });
    expect(duty.unmentioned.map((a) => a.organization)).toEqual(['医療法人かわべ会 かわべ病院']);
    expect(duty.doubtful.map((a) => a.organization)).toEqual(['Riverside Hospital']);
  });
});
