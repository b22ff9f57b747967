// VERIS's own cross-field checks (checkValidity.py, veris-validity-rules.ts): each rule with the incidents
// it refuses and accepts, then every VERIS export of the seed casebook, the demo notices and every coding
// row refused by none of them, checked against VCDB's own files as VERIS's maintainers code them.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCasebook, type Casebook } from '../../src/app/casebook.ts';
import { loadIncidentFacts, type IncidentFacts } from '../../src/app/incident-facts.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { DEFAULT_VERIS_SCHEMA } from '../../src/app/veris.ts';
import { INCIDENT_TYPES, type IncidentType } from '../../src/core/record.ts';
import { CODING_OF_TYPE } from '../../src/formats/veris-coding.ts';
import { recordFromVeris, toVeris, type VerisIncident } from '../../src/formats/veris-mapping.ts';
import { createVerisValidator } from '../../src/formats/veris-validate.ts';
import { checkVerisValidity, VERIS_VALIDITY_RULES, verisValidityErrors } from '../../src/formats/veris-validity-rules.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { describeWithCasebook } from '../helpers/test-loop.ts';
import { haveShared, sharedPath } from '../helpers/shared-data.ts';

const VCDB = sharedPath('vendor-data/vcdb/validated');
const SEEDS = sharedPath('corpus/seeds');
// VERIS's schema, VCDB and the seeds are in ../shared: in CI a missing one fails here, elsewhere the file skips.
const SHARED = haveShared('the VERIS validity tests', DEFAULT_VERIS_SCHEMA, VCDB, SEEDS);
const schemaValidator = createVerisValidator((SHARED ? JSON.parse(readFileSync(DEFAULT_VERIS_SCHEMA, 'utf8')) : {}) as Record<string, unknown>);
const TODAY = new Date(Date.UTC(2026, 11, 1));

/** The smallest incident that breaks no rule: what each example changes. */
const BASE: VerisIncident = {
  security_incident: 'Confirmed', action: { hacking: { variety: ['Unknown'], vector: ['Unknown'] } },
  actor: { external: { variety: ['Unknown'] } }, attribute: { confidentiality: { data_disclosure: 'Unknown' } },
  victim: { region: ['142030'] }, timeline: { incident: { year: 2024 } },
};
const with_ = (over: VerisIncident): VerisIncident => ({ ...BASE, ...over });

