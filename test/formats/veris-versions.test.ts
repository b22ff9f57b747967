// VERIS files checked by the rules of their own version and converted to 1.4.1: each row of the
// version table (src/formats/veris-versions.ts) with an example on both sides of its version.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VERIS_SCHEMA } from '../../src/app/veris.ts';
import { dateOf } from '../../src/formats/veris-mapping.ts';
import { createVerisValidator } from '../../src/formats/veris-validate.ts';
import { upgradeVeris, verisVersionOf, type VerisVersion } from '../../src/formats/veris-versions.ts';

const TESTS = '../shared/vendor-data/veris/tests';
const schema = JSON.parse(readFileSync(DEFAULT_VERIS_SCHEMA, 'utf8')) as Record<string, unknown>;
const validator = createVerisValidator(schema);

/** A VCDB-shaped incident of `version` (as VCDB's 1.3.7 files are written), with `edit` applied. */
function incident(version: string, edit: (i: Record<string, any>) => void = () => {}): Record<string, any> {
  const i: Record<string, any> = {
    schema_version: version, incident_id: '0001AA7F-C601-424A-B2B8-BE6C9F5164E7', security_incident: 'Confirmed', summary: '',
    action: { hacking: { variety: ['Brute force'], vector: ['Web application'] } },
    actor: { external: { variety: ['Unknown'], motive: ['Financial'] } },
    asset: { assets: [{ variety: 'S - Web application' }], cloud: ['Unknown'] },
    attribute: { confidentiality: { data_disclosure: 'Yes', data: [{ variety: 'Personal' }], data_total: 10 } },
    discovery_method: { unknown: true },
    plus: { master_id: 'x', created: '2021-01-01T00:00:00Z' },
    timeline: { incident: { year: 2021 } },
    victim: { country: ['US'], employee_count: 'Unknown', industry: '522110', government: ['NA'] },
  };
  edit(i);
  return i;
}

const problems = (i: unknown) => validator.validateAsItsVersion(i).problems;
const pointers = (i: unknown) => problems(i).map((p) => p.pointer);

