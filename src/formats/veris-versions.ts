// What changed between the VERIS versions a file may say it is (1.3 … 1.4.1), in one table: each row
// undoes its change in a copy of the 1.4.1 schema (to check a file of an older version by its own
// rules) and applies it to an incident (to convert an older file to the 1.4.1 form the casebook keeps).
//
// Sources: vz-risk/veris `bin/convert_1.3.6_to_1.3.7.py`, `bin/convert_1.3.7_to_1.4.0.py`,
// `bin/convert_1.4.0_to_1.4.1.py` (each change names its vz-risk/veris issue), the 1.3.6 merged schema
// (`bin/veris_webapp/assets/schema/verisc-merged1_3_6.json`: timeline year up to 2022), the 1.3.x
// converter tests (`bin/tests/test_1_3_7.py`: `plus.attribute.confidentiality.credit_monitoring`,
// `partner_data`), VERIS's own test suite (vendor-data/veris/tests, `schema_version` "1.3": the 1.3.0
// form), and the 1.4.1 schema in vendor-data/veris/verisc-merged.json.
//
// | since  | what changed (older form → 1.4.1 form)                                             | source                         |
// |--------|------------------------------------------------------------------------------------|--------------------------------|
// | 1.3.3  | `discovery_method` a string 'Int - …'/'Ext - …'/'Prt - …' → an object by party      | convert_1.3.2_to_1.3.3, #168   |
// | 1.3.3  | `asset.governance` → ownership/hosting/management ('3rd party owned' → ownership Partner, '3rd party hosted' → hosting External - unknown environment, 'Victim governed' → management Internal, '3rd party managed' → management External, the rest a line in `asset.notes`); hosting/ownership/management a string → an array | convert_1.3.2_to_1.3.3, #173 |
// | 1.3.5* | `action.Unknown` → `action.unknown`                                                | VERIS test suite (1.3)         |
// | 1.3.5* | `asset.cloud` a string → an array                                                  | VERIS test suite (1.3)         |
// | 1.3.5* | `victim.industry` any 2–6 digits or a range → a NAICS sector prefix                | VERIS test suite (1.3)         |
// | 1.3.5* | `timeline.*.time` also 24-hour 'HH:MM[:SS]' → only '05:45:00 PM'                   | VERIS test suite (1.3)         |
// | 1.3.1* | `summary`, `asset.assets`, `asset.cloud`, `victim.government` optional → required   | VERIS test suite (1.3)         |
// | 1.3.1* | `actor.external.country` required → optional                                       | VERIS test suite (1.3)         |
// | 1.3.1* | nothing empty, nothing repeated (the 1.3 suite's `*_empty`, `*_duplicate` tests)    | VERIS test suite (1.3)         |
// | 1.3.1  | `timeline.*.year` up to 2019 → up to 2022 (1.3.6's bound, taken for 1.3.1–1.3.6: each release raised it, so none of their files is refused for a year its version allowed) | VERIS test suite; 1.3.6 schema |
// | 1.3.7  | `timeline.*.year` up to 2022 → up to 2050 (1.4.1's bound; 1.3.7's own schema is not at hand) | 1.3.6 schema; verisc-merged |
// | 1.3.7  | `action.error.variety` 'Omission' → 'Other', with a line in `action.error.notes`   | convert_1.3.6_to_1.3.7, #451   |
// | 1.4.0  | `action.hacking/malware.variety` 'MitM' → 'AitM'                                   | convert_1.3.7_to_1.4.0, #480/1 |
// | 1.4.0  | `plus.attribute.confidentiality.credit_monitoring(_years)` → `plus.credit_monitoring(_years)` (1.4's plus.attribute has no such field) | test_1_3_7 (#260); verisc-merged |
// | 1.4.1  | asset 'N - HSM' → 'S - Secrets vault'                                               | convert_1.4.0_to_1.4.1, #486   |
// | 1.4.1  | asset 'S - Remote access' → 'N - Remote access'                                     | convert_1.4.0_to_1.4.1, #493   |
// | 1.4.1  | `plus.attribute.confidentiality.partner_data` 'Yes' → `data_victim` 'Partner', `partner_number` added to `data_total`; other values kept as `plus.partner_data` | convert_1.4.0_to_1.4.1, #496 |
// | 1.4.1  | `plus…data_abuse` 'Yes - Data ransomed' new; ransomware with data disclosed gets it | convert_1.4.0_to_1.4.1, #495   |
//
// * The release that made the change is not known: VERIS's suite shows the 1.3.0 form, VCDB's 1.3.5 files
// the new one. A release marked 1.3.5* takes either form in 1.3.0–1.3.4 (the old one is converted), so
// no file is refused for a form its own release may have allowed; one marked 1.3.1* holds 1.3.0 to the
// old rule only (each of those changes made 1.3.1+ accept more, never less).
//
// Not applied: convert_1.3.7_to_1.4.0 also drops social 'Extortion' beside hacking 'Exploit vuln'
// (#474), and convert_1.3.2_to_1.3.3 renames malware 'Click fraud' (#203) and adds 'Exploit vuln'
// beside exploit varieties (#192); 'Extortion' and 'Click fraud' are still 1.4.1 values, so these are
// recodings VCDB's editors make, not schema changes, and an import keeps what the file says. PCI's `plus.pci` layout (1.3.7, #420) is free-form
// plus on both sides.