/** Each rule's examples: incidents it refuses and incidents it accepts (checkValidity.py's own cases). */
const EXAMPLES: Record<string, { refuses: VerisIncident[]; accepts: VerisIncident[] }> = {
  checkMalwareIntegrity: {
    refuses: [with_({ action: { malware: { variety: ['Ransomware'] } }, attribute: { availability: { variety: ['Obscuration'] } } })],
    accepts: [with_({ action: { malware: { variety: ['Ransomware'] } }, attribute: { integrity: { variety: ['Software installation'] } } })],
  },
  checkSocialIntegrity: {
    refuses: [with_({ action: { social: { variety: ['Phishing'] } } })],
    accepts: [with_({ action: { social: { variety: ['Scam'] } }, attribute: { integrity: { variety: ['Alter behavior'] } } })],
  },
  checkSQLiRepurpose: {
    refuses: [with_({ action: { hacking: { variety: ['SQLi'] } } })],
    accepts: [with_({ action: { hacking: { variety: ['SQLi'] } }, attribute: { integrity: { variety: ['Repurpose'] } } })],
  },
  checkSecurityIncident: {
    refuses: [(() => { const { attribute: _, ...rest } = BASE; return rest; })(), (() => { const { security_incident: _, ...rest } = BASE; return rest; })()],
    accepts: [BASE, (() => { const { attribute: _, ...rest } = BASE; return { ...rest, security_incident: 'Suspected' }; })()],
  },
  checkLossTheftAvailability: {
    refuses: [with_({ action: { error: { variety: ['Loss'] } } }), with_({ action: { physical: { variety: ['Theft'] } } })],
    accepts: [with_({ action: { physical: { variety: ['Theft'] } }, attribute: { availability: { variety: ['Loss'] } } })],
  },
  checkPlusAttributeConsistency: {
    refuses: [with_({ attribute: { availability: { variety: ['Interruption'] } }, plus: { attribute: { confidentiality: { credit_monitoring: 'Yes' } } } })],
    accepts: [with_({ plus: { attribute: { confidentiality: { credit_monitoring: 'Yes' } } } })],
  },
  checkYear: {
    refuses: [
      with_({ plus: { dbir_year: 2024 }, timeline: { incident: { year: 2024, month: 2 } } }),
      with_({ plus: { dbir_year: 2024, timeline: { notification: { year: 2023, month: 2, day: 30 } } }, timeline: { incident: { year: 2023 } } }),
      with_({ plus: { dbir_year: 2024, timeline: { notification: { year: 2023, month: 1 } } }, timeline: { incident: { year: 2023, month: 3 } } }),
    ],
    accepts: [with_({ plus: { dbir_year: 2024, timeline: { notification: { year: 2023, month: 3 } } }, timeline: { incident: { year: 2023, month: 1 } } }),
      with_({ timeline: { incident: { year: 2031 } } })],
  },
  checkImpactTotal: {
    refuses: [with_({ impact: { loss: [{ amount: 10 }, { amount: 5 }], overall_amount: 12 } })],
    accepts: [with_({ impact: { loss: [{ amount: 10 }, { amount: 5 }], overall_amount: 15 } })],
  },
  checkMisuseActor: {
    refuses: [with_({ action: { misuse: { variety: ['Privilege abuse'] } } })],
    accepts: [with_({ action: { misuse: { variety: ['Privilege abuse'] } }, actor: { partner: {} } })],
  },
  checkDataTotal: {
    refuses: [with_({ attribute: { confidentiality: { data_disclosure: 'Yes', data: [{ variety: 'Personal', amount: 50 }], data_total: 49 } } })],
    accepts: [with_({ attribute: { confidentiality: { data_disclosure: 'Yes', data: [{ variety: 'Personal', amount: 50 }, { variety: 'Bank' }], data_total: 50 } } })],
  },
  checkRegion: {
    refuses: [with_({ victim: { region: ['142'] } }), with_({ victim: { region: ['001000'] } }), with_({ victim: { region: ['142151'] } })],
    accepts: [with_({ victim: { region: ['142030', '019021', '000000'] } })],
  },
  checkSecondaryVictimAmount: {
    refuses: [with_({ victim: { region: ['142030'], secondary: { victim_id: ['a', 'b'], amount: 1 } } })],
    accepts: [with_({ victim: { region: ['142030'], secondary: { victim_id: ['a', 'b'], amount: 2 } } })],
  },
  checkValueChain: {
    refuses: [with_({ action: { malware: { variety: ['Ransomware'] } }, attribute: { integrity: { variety: ['Software installation'] } } })],
    accepts: [with_({
      action: { malware: { variety: ['Ransomware'] } }, attribute: { integrity: { variety: ['Software installation'] } },
      value_chain: { 'cash-out': { variety: ['Cryptocurrency'] } },
    })],
  },
};

describe.skipIf(!SHARED)('checkValidity.py rules', () => {
  it('every rule has examples, and refuses and accepts each as checkValidity.py does', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(VERIS_VALIDITY_RULES.map((r) => r.name).sort());
    for (const rule of VERIS_VALIDITY_RULES) {
      const { refuses, accepts } = EXAMPLES[rule.name]!;
      for (const incident of refuses) {
        expect(rule.check(incident, { today: TODAY }).filter((b) => b.level === 'error'), `${rule.name} refuses ${JSON.stringify(incident)}`).not.toEqual([]);
      }
      for (const incident of accepts) {
        expect(rule.check(incident, { today: TODAY }).filter((b) => b.level === 'error'), `${rule.name} accepts ${JSON.stringify(incident)}`).toEqual([]);
      }
    }
    expect(verisValidityErrors(BASE, { today: TODAY })).toEqual([]);
  });

  it('names the rule, its field and its words in each break; "consider" rules are recommendations', () => {
    const breaks = checkVerisValidity(with_({ action: { error: { variety: ['Loss'] }, malware: { variety: ['Ransomware'] } } }), { today: TODAY });
    expect(breaks).toContainEqual({
      rule: 'checkLossTheftAvailability', level: 'error', pointer: '/attribute/availability/variety',
      message: 'action.physical.theft or action.error.loss present but attribute.availability.loss not present',
    });
    expect(breaks.find((b) => b.rule === 'checkMalwareIntegrity')?.pointer).toBe('/attribute/integrity/variety');
    expect(breaks.filter((b) => b.level === 'recommendation').map((b) => b.message)).toContain(
      'Because there is action.malware.variety.Ransomware, consider adding value_chain.development.variety.Ransomware.');
  });

  it('reads VCDB as its maintainers code it: no VCDB file breaks a rule tying actions to attributes', () => {
    const actionRules = new Set(['checkMalwareIntegrity', 'checkSocialIntegrity', 'checkSQLiRepurpose', 'checkSecurityIncident', 'checkLossTheftAvailability']);
    const files = readdirSync(VCDB).filter((f) => f.endsWith('.json'));
    const broken: string[] = [];
    let anyError = 0;
    for (const file of files) {
      const errors = verisValidityErrors(JSON.parse(readFileSync(join(VCDB, file), 'utf8')), { today: TODAY });
      if (errors.length) anyError++;
      for (const e of errors) if (actionRules.has(e.rule)) broken.push(`${file}: ${e.message}`);
    }
    // The rest are DBIR-year windows, sub-regions and totals, which VCDB's curators fix per DBIR.
    console.log(`VCDB: ${files.length} files, ${anyError} break some checkValidity.py rule, ${broken.length} an action–attribute rule`);
    expect(files.length).toBe(1000);
    expect(broken).toEqual([]);
  });
});