describe('VERIS files by the rules of their own version', () => {
  it('reads the version a file says, and refuses one it does not know by /schema_version', () => {
    expect(verisVersionOf({ schema_version: '1.3' })).toBe('1.3.0');
    expect(verisVersionOf({ schema_version: '1.3.7' })).toBe('1.3.7');
    expect(verisVersionOf({ schema_version: '1.4' })).toBe('1.4.0');
    expect(verisVersionOf({ schema_version: '2.0' })).toBeNull();
    expect(problems(incident('2.0'))).toEqual([{ pointer: '/schema_version', reason: expect.stringMatching(/"2.0" is not a VERIS version this import reads/) }]);
    expect(problems(incident('1.3.7', (i) => delete i.schema_version))).toEqual([{ pointer: '/schema_version', reason: 'is missing' }]);
  });

  it('classifies every VERIS 1.3 test incident as its `should` says', () => {
    const wrong: string[] = [];
    for (const file of readdirSync(TESTS).filter((f) => f.endsWith('.json'))) {
      const t = JSON.parse(readFileSync(join(TESTS, file), 'utf8')) as { incident: unknown; should: 'pass' | 'fail' };
      if ((problems(t.incident).length ? 'fail' : 'pass') !== t.should) wrong.push(file);
    }
    expect(wrong).toEqual([]);
  });

  it('accepts what 1.3.7 accepts: empty strings, years after 2019, credit monitoring in plus.attribute', () => {
    const vcdb = incident('1.3.7', (i) => {
      i.timeline.incident.year = 2022;
      i.plus.attribute = { confidentiality: { credit_monitoring: 'Yes', credit_monitoring_years: 1, data_abuse: 'Unknown', partner_data: 'No' } };
      i.action.hacking.cve = '';
    });
    expect(problems(vcdb)).toEqual([]);
    // The same empty strings in a 1.3.0 file break its test suite's rules.
    expect(pointers({ ...vcdb, schema_version: '1.3', discovery_method: 'Int - unknown', asset: { assets: [{ variety: 'S - Web application' }], cloud: 'Unknown' }, timeline: { incident: { year: 2019 } }, plus: {} }))
      .toEqual(expect.arrayContaining(['/summary', '/action/hacking/cve']));
  });

  it('refuses what is invalid in its own version, naming the field and the version', () => {
    expect(problems(incident('1.3.7', (i) => { i.action.physical = { variety: ['Theft'], vector: ['Victim work area', 'Victim work area'] }; })))
      .toContainEqual({ pointer: '/action/physical/vector', reason: expect.stringMatching(/duplicate items.*\(VERIS 1\.3\.7\)$/) });
    expect(pointers(incident('1.3.5', (i) => { i.timeline.incident.year = 2023; }))).toEqual(['/timeline/incident/year']);
    expect(pointers(incident('1.3.7', (i) => { i.timeline.incident.year = 2023; }))).toEqual([]);
  });

  // Each renamed value: valid on its own side of the version, refused on the other ('Other' was a value before).
  const renames: [string, (i: Record<string, any>, v: string) => void, string, string, VerisVersion, string, boolean][] = [
    ['hacking MitM → AitM', (i, v) => { i.action.hacking.variety = [v]; }, 'MitM', 'AitM', '1.4.0', '/action/hacking/variety/0', true],
    ['error Omission → Other', (i, v) => { i.action.error = { variety: [v], vector: ['Carelessness'] }; }, 'Omission', 'Other', '1.3.7', '/action/error/variety/0', false],
    ['asset N - HSM → S - Secrets vault', (i, v) => { i.asset.assets = [{ variety: v }]; }, 'N - HSM', 'S - Secrets vault', '1.4.1', '/asset/assets/0/variety', true],
    ['asset S - Remote access → N - Remote access', (i, v) => { i.asset.assets = [{ variety: v }]; }, 'S - Remote access', 'N - Remote access', '1.4.1', '/asset/assets/0/variety', true],
  ];
  it.each(renames)('%s: the old value before its version, the new one from it on, and the old converted', (_name, set, old, renamed, since, pointer, isNew) => {
    const before = since === '1.3.7' ? '1.3.6' : since === '1.4.0' ? '1.3.7' : '1.4.0';
    expect(problems(incident(before, (i) => set(i, old)))).toEqual([]);
    if (isNew) expect(pointers(incident(before, (i) => set(i, renamed)))).toContain(pointer);
    expect(problems(incident(since, (i) => set(i, renamed)))).toEqual([]);
    expect(pointers(incident(since, (i) => set(i, old)))).toContain(pointer);
    const converted = upgradeVeris(incident(before, (i) => set(i, old)), before as VerisVersion, schema);
    expect(JSON.stringify(converted)).toContain(JSON.stringify(renamed));
    expect(JSON.stringify(converted)).not.toContain(JSON.stringify(old));
    expect(problems(converted)).toEqual([]);
  });
});