export type JsonSchema = { [key: string]: unknown };
type Incident = Record<string, unknown>;

/** The versions a file may say it is, oldest first ('1.3' is VERIS 1.3.0, as its test suite writes it). */
export const VERIS_VERSIONS = ['1.3.0', '1.3.1', '1.3.2', '1.3.3', '1.3.4', '1.3.5', '1.3.6', '1.3.7', '1.4.0', '1.4.1'] as const;
export type VerisVersion = (typeof VERIS_VERSIONS)[number];
export const CURRENT_VERIS_VERSION: VerisVersion = '1.4.1';

/** A file's own version from its `schema_version` ('1.3' → 1.3.0, '1.4' → 1.4.0), or null when it is none of them. */
export function verisVersionOf(incident: unknown): VerisVersion | null {
  if (!isObject(incident) || typeof incident.schema_version !== 'string') return null;
  const v = incident.schema_version.trim();
  const full = /^\d+\.\d+$/.test(v) ? `${v}.0` : v;
  return (VERIS_VERSIONS as readonly string[]).includes(full) ? (full as VerisVersion) : null;
}

interface VersionChange {
  since: VerisVersion;
  what: string;
  /** Undoes the change in a copy of the newer schema. */
  older?(schema: JsonSchema): void;
  /** Makes the change in an incident of an older version (in place); `current` is the 1.4.1 schema. */
  upgrade?(incident: Incident, current: JsonSchema): void;
}

const TWELVE_HOUR = '^0[1-9]|1[0-2]:[0-5][0-9]:[0-5][0-9] [AP]M$';
const HOUR_24 = /^([01][0-9]|2[0-3]):([0-5][0-9])(?::([0-5][0-9]))?$/;
const INDUSTRY_141 = /(00|11|2[1-3]|3[1-3]|4[24589]|5[1-6]|6[1-2]|7[12]|81|92)-?\d{0,4}/;