describe.skipIf(!SHARED)('VERIS coding table', () => {
  it('codes every incident type, alone and in pairs, with or without a contractor, so that no rule is broken', () => {
    const failures: string[] = [];
    const cases: IncidentType[][] = INCIDENT_TYPES.flatMap((a, i) => [[a], ...INCIDENT_TYPES.slice(i + 1).map((b) => [a, b])]);
    for (const incidentTypes of cases) {
      for (const contractorInvolved of [false, true]) {
        for (const over of [{}, { dataTypes: ['name', 'credit_card'] as IncidentFacts['dataTypes'], affectedCount: 120 }]) {
          const v = toVeris(row({ incidentTypes, contractorInvolved, ...over }));
          for (const e of verisValidityErrors(v, { today: TODAY })) failures.push(`${incidentTypes.join('+')}${contractorInvolved ? ' (contractor)' : ''}: ${e.message}`);
          for (const p of schemaValidator.validate(v)) failures.push(`${incidentTypes.join('+')}: schema ${p.pointer} ${p.reason}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('codes the medium a title names as VCDB does: a lost USB stick is a flash drive, a stolen laptop a laptop', () => {
    const assets = (incidentTypes: IncidentType[], title: string) =>
      (toVeris(row({ incidentTypes, title })).asset as { assets: { variety: string }[] }).assets.map((a) => a.variety);
    expect(assets(['loss'], '個人情報が含まれたUSBメモリの紛失に関するお詫び')).toEqual(['M - Flash drive']);
    expect(assets(['loss'], '患者さんの個人情報を含むＵＳＢメモリの紛失について')).toEqual(['M - Flash drive']);
    expect(assets(['loss'], '答案用紙の紛失について')).toEqual(['M - Documents']);
    expect(assets(['loss'], '紛失について')).toEqual(['M - Documents']);
    expect(assets(['theft'], '個人情報が入ったノートパソコンの盗難について')).toEqual(['U - Laptop']);
    expect(assets(['theft'], '業務用スマートフォンの盗難')).toEqual(['U - Mobile phone']);
    expect(assets(['misdelivery'], '電子メールの誤送信によるメールアドレスの流出')).toEqual(['S - Mail']);
    expect(assets(['misdelivery'], 'FAXの誤送信について')).toEqual(['M - Fax']);
    expect(assets(['misconfiguration'], 'クラウドストレージの共有設定の不備')).toEqual(['S - File']);
    expect(assets(['phishing'], 'フィッシングメールによる不正ログイン')).toEqual(['P - End-user or employee', 'S - Mail']);
    expect(assets(['other'], 'お知らせ')).toEqual(['Unknown']);
    const theft = toVeris(row({ incidentTypes: ['theft'], title: '車上荒らしによるお客様の書類の盗難' }));
    expect(theft.action).toEqual({ physical: { variety: ['Theft'], vector: ['Personal vehicle'] } });
  });

  it('keeps an imported VCDB incident as it was, and re-codes it consistently when a person changes its types', () => {
    const files = readdirSync(VCDB).filter((f) => f.endsWith('.json')).sort();
    const drift: string[] = [];
    for (const file of files) {
      const original = JSON.parse(readFileSync(join(VCDB, file), 'utf8')) as VerisIncident;
      const record = recordFromVeris(original);
      // An incident VCDB dates by its year alone takes that year (the casebook's number for it carries it).
      const year = (original.timeline as { incident: { year: number } }).incident.year;
      const base = { ...rowOf(record), number: `J${year}-0001` };
      const same = toVeris(base, { original });
      const { plus: _a, ...sameCore } = same;
      const { plus: _b, ...originalCore } = original;
      if (JSON.stringify(sameCore) !== JSON.stringify(originalCore)) drift.push(`${file}: changed though nothing was edited`);
      // A person says it was a lost USB stick after all: the action, asset and attributes follow together.
      if (record.incident_types.includes('loss')) continue;
      const edited = toVeris({ ...base, incidentTypes: ['loss'], title: 'USBメモリの紛失' }, { original });
      const rules = verisValidityErrors(edited, { today: TODAY }).filter((e) => !['checkYear', 'checkRegion', 'checkDataTotal', 'checkImpactTotal', 'checkSecondaryVictimAmount'].includes(e.rule));
      if (rules.length) drift.push(`${file} edited to a loss: ${rules.map((e) => e.message).join('; ')}`);
      if (JSON.stringify(edited.asset).includes('Flash drive') === false) drift.push(`${file} edited to a loss: asset ${JSON.stringify(edited.asset)}`);
    }
    expect(drift).toEqual([]);
  });

  it('cites the VCDB pattern it follows in every row', () => {
    for (const t of INCIDENT_TYPES) expect(CODING_OF_TYPE[t].vcdb, t).toMatch(/\S/);
  });
});

(SHARED ? describeWithCasebook : describe.skip)('VERIS exports of the seed casebook and the demo notices', () => {
  const dir = tempDir();
  const casebooks: Record<string, Casebook> = {};

  beforeAll(async () => {
    for (const [name, path] of [['seeds', SEEDS], ['demo', 'demo/notices']] as const) {
      casebooks[name] = await openCasebook(join(dir, `${name}.db`));
      await ingestPaths([resolve(path)], casebooks[name]);
    }
  }, 120_000);
  afterAll(async () => {
    for (const c of Object.values(casebooks)) await c.close();
  });

  for (const name of ['seeds', 'demo']) {
    it(`breaks no checkValidity.py rule and stays valid against the schema: ${name}`, async () => {
      const facts = await loadIncidentFacts(casebooks[name]!.store);
      const failures: string[] = [];
      let recommendations = 0;
      for (const f of facts) {
        const v = toVeris(f);
        const breaks = checkVerisValidity(v);
        recommendations += breaks.filter((b) => b.level === 'recommendation').length;
        for (const b of breaks.filter((x) => x.level === 'error')) failures.push(`${f.title}: ${b.rule} ${b.message}`);
        for (const p of schemaValidator.validate(v)) failures.push(`${f.title}: schema ${p.pointer} ${p.reason}`);
      }
      console.log(`VERIS exports (${name}): ${facts.length} incidents, ${failures.length} checkValidity.py failures, ${recommendations} recommendations`);
      expect(facts.length).toBeGreaterThan(name === 'seeds' ? 30 : 10);
      expect(failures).toEqual([]);
    });
  }

  it('codes the seeds\' lost USB sticks and stolen laptop by their medium, not "Unknown"', async () => {
    const facts = await loadIncidentFacts(casebooks.seeds!.store);
    const assetsOf = (pattern: RegExp) => facts.filter((f) => pattern.test(f.title ?? ''))
      .map((f) => (toVeris(f).asset as { assets: { variety: string }[] }).assets.map((a) => a.variety));
    const usb = assetsOf(/USB ?メモリ\)?の紛失/);
    expect(usb.length).toBeGreaterThanOrEqual(2);
    for (const a of usb) expect(a).toEqual(['M - Flash drive']);
    expect(assetsOf(/ノートパソコンの盗難/)).toEqual([['U - Laptop']]);
  });
});

function row(over: Partial<IncidentFacts>): IncidentFacts {
  return {
    id: 1, number: '2024-001', exportKey: 'casebook:2024-001', numberKept: false, numberClash: false, title: 'テスト', organization: '株式会社テスト', organizations: ['株式会社テスト'],
    sector: null, disclosureDate: '2024-05-01', occurredDate: null, discoveredDate: null, incidentTypes: [], dataTypes: [], affectedCount: null,
    reportedToPpc: false, reportedToPolice: false, contractorInvolved: false, attacker: null, discovery: null, noticeIds: [1],
    reviewState: 'unreviewed', ...over,
  };
}

/** The row an imported VERIS incident becomes (its record's values, no person's edit). */
function rowOf(r: ReturnType<typeof recordFromVeris>): IncidentFacts {
  return row({
    number: null, title: r.title, organization: r.organization, organizations: r.organization ? [r.organization] : [], sector: r.sector,
    disclosureDate: r.disclosure_date, occurredDate: r.occurred_date, discoveredDate: r.discovered_date, incidentTypes: r.incident_types,
    dataTypes: r.data_types, affectedCount: r.affected_count, reportedToPpc: r.reported_to_ppc, reportedToPolice: r.reported_to_police,
    contractorInvolved: r.contractor_involved, attacker: r.attacker, discovery: r.discovery,
  });
}