describe('converting to the 1.4.1 form', () => {
  it('moves 1.3.x plus fields 1.4.1 has no place for, as VERIS\'s converters do', () => {
    const old = incident('1.3.7', (i) => {
      i.action = { malware: { variety: ['Ransomware'], vector: ['Unknown'] } };
      i.attribute.confidentiality.data_victim = ['Customer'];
      i.plus.attribute = { confidentiality: { credit_monitoring: 'Yes', credit_monitoring_years: 2, partner_data: 'Yes', partner_number: 5 } };
    });
    expect(pointers({ ...old, schema_version: '1.4.1' })).toEqual(expect.arrayContaining([
      '/plus/attribute/confidentiality/credit_monitoring', '/plus/attribute/confidentiality/partner_data',
    ]));
    const converted = upgradeVeris(old, '1.3.7', schema);
    expect(converted.schema_version).toBe('1.4.1');
    expect(converted.plus).toMatchObject({ credit_monitoring: 'Yes', credit_monitoring_years: 2, attribute: { confidentiality: { data_abuse: 'Yes - Data ransomed' } } });
    expect(converted.attribute).toMatchObject({ confidentiality: { data_victim: ['Customer', 'Partner'], data_total: 15 } });
    expect(problems(converted)).toEqual([]);
    // The input is left as it was.
    expect(old.schema_version).toBe('1.3.7');
  });

  it('converts the 1.3.0 forms: discovery strings, action.Unknown, a cloud string, governance, 24-hour times, an industry range', () => {
    const old = {
      schema_version: '1.3', incident_id: 't', security_incident: 'Confirmed', discovery_method: 'Ext - customer',
      action: { Unknown: {} }, actor: { external: { variety: ['Unknown'], motive: ['Unknown'], country: ['US'] } },
      asset: { assets: [{ variety: 'S - Unknown' }], cloud: 'Other', governance: ['Personally owned'] },
      timeline: { incident: { year: 2014, time: '17:45' } }, victim: { country: ['US'], employee_count: 'Unknown', industry: '12' },
    };
    expect(problems(old)).toEqual([]);
    expect(pointers({ ...old, schema_version: '1.4.1' })).toEqual(expect.arrayContaining(['/discovery_method', '/action/Unknown', '/asset/cloud', '/asset/governance', '/summary']));
    const converted = upgradeVeris(old, '1.3.0', schema);
    expect(converted).toMatchObject({
      discovery_method: { external: { variety: ['Customer'] } }, action: { unknown: {} },
      asset: { assets: [{ variety: 'S - Unknown' }], cloud: ['Other'] }, timeline: { incident: { year: 2014, time: '05:45:00 PM' } },
      victim: { industry: '000', government: ['NA'] }, plus: { victim_industry: '12' }, summary: '',
    });
    expect(converted.asset).not.toHaveProperty('governance');
    expect((converted.asset as { notes: string }).notes).toBe('Following enumerations present before veris 1.3.3 removed: asset.governance.Personally owned.');
    expect(problems(converted)).toEqual([]);
    expect(upgradeVeris({ ...old, discovery_method: 'Int - reported by employee' }, '1.3.0', schema).discovery_method).toEqual({ internal: { variety: ['Reported by employee'] } });
    expect(upgradeVeris({ ...old, discovery_method: 'Prt - something VERIS 1.4 does not name' }, '1.3.0', schema).discovery_method).toEqual({ partner: { variety: ['Other'] } });
  });

  it('takes a string discovery_method and governance up to 1.3.2 and objects from 1.3.3 (convert_1.3.2_to_1.3.3)', () => {
    const v132 = incident('1.3.2', (i) => {
      i.discovery_method = 'Int - reported by employee';
      i.asset = { assets: [{ variety: 'S - Web application' }], cloud: 'Unknown', governance: ['3rd party hosted', 'Victim governed'], hosting: 'External shared' };
    });
    expect(problems(v132)).toEqual([]);
    expect(pointers({ ...v132, schema_version: '1.3.3' })).toEqual(expect.arrayContaining(['/discovery_method', '/asset/governance', '/asset/hosting']));
    const converted = upgradeVeris(v132, '1.3.2', schema);
    expect(converted).toMatchObject({
      discovery_method: { internal: { variety: ['Reported by employee'] } },
      asset: { cloud: ['Unknown'], hosting: ['External - shared environment', 'External - unknown environment'], management: ['Internal'] },
    });
    expect(problems(converted)).toEqual([]);
    // 1.3.5 (VCDB's files) has the object form only.
    expect(pointers(incident('1.3.5', (i) => { i.discovery_method = 'Int - reported by employee'; }))).toEqual(['/discovery_method']);
  });

  it('converts every valid VERIS 1.3.0 test incident to a valid 1.4.1 one', () => {
    const invalid: string[] = [];
    for (const file of readdirSync(TESTS).filter((f) => f.endsWith('.json'))) {
      const t = JSON.parse(readFileSync(join(TESTS, file), 'utf8')) as { incident: Record<string, unknown>; should: string };
      if (t.should !== 'pass') continue;
      const converted = upgradeVeris(t.incident, '1.3.0', schema);
      const p = validator.validate(converted).filter((x) => x.reason !== 'is present but empty');
      if (p.length) invalid.push(`${file}: ${JSON.stringify(p)}`);
    }
    expect(invalid).toEqual([]);
  });

  it('reads only dates that exist', () => {
    expect(dateOf({ year: 2018, month: 7, day: 2 })).toBe('2018-07-02');
    expect(dateOf({ year: 2, month: 7, day: 2018 })).toBeNull();
    expect(dateOf({ year: 2019, month: 2, day: 29 })).toBeNull();
    expect(dateOf({ year: 2020, month: 2, day: 29 })).toBe('2020-02-29');
    expect(dateOf({ year: 2020, month: 13, day: 1 })).toBeNull();
  });
});