export const VERSION_CHANGES: VersionChange[] = [
  {
    since: '1.3.3', what: 'discovery_method: a string by party → an object by party (#168)',
    older: (s) => { props(s).discovery_method = { type: 'string', pattern: '^((Int|Ext|Prt) - .+|Other|Unknown)$' }; },
    upgrade: (i, current) => { if (typeof i.discovery_method === 'string') i.discovery_method = discoveryObject(i.discovery_method, current); },
  },
  {
    since: '1.3.5', what: 'action.Unknown → action.unknown (either before)',
    older: (s) => { const a = props(at(s, 'action')); a.Unknown = a.unknown!; },
    upgrade: (i) => {
      const a = i.action;
      if (isObject(a) && 'Unknown' in a) { a.unknown = a.Unknown; delete a.Unknown; }
    },
  },
  {
    since: '1.3.5', what: 'asset.cloud: a string → an array (either before)',
    older: (s) => { const a = props(at(s, 'asset')); a.cloud = either({ type: 'string', minLength: 1 }, a.cloud!); },
    upgrade: (i) => {
      const a = i.asset;
      if (isObject(a) && typeof a.cloud === 'string') a.cloud = [a.cloud];
    },
  },
  {
    since: '1.3.3', what: 'asset.governance → ownership/hosting/management, each a string → an array (#173)',
    older: (s) => {
      const a = props(at(s, 'asset'));
      a.governance = { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', minLength: 1 } };
      for (const k of ['ownership', 'hosting', 'management']) {
        const items = (a[k]?.items ?? {}) as JsonSchema;
        const values = [...((items.enum as string[] | undefined) ?? []), ...(k === 'hosting' ? Object.keys(HOSTING_1_3_2) : [])];
        a[k] = either({ type: 'string', enum: values }, a[k]!);
      }
    },
    upgrade: (i) => {
      const a = i.asset;
      if (!isObject(a)) return;
      if (typeof a.hosting === 'string') a.hosting = [HOSTING_1_3_2[a.hosting] ?? a.hosting];
      if (typeof a.ownership === 'string') a.ownership = [a.ownership];
      if (typeof a.management === 'string') a.management = [a.management];
      if (!Array.isArray(a.governance)) return;
      const governance = a.governance as unknown[];
      const add = (k: string, v: string) => {
        const list = Array.isArray(a[k]) ? (a[k] as unknown[]) : [];
        if (!list.includes(v)) a[k] = [...list, v];
      };
      if (governance.includes('3rd party owned')) add('ownership', 'Partner');
      if (governance.includes('3rd party hosted')) add('hosting', 'External - unknown environment');
      if (governance.includes('Victim governed')) add('management', 'Internal');
      if (governance.includes('3rd party managed')) add('management', 'External');
      const left = ['Personally owned', 'Internally isolated', 'Other', 'Unknown'].filter((g) => governance.includes(g));
      if (left.length) {
        const line = `Following enumerations present before veris 1.3.3 removed: ${left.map((g) => `asset.governance.${g}`).join(', ')}.`;
        a.notes = `${typeof a.notes === 'string' ? a.notes : ''}  ${line}`.trim();
      }
      delete a.governance;
    },
  },
  {
    since: '1.3.1', what: 'summary, asset.assets, asset.cloud, victim.government: optional → required',
    older: (s) => {
      s.required = (s.required as string[]).filter((k) => k !== 'summary');
      delete at(s, 'asset').required;
      const victim = at(s, 'victim');
      victim.required = (victim.required as string[]).filter((k) => k !== 'government');
    },
    upgrade: (i) => {
      if (!('summary' in i)) i.summary = '';
      const asset = isObject(i.asset) ? i.asset : (i.asset = {});
      if (!('assets' in asset)) asset.assets = [{ variety: 'Unknown' }];
      if (!('cloud' in asset)) asset.cloud = ['Unknown'];
      const v = i.victim;
      if (isObject(v) && !('government' in v)) v.government = [typeof v.industry === 'string' && v.industry.startsWith('92') ? 'Unknown' : 'NA'];
    },
  },
  {
    since: '1.3.1', what: 'actor.external.country: required → optional',
    older: (s) => {
      const external = at(s, 'actor', 'external');
      external.required = [...new Set([...((external.required as string[] | undefined) ?? []), 'country'])];
    },
  },
  {
    since: '1.3.5', what: 'victim.industry: 2 to 6 digits or a range → a NAICS sector prefix (either before)',
    older: (s) => { props(at(s, 'victim')).industry = { type: 'string', minLength: 2, maxLength: 6, pattern: '\\d{2}-?\\d{0,4}' }; },
    upgrade: (i) => {
      const v = i.victim;
      if (isObject(v) && typeof v.industry === 'string' && !INDUSTRY_141.test(v.industry)) {
        plusOf(i).victim_industry = v.industry;
        v.industry = '000';
      }
    },
  },
  {
    since: '1.3.5', what: "timeline.*.time: also 24-hour → only '05:45:00 PM' (either before)",
    older: (s) => {
      for (const phase of timelinePhases(s)) {
        const time = props(phase).time;
        if (time) time.pattern = `(${TWELVE_HOUR})|^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$`;
      }
    },
    upgrade: (i) => {
      for (const phase of Object.values(isObject(i.timeline) ? i.timeline : {})) {
        if (!isObject(phase) || typeof phase.time !== 'string') continue;
        const m = HOUR_24.exec(phase.time);
        if (!m) continue;
        const h = Number(m[1]);
        phase.time = `${String(h % 12 === 0 ? 12 : h % 12).padStart(2, '0')}:${m[2]}:${m[3] ?? '00'} ${h < 12 ? 'AM' : 'PM'}`;
      }
    },
  },
  { since: '1.3.1', what: 'timeline year: up to 2019 → up to 2022', older: (s) => setYearMaximum(s, 2019) },
  { since: '1.3.7', what: 'timeline year: up to 2022 → up to 2050', older: (s) => setYearMaximum(s, 2022) },
  {
    since: '1.3.7', what: "action.error.variety 'Omission' → 'Other' (#451)",
    older: (s) => addEnum(varietyItems(s, 'error'), 'Omission'),
    upgrade: (i) => {
      const e = isObject(i.action) && isObject(i.action.error) ? i.action.error : null;
      const varieties = e && Array.isArray(e.variety) ? (e.variety as unknown[]) : null;
      if (!e || !varieties || !varieties.includes('Omission')) return;
      const kept = varieties.filter((v) => v !== 'Omission');
      e.variety = kept.includes('Other') ? kept : [...kept, 'Other'];
      e.notes = `${typeof e.notes === 'string' ? e.notes : ''}\nVERIS 1.3.7: Removed Omission as a legitimate option`.trim();
    },
  },
  {
    since: '1.4.0', what: "action.hacking/malware.variety 'MitM' → 'AitM' (#480, #481)",
    older: (s) => { for (const c of ['hacking', 'malware']) renameEnum(varietyItems(s, c), 'AitM', 'MitM'); },
    upgrade: (i) => {
      for (const c of ['hacking', 'malware']) {
        const a = isObject(i.action) && isObject(i.action[c]) ? i.action[c] : null;
        if (a && Array.isArray(a.variety)) a.variety = a.variety.map((v) => (v === 'MitM' ? 'AitM' : v));
      }
    },
  },
  {
    since: '1.4.0', what: 'plus.attribute.confidentiality.credit_monitoring(_years) → plus.credit_monitoring(_years)',
    older: (s) => {
      const c = props(plusConfidentiality(s));
      c.credit_monitoring = { type: 'string', enum: ['Yes', 'No', 'Unknown'] };
      c.credit_monitoring_years = { type: 'number' };
    },
    upgrade: (i) => moveFromPlusConfidentiality(i, ['credit_monitoring', 'credit_monitoring_years']),
  },
  {
    since: '1.4.1', what: "asset 'N - HSM' → 'S - Secrets vault' (#486)",
    older: (s) => renameEnum(assetVarieties(s), 'S - Secrets vault', 'N - HSM'),
    upgrade: (i) => renameAsset(i, 'N - HSM', 'S - Secrets vault'),
  },
  {
    since: '1.4.1', what: "asset 'S - Remote access' → 'N - Remote access' (#493)",
    older: (s) => renameEnum(assetVarieties(s), 'N - Remote access', 'S - Remote access'),
    upgrade: (i) => renameAsset(i, 'S - Remote access', 'N - Remote access'),
  },
  {
    since: '1.4.1', what: "plus.attribute.confidentiality.partner_data 'Yes' → data_victim 'Partner' (#496)",
    older: (s) => {
      const c = props(plusConfidentiality(s));
      c.partner_data = { type: 'string', enum: ['Yes', 'No', 'Other', 'Unknown'] };
      c.partner_number = { type: 'integer' };
    },
    upgrade: (i) => {
      const pc = plusConfidentialityOf(i);
      if (!pc) return;
      if (pc.partner_data === 'Yes') {
        const conf = isObject(i.attribute) && isObject(i.attribute.confidentiality) ? i.attribute.confidentiality : null;
        if (conf) {
          const victims = Array.isArray(conf.data_victim) ? conf.data_victim : [];
          if (!victims.includes('Partner')) conf.data_victim = [...victims, 'Partner'];
          if (typeof pc.partner_number === 'number') {
            const total = typeof conf.data_total === 'number' ? conf.data_total : 0;
            if (pc.partner_number !== total) conf.data_total = pc.partner_number + total;
            delete pc.partner_number;
          }
          delete pc.partner_data;
        }
      }
      moveFromPlusConfidentiality(i, ['partner_data', 'partner_number']);
    },
  },
  {
    since: '1.4.1', what: "plus…data_abuse 'Yes - Data ransomed' for ransomware with data disclosed (#495)",
    older: (s) => {
      const abuse = props(plusConfidentiality(s)).data_abuse;
      if (abuse && Array.isArray(abuse.enum)) abuse.enum = abuse.enum.filter((v) => v !== 'Yes - Data ransomed');
    },
    upgrade: (i) => {
      const malware = isObject(i.action) && isObject(i.action.malware) ? i.action.malware : null;
      const conf = isObject(i.attribute) && isObject(i.attribute.confidentiality) ? i.attribute.confidentiality : null;
      if (!malware || !Array.isArray(malware.variety) || !malware.variety.includes('Ransomware') || conf?.data_disclosure !== 'Yes') return;
      const plus = plusOf(i);
      const attribute = isObject(plus.attribute) ? plus.attribute : (plus.attribute = {});
      const c = isObject(attribute.confidentiality) ? attribute.confidentiality : (attribute.confidentiality = {});
      c.data_abuse = 'Yes - Data ransomed';
    },
  },
];

/** The versions whose files the house rules (nothing empty, nothing repeated) apply to: VERIS 1.3.0's test suite holds them. */
export function houseRulesApply(version: VerisVersion): boolean {
  return version === '1.3.0';
}

/** The schema of `version`: the 1.4.1 schema with every later change undone, newest first. */
export function schemaForVersion(current: JsonSchema, version: VerisVersion): JsonSchema {
  const s = structuredClone(current);
  for (const change of [...VERSION_CHANGES].reverse()) {
    if (isNewer(change.since, version)) change.older?.(s);
  }
  return s;
}

/** A copy of an incident of `version` in the 1.4.1 form, by the table's changes in order. */
export function upgradeVeris(incident: Incident, version: VerisVersion, current: JsonSchema): Incident {
  const out = structuredClone(incident);
  for (const change of VERSION_CHANGES) {
    if (isNewer(change.since, version)) change.upgrade?.(out, current);
  }
  out.schema_version = CURRENT_VERIS_VERSION;
  return out;
}

/** The hosting names convert_1.3.2_to_1.3.3 renamed. */
const HOSTING_1_3_2: Record<string, string> = {
  'External shared': 'External - shared environment',
  'External dedicated': 'External - dedicated environment',
  External: 'External - unknown environment',
};

/** A schema that takes either form (for a change whose release is not known, or a string that became an array). */
function either(old: JsonSchema, current: JsonSchema): JsonSchema {
  return { anyOf: [old, current] };
}

function isNewer(a: VerisVersion, b: VerisVersion): boolean {
  return VERIS_VERSIONS.indexOf(a) > VERIS_VERSIONS.indexOf(b);
}

// ---- 1.3.0 discovery strings ------------------------------------------------------------------

/** 'Ext - customer' → { external: { variety: ['Customer'] } }; a variety 1.4.1 does not name becomes 'Other'. */
function discoveryObject(method: string, current: JsonSchema): Record<string, unknown> {
  if (method === 'Unknown') return { unknown: true };
  if (method === 'Other') return { other: true };
  const m = /^(Int|Ext|Prt) - (.+)$/.exec(method);
  if (!m) return { unknown: true };
  const party = ({ Int: 'internal', Ext: 'external', Prt: 'partner' } as const)[m[1] as 'Int' | 'Ext' | 'Prt'];
  const wanted = m[2]!.trim().toLowerCase();
  const items = peek(current, 'discovery_method', party, 'variety')?.items as JsonSchema | undefined;
  const known = Array.isArray(items?.enum) ? (items.enum as string[]) : [];
  const variety = known.find((v) => v.toLowerCase() === wanted) ?? 'Other';
  return { [party]: { variety: [variety] } };
}

// ---- small helpers ------------------------------------------------------------------------------

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function props(s: JsonSchema): Record<string, JsonSchema> {
  return (s.properties ??= {}) as Record<string, JsonSchema>;
}

function at(s: JsonSchema, ...path: string[]): JsonSchema {
  let cur = s;
  for (const k of path) cur = props(cur)[k] ?? (props(cur)[k] = {});
  return cur;
}

/** Reads a property path without making anything on the way. */
function peek(s: JsonSchema, ...path: string[]): JsonSchema | undefined {
  let cur: JsonSchema | undefined = s;
  for (const k of path) cur = (cur?.properties as Record<string, JsonSchema> | undefined)?.[k];
  return cur;
}

function timelinePhases(s: JsonSchema): JsonSchema[] {
  return Object.values(props(at(s, 'timeline')));
}

function setYearMaximum(s: JsonSchema, max: number): void {
  for (const phase of timelinePhases(s)) {
    const year = props(phase).year;
    if (year) year.maximum = max;
  }
}

function varietyItems(s: JsonSchema, category: string): JsonSchema {
  return (at(s, 'action', category, 'variety').items ?? {}) as JsonSchema;
}

function assetVarieties(s: JsonSchema): JsonSchema {
  const items = (at(s, 'asset', 'assets').items ?? {}) as JsonSchema;
  return props(items).variety ?? {};
}

function plusConfidentiality(s: JsonSchema): JsonSchema {
  return at(s, 'plus', 'attribute', 'confidentiality');
}

function addEnum(s: JsonSchema, value: string): void {
  if (Array.isArray(s.enum) && !s.enum.includes(value)) s.enum = [...s.enum, value];
}

function renameEnum(s: JsonSchema, from: string, to: string): void {
  if (Array.isArray(s.enum)) s.enum = s.enum.map((v) => (v === from ? to : v));
}

function renameAsset(i: Incident, from: string, to: string): void {
  const a = isObject(i.asset) && Array.isArray(i.asset.assets) ? i.asset.assets : null;
  if (a) for (const e of a) if (isObject(e) && e.variety === from) e.variety = to;
}

function plusOf(i: Incident): Record<string, unknown> {
  return isObject(i.plus) ? i.plus : (i.plus = {});
}

function plusConfidentialityOf(i: Incident): Record<string, unknown> | null {
  const p = isObject(i.plus) && isObject(i.plus.attribute) && isObject(i.plus.attribute.confidentiality) ? i.plus.attribute.confidentiality : null;
  return p;
}

/** Moves fields out of plus.attribute.confidentiality to plus itself, and drops what is left empty. */
function moveFromPlusConfidentiality(i: Incident, keys: string[]): void {
  const pc = plusConfidentialityOf(i);
  if (!pc) return;
  const plus = plusOf(i);
  for (const k of keys) {
    if (!(k in pc)) continue;
    plus[k] = pc[k];
    delete pc[k];
  }
  const attribute = plus.attribute as Record<string, unknown>;
  if (Object.keys(pc).length === 0) delete attribute.confidentiality;
  if (Object.keys(attribute).length === 0) delete plus.attribute;
}
