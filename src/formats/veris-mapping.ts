// jikenbo's record ⇄ VERIS 1.4 (the VERIS Community Database format): the documented mapping both ways.
// Values VERIS has no place for travel in `plus.jikenbo` (and a readable line in `notes`), never lost.
import type { DataType, Discovery, IncidentType, Sector } from '../core/record.ts';
import { JikenboError } from '../core/errors.ts';
import { DATA_TYPES, DISCOVERY_CHANNELS, INCIDENT_TYPES, SECTORS } from '../core/record.ts';
import type { IncidentRow, PlainRecord } from './incident-row.ts';
import { rowToRecord } from './incident-row.ts';
import { incidentKey, verisIncidentId } from './stable-id.ts';
import { assetsNamedIn, CODING_OF_TYPE, theftVectorIn, type ActionCategory, type ActionPart } from './veris-coding.ts';

export const VERIS_SCHEMA_VERSION = '1.4.1';

export type VerisIncident = { [key: string]: unknown };
/** Incident types → VERIS actions: the coding table's actions (veris-coding.ts, each row after a VCDB pattern). */
export const ACTION_OF_TYPE: Record<IncidentType, ActionPart[]> = Object.fromEntries(
  INCIDENT_TYPES.map((t) => [t, CODING_OF_TYPE[t].action]),
) as Record<IncidentType, ActionPart[]>;

/**
 * Data types → attribute.confidentiality.data varieties. Identity data is VERIS "Personal"; VERIS has
 * no finer kinds, so the exact list stays in plus.jikenbo.
 */
export const DATA_VARIETY_OF: Record<DataType, string> = {
  name: 'Personal', address: 'Personal', phone: 'Personal', email: 'Personal', birthdate: 'Personal',
  gender: 'Personal', photo: 'Personal', employee_id: 'Personal', student_id: 'Personal',
  credit_card: 'Payment', card_security_code: 'Payment', bank_account: 'Bank',
  password: 'Credentials', login_id: 'Credentials', medical: 'Medical', other: 'Other',
};

/** Sectors → victim.industry (NAICS 2017 codes, as VERIS asks). */
export const NAICS_OF: Record<Sector, string> = {
  healthcare: '62', government: '92', education: '61', ecommerce: '454110', retail: '44',
  manufacturing: '31', finance: '52', it: '5415', media: '51', real_estate: '53', services: '81',
  nonprofit: '813', other: '000',
};

/** NAICS prefixes back to sectors, longest prefix first; VCDB codes we never write land somewhere sensible. */
const SECTOR_OF_NAICS: [string, Sector][] = [
  ['4541', 'ecommerce'], ['5415', 'it'], ['5182', 'it'], ['5112', 'it'], ['813', 'nonprofit'],
  ['62', 'healthcare'], ['92', 'government'], ['61', 'education'], ['44', 'retail'], ['45', 'retail'],
  ['31', 'manufacturing'], ['32', 'manufacturing'], ['33', 'manufacturing'], ['52', 'finance'],
  ['51', 'media'], ['53', 'real_estate'], ['23', 'real_estate'], ['81', 'services'], ['54', 'services'],
  ['56', 'services'], ['72', 'services'], ['71', 'services'], ['48', 'services'], ['49', 'services'],
  ['42', 'services'], ['22', 'services'], ['55', 'services'], ['11', 'other'], ['21', 'other'],
];

/**
 * Discovery → discovery_method.
 * | internal_detection → internal Unknown | customer_report → external Customer |
 * | card_company → external Fraud detection | external_researcher → external Security researcher |
 * | police → external Law enforcement | vendor_report → partner Unknown |
 * | attacker_claim → external Actor disclosure | other → other | none → unknown |
 */
export function discoveryMethod(d: Discovery | null): Record<string, unknown> {
  switch (d) {
    case 'internal_detection': return { internal: { variety: ['Unknown'] } };
    case 'customer_report': return { external: { variety: ['Customer'] } };
    case 'card_company': return { external: { variety: ['Fraud detection'] } };
    case 'external_researcher': return { external: { variety: ['Security researcher'] } };
    case 'police': return { external: { variety: ['Law enforcement'] } };
    case 'vendor_report': return { partner: { variety: ['Unknown'] } };
    case 'attacker_claim': return { external: { variety: ['Actor disclosure'] } };
    case 'other': return { other: true };
    case null: return { unknown: true };
  }
}

/**
 * One VERIS incident from one incident row. `original` (an imported VERIS incident) keeps its detail;
 * `asImported` keeps all of it, only plus.jikenbo added (one of several VERIS files an incident holds,
 * whose values are the merge of them all and so no one file's).
 */
export function toVeris(row: IncidentRow, options: { original?: VerisIncident; asImported?: boolean } = {}): VerisIncident {
  // An imported incident has no casebook number (core/dataset.ts): its original's year stands in for one.
  const original = options.original;
  const timeline = original && isObject(original.timeline) && isObject(original.timeline.incident) ? original.timeline.incident : null;
  const fresh = freshVeris(row, typeof timeline?.year === 'number' ? timeline.year : null);
  if (!original) return fresh;
  if (options.asImported) {
    const out = structuredClone(original);
    out.plus = { ...(isObject(out.plus) ? out.plus : {}), jikenbo: (fresh.plus as Record<string, unknown>).jikenbo };
    return out;
  }
  return mergeIntoOriginal(original, fresh, recordFromVeris(original));
}

function freshVeris(row: IncidentRow, originalYear: number | null = null): VerisIncident {
  const record = rowToRecord(row);
  const incident: VerisIncident = {
    schema_version: VERIS_SCHEMA_VERSION,
    schema_name: 'verisc',
    incident_id: verisIncidentId(incidentKey(row)),
    source_id: 'jikenbo',
    reference: row.number ? `jikenbo #${row.number}` : `jikenbo incident ${row.id}`,
    security_incident: 'Confirmed',
    confidence: row.reviewState === 'reviewed' ? 'High' : 'Medium',
    summary: summaryOf(record),
    timeline: timelineOf(record, row.number ?? (originalYear !== null ? String(originalYear) : null)),
    victim: victimOf(record),
    actor: actorOf(record),
    action: actionOf(record.incident_types, record.title),
    asset: assetOf(record.incident_types, record.title),
    discovery_method: discoveryMethod(record.discovery),
    attribute: attributeOf(record),
  };
  const valueChain = valueChainOf(record.incident_types);
  if (valueChain) incident.value_chain = valueChain;
  const notes = notesOf(record);
  if (notes) incident.notes = notes;
  const disclosed = datePart(record.disclosure_date);
  incident.plus = {
    ...(disclosed ? { timeline: { notification: disclosed } } : {}),
    jikenbo: {
      casebook_number: row.number, incident_id: row.id, notice_ids: row.noticeIds, organizations: row.organizations, review_state: row.reviewState, record,
      // The VERIS incident_ids of incidents merged into this one: what they were exported under.
      ...(row.replaces?.length ? { replaces: row.replaces.map((r) => verisIncidentId(r.exportKey)) } : {}),
    },
  };
  return incident;
}

/** The VERIS subtrees each record field decides; an imported incident keeps a subtree unless its field changed. */
const SUBTREES: { path: string[]; fields: (keyof PlainRecord)[] }[] = [
  { path: ['summary'], fields: ['organization', 'title', 'affected_count'] },
  { path: ['victim', 'industry'], fields: ['sector'] },
  { path: ['victim', 'victim_id'], fields: ['organization'] },
  { path: ['action'], fields: ['incident_types'] },
  { path: ['actor'], fields: ['attacker', 'contractor_involved', 'incident_types'] },
  { path: ['attribute', 'confidentiality', 'data'], fields: ['data_types', 'affected_count'] },
  { path: ['attribute', 'confidentiality', 'data_total'], fields: ['affected_count'] },
  { path: ['timeline', 'incident'], fields: ['occurred_date', 'discovered_date', 'disclosure_date'] },
  { path: ['discovery_method'], fields: ['discovery'] },
];

/**
 * Subtrees that follow from the incident types by the coding table (veris-coding.ts), replaced with the
 * action when the types change, so that an edited import still passes checkValidity.py's cross-field rules
 * (a loss needs availability Loss). Only written, never read back: the action alone says the types.
 */
const CODED_SUBTREES: { path: string[]; fields: (keyof PlainRecord)[] }[] = [
  { path: ['attribute', 'integrity'], fields: ['incident_types'] },
  { path: ['attribute', 'availability'], fields: ['incident_types'] },
  { path: ['attribute', 'confidentiality', 'data_disclosure'], fields: ['incident_types'] },
  { path: ['asset'], fields: ['incident_types'] },
  { path: ['value_chain'], fields: ['incident_types'] },
];

/** Keeps the original's detail; only where a person (or a later notice) changed a field is its subtree replaced. */
function mergeIntoOriginal(original: VerisIncident, fresh: VerisIncident, imported: PlainRecord): VerisIncident {
  const out = structuredClone(original);
  const current = (fresh.plus as { jikenbo: { record: PlainRecord } }).jikenbo.record;
  for (const { path, fields } of [...SUBTREES, ...CODED_SUBTREES]) {
    const changed = fields.some((f) => JSON.stringify(current[f]) !== JSON.stringify(imported[f]));
    if (!changed) continue;
    const value = getPath(fresh, path);
    if (value === undefined) deletePath(out, path);
    else setPath(out, path, structuredClone(value));
  }
  const plus = isObject(out.plus) ? out.plus : {};
  out.plus = { ...plus, jikenbo: (fresh.plus as Record<string, unknown>).jikenbo };
  return out;
}

export function summaryOf(r: PlainRecord): string {
  const parts = [r.organization ?? '組織不明 (organisation unknown)', r.title ?? r.header];
  const types = r.incident_types.length ? ` [${r.incident_types.join(', ')}]` : '';
  const count = r.affected_count !== null ? ` ${r.affected_count.toLocaleString('en-US')} 件/名 (records or people)` : '';
  return `${parts.join(': ')}${types}${count}`.trim();
}

/** `number`: the incident's, a header's YYYY-NNN or jikenbo's own JYYYY-NNNN; its year is the last resort. */
function timelineOf(r: PlainRecord, number: string | null = r.casebook_id): Record<string, unknown> {
  const start = datePart(r.occurred_date ?? r.discovered_date ?? r.disclosure_date);
  const fallbackYear = number ? Number(number.replace(/^J/, '').slice(0, 4)) : NaN;
  // VERIS needs a year; with no date at all, the casebook number's year (the year it was first
  // disclosed or recorded) is the best that is known.
  const incident = start ?? (Number.isInteger(fallbackYear) ? { year: fallbackYear } : null);
  if (!incident) throw new JikenboError('bad_input', 'no date and no casebook number: VERIS needs at least a year', { subject: 'timeline.incident.year' });
  const timeline: Record<string, unknown> = { incident };
  const days = daysBetween(r.occurred_date, r.discovered_date);
  if (days !== null && days >= 0) timeline.discovery = { unit: 'Days', value: days };
  return timeline;
}

function victimOf(r: PlainRecord): Record<string, unknown> {
  const victim: Record<string, unknown> = {
    industry: r.sector ? NAICS_OF[r.sector] : '000',
    country: ['JP'],
    region: ['142030'],
    employee_count: 'Unknown',
    government: [r.sector === 'government' ? governmentLevel(r.organization) : 'NA'],
  };
  if (r.organization) victim.victim_id = r.organization;
  return victim;
}

/** 都道府県 are Regional, 市区町村 Local, ministries and agencies Federal (national). */
function governmentLevel(org: string | null): string {
  if (!org) return 'Unknown';
  if (/(省|庁|内閣|国立)/.test(org) && !/(県|都|府|道)立/.test(org)) return 'Federal';
  if (/(市|区|町|村)(役所|役場)?$|(市|区|町|村)(教育委員会|議会)/.test(org)) return 'Local';
  if (/(都|道|府|県)(庁)?$|(都|道|府|県)(教育委員会|警察|議会)/.test(org)) return 'Regional';
  return 'Unknown';
}

/** The coding rows of an incident's types (veris-coding.ts). */
function codingsOf(types: readonly IncidentType[]) {
  return types.map((t) => CODING_OF_TYPE[t]);
}

/**
 * Attackers are external (named when the notice names them); insiders and errors internal, with the
 * variety and motive of the coding row (a misconfiguration's System admin); a contractor is a partner.
 */
function actorOf(r: PlainRecord): Record<string, unknown> {
  const actor: Record<string, unknown> = {};
  const codings = codingsOf(r.incident_types);
  const externals = codings.flatMap((c) => (c.external ? [c.external] : []));
  const internals = codings.flatMap((c) => (c.internal ? [c.internal] : []));
  if (r.attacker || externals.length) {
    actor.external = {
      variety: dropUnknown(new Set(externals.map((e) => e.variety))),
      motive: dropUnknown(new Set(externals.map((e) => e.motive))),
      country: ['Unknown'],
      ...(r.attacker ? { name: [r.attacker] } : {}),
    };
  }
  const insider = r.incident_types.includes('insider');
  // A contractor's error has no motive (NA); its misuse, or anything else, an unknown one.
  if (r.contractor_involved) actor.partner = { motive: [!insider && internals.some((i) => i.motive === 'NA') ? 'NA' : 'Unknown'], country: ['JP'] };
  else if (internals.length) {
    actor.internal = { variety: dropUnknown(new Set(internals.map((i) => i.variety))), motive: dropUnknown(new Set(internals.map((i) => i.motive))) };
  }
  if (Object.keys(actor).length === 0) actor.unknown = {};
  return actor;
}

/** `title`: where a theft took place, when it says (車上荒らし → Personal vehicle). */
export function actionOf(types: IncidentType[], title: string | null = null): Record<string, unknown> {
  const merged = new Map<ActionCategory, { variety: Set<string>; vector: Set<string>; target: Set<string> }>();
  for (const t of types) {
    for (const part of ACTION_OF_TYPE[t]) {
      const m = merged.get(part.category) ?? { variety: new Set(), vector: new Set(), target: new Set() };
      part.variety.forEach((v) => m.variety.add(v));
      part.vector.forEach((v) => m.vector.add(v));
      part.target?.forEach((v) => m.target.add(v));
      merged.set(part.category, m);
    }
  }
  if (merged.size === 0) return { unknown: {} };
  const place = theftVectorIn(title);
  if (place && merged.has('physical')) merged.get('physical')!.vector.add(place);
  const action: Record<string, unknown> = {};
  for (const [category, m] of merged) {
    const entry: Record<string, unknown> = { variety: dropUnknown(m.variety), vector: dropUnknown(m.vector) };
    if (category === 'social') entry.target = dropUnknown(m.target);
    action[category] = entry;
  }
  return action;
}

/** 'Unknown' beside a known value says nothing: keep the known ones. */
function dropUnknown(values: Set<string>): string[] {
  const list = [...values];
  const known = list.filter((v) => v !== 'Unknown');
  return known.length ? known : ['Unknown'];
}

/** The coding rows' assets, or the medium the title names (a lost USB stick is M - Flash drive, not Unknown). */
function assetOf(types: IncidentType[], title: string | null): Record<string, unknown> {
  const codings = codingsOf(types);
  const named = assetsNamedIn(title);
  const varieties = new Set<string>();
  for (const c of codings) {
    if (!(c.mediumIsAsset && named.length)) c.assets.forEach((a) => varieties.add(a));
  }
  named.forEach((a) => varieties.add(a));
  const known = [...varieties].filter((v) => v !== 'Unknown' && !v.endsWith(' - Unknown'));
  const list = known.length ? known : varieties.size ? [...varieties] : ['Unknown'];
  return { assets: list.map((variety) => ({ variety })), cloud: ['Unknown'] };
}

/** The strongest disclosure the coding rows say: a misdelivery's data reached someone (Yes). */
function disclosureOf(types: IncidentType[]): 'Yes' | 'Potentially' | 'Unknown' {
  const said = codingsOf(types).map((c) => c.disclosure);
  return said.includes('Yes') ? 'Yes' : said.includes('Potentially') ? 'Potentially' : 'Unknown';
}

function attributeOf(r: PlainRecord): Record<string, unknown> {
  const attribute: Record<string, unknown> = {};
  const codings = codingsOf(r.incident_types);
  const varieties = [...new Set(r.data_types.map((d) => DATA_VARIETY_OF[d]))];
  const confidentiality: Record<string, unknown> = { data_disclosure: disclosureOf(r.incident_types) };
  if (varieties.length) {
    confidentiality.data = varieties.map((variety) =>
      varieties.length === 1 && r.affected_count !== null ? { variety, amount: r.affected_count } : { variety });
  }
  if (r.affected_count !== null) confidentiality.data_total = r.affected_count;
  const availability = [...new Set(codings.flatMap((c) => c.availability ?? []))];
  const integrity = [...new Set(codings.flatMap((c) => c.integrity ?? []))];
  // Every notice jikenbo keeps is about personal data that may have left: confidentiality always, its
  // disclosure Unknown when nothing says more (a Confirmed incident needs an attribute: checkSecurityIncident).
  if (varieties.length || r.affected_count !== null || (!availability.length && !integrity.length) || confidentiality.data_disclosure !== 'Unknown') {
    attribute.confidentiality = confidentiality;
  }
  if (availability.length) attribute.availability = { variety: availability };
  if (integrity.length) attribute.integrity = { variety: integrity };
  return attribute;
}

/** value_chain from the coding rows (ransomware → cash-out Cryptocurrency, phishing → Email), if any. */
function valueChainOf(types: IncidentType[]): Record<string, unknown> | null {
  const stages = new Map<string, Set<string>>();
  for (const c of codingsOf(types)) {
    for (const [stage, list] of Object.entries(c.valueChain ?? {})) {
      const set = stages.get(stage) ?? new Set<string>();
      list.forEach((v) => set.add(v));
      stages.set(stage, set);
    }
  }
  if (stages.size === 0) return null;
  return Object.fromEntries([...stages].map(([stage, set]) => [stage, { variety: dropUnknown(set) }]));
}

/** The values VERIS has no field for, as one readable line (Japanese label, English gloss). */
function notesOf(r: PlainRecord): string | null {
  const lines: string[] = [];
  if (r.casebook_id) lines.push(`事件簿番号 casebook number: #${r.casebook_id}`);
  if (r.title) lines.push(`件名 title: ${r.title}`);
  if (r.disclosure_date) lines.push(`公表日 disclosed: ${r.disclosure_date}`);
  if (r.discovered_date) lines.push(`発覚日 discovered: ${r.discovered_date}`);
  if (r.reported_to_ppc) lines.push('個人情報保護委員会へ報告 reported to the PPC');
  if (r.reported_to_police) lines.push('警察へ届出 reported to the police');
  if (r.data_types.length) lines.push(`漏えい項目 data types: ${r.data_types.join(', ')}`);
  if (r.incident_types.includes('other')) lines.push('事案の種類 incident type: other');
  return lines.length ? lines.join('\n') : null;
}

// ---- VERIS → record ---------------------------------------------------------------------------

/**
 * Reads a record back from a VERIS incident: from its VERIS fields by the tables above read backwards,
 * then, field by field, the finer value jikenbo kept in plus.jikenbo.record where it still agrees with
 * what the VERIS fields say (so a VERIS edit made elsewhere wins over a stale plus).
 */
export function recordFromVeris(incident: VerisIncident): PlainRecord {
  const fromVeris = readVerisFields(incident);
  const kept = keptRecord(incident);
  if (!kept) return fromVeris;
  const out: PlainRecord = { ...fromVeris };
  const keptVeris = comparable(kept);
  const importedVeris = comparable(fromVeris);
  const own: (keyof PlainRecord)[] = ['header', 'casebook_id', 'kind', 'title', 'reported_to_ppc', 'reported_to_police'];
  for (const key of own) (out as Record<string, unknown>)[key] = kept[key];
  for (const { path, fields } of SUBTREES) {
    // Agreement is judged on what VERIS itself holds: the kept value maps to the same VERIS subtree.
    const agrees = JSON.stringify(getPath(keptVeris, path)) === JSON.stringify(getPath(incident, path)) ||
      JSON.stringify(getPath(keptVeris, path)) === JSON.stringify(getPath(importedVeris, path));
    if (agrees) for (const f of fields) (out as Record<string, unknown>)[f] = kept[f];
  }
  return out;
}

/** The VERIS a record maps to, for comparing subtrees; a record VERIS cannot date still compares the rest. */
function comparable(r: PlainRecord): VerisIncident {
  try {
    return freshVeris(recordRow(r));
  } catch {
    return freshVeris(recordRow({ ...r, casebook_id: '0000-000' }));
  }
}

function readVerisFields(incident: VerisIncident): PlainRecord {
  const summary = typeof incident.summary === 'string' ? incident.summary.trim() : '';
  const victim = isObject(incident.victim) ? incident.victim : {};
  const organization = typeof victim.victim_id === 'string' && victim.victim_id.trim() ? victim.victim_id.trim() : null;
  const title = summary ? summary.split('\n', 1)[0]!.slice(0, 200) : null;
  const timeline = isObject(incident.timeline) && isObject(incident.timeline.incident) ? incident.timeline.incident : {};
  const plus = isObject(incident.plus) ? incident.plus : {};
  const notification = isObject(plus.timeline) && isObject(plus.timeline.notification) ? plus.timeline.notification : null;
  const confidentiality = isObject(incident.attribute) && isObject(incident.attribute.confidentiality) ? incident.attribute.confidentiality : {};
  const externalActor = isObject(incident.actor) && isObject(incident.actor.external) ? incident.actor.external : {};
  const names = Array.isArray(externalActor.name) ? externalActor.name.filter((n): n is string => typeof n === 'string') : [];
  const industry = typeof victim.industry === 'string' ? victim.industry : null;
  return {
    header: title ?? (typeof incident.incident_id === 'string' ? `VERIS ${incident.incident_id}` : 'VERIS incident'),
    casebook_id: null,
    kind: 'incident',
    organization,
    title,
    disclosure_date: notification ? dateOf(notification) : null,
    incident_types: typesFromAction(incident.action),
    affected_count: typeof confidentiality.data_total === 'number' && Number.isInteger(confidentiality.data_total) ? confidentiality.data_total : null,
    data_types: dataTypesFrom(confidentiality.data),
    sector: industry ? sectorOfNaics(industry) : null,
    reported_to_ppc: false,
    reported_to_police: false,
    contractor_involved: isObject(incident.actor) && 'partner' in incident.actor,
    attacker: names[0] ?? null,
    discovery: discoveryFrom(incident.discovery_method),
    occurred_date: dateOf(timeline),
    discovered_date: null,
  };
}

export function sectorOfNaics(code: string): Sector | null {
  if (/^0+$/.test(code)) return null;
  for (const [prefix, sector] of SECTOR_OF_NAICS) if (code.startsWith(prefix)) return sector;
  return 'other';
}

function typesFromAction(action: unknown): IncidentType[] {
  if (!isObject(action)) return [];
  const has = (category: string, variety: string, vector?: string): boolean => {
    const a = action[category];
    if (!isObject(a) || !Array.isArray(a.variety) || !a.variety.includes(variety)) return false;
    return vector === undefined || (Array.isArray(a.vector) && a.vector.includes(vector));
  };
  const types: IncidentType[] = [];
  const add = (t: IncidentType) => { if (!types.includes(t)) types.push(t); };
  if (has('malware', 'Ransomware')) add('ransomware');
  if (has('malware', 'Capture app data') && (has('hacking', 'Exploit vuln') || has('malware', 'Capture app data', 'Web application'))) add('web_skimming');
  if (has('hacking', 'SQLi')) add('sql_injection');
  // Credential stuffing is stolen passwords tried in bulk: Brute force beside Use of stolen creds (VCDB 18CFF554).
  if (has('hacking', 'Use of stolen creds') && has('hacking', 'Brute force')) add('credential_stuffing');
  else if (has('hacking', 'Use of stolen creds')) add('account_takeover');
  if (has('social', 'Phishing')) add('phishing');
  if (has('social', 'Scam')) add('support_scam');
  if (has('error', 'Misconfiguration')) add('misconfiguration');
  if (has('error', 'Misdelivery')) add('misdelivery');
  if (has('error', 'Loss')) add('loss');
  if (has('physical', 'Theft')) add('theft');
  if (isObject(action.misuse)) add('insider');
  if (has('hacking', 'DoS')) add('ddos');
  if (has('error', 'Malfunction')) add('outage');
  if (isObject(action.malware) && !types.some((t) => t === 'ransomware' || t === 'web_skimming')) add('malware');
  if (isObject(action.hacking) && types.length === 0) add('unauthorized_access');
  if (types.length === 0 && Object.keys(action).some((k) => k !== 'unknown' && k !== 'Unknown')) add('other');
  return INCIDENT_TYPES.filter((t) => types.includes(t));
}

function dataTypesFrom(data: unknown): DataType[] {
  if (!Array.isArray(data)) return [];
  const back: Record<string, DataType> = { Personal: 'name', Payment: 'credit_card', Bank: 'bank_account', Credentials: 'password', Medical: 'medical' };
  const out = new Set<DataType>();
  for (const d of data) {
    if (!isObject(d) || typeof d.variety !== 'string' || d.variety === 'Unknown') continue;
    out.add(back[d.variety] ?? 'other');
  }
  return DATA_TYPES.filter((t) => out.has(t));
}

function discoveryFrom(method: unknown): Discovery | null {
  if (typeof method === 'string') {
    // VERIS 1.3 wrote 'Int - …', 'Ext - …', 'Prt - …'.
    if (method.startsWith('Int')) return 'internal_detection';
    if (method.startsWith('Prt')) return 'vendor_report';
    if (method.startsWith('Ext')) return externalDiscovery(method.slice(6));
    return method === 'Other' ? 'other' : null;
  }
  if (!isObject(method)) return null;
  if (isObject(method.internal)) return 'internal_detection';
  if (isObject(method.partner)) return 'vendor_report';
  if (isObject(method.external)) {
    const varieties = Array.isArray(method.external.variety) ? method.external.variety : [];
    for (const v of varieties) {
      const d = externalDiscovery(String(v));
      if (d !== 'other') return d;
    }
    return 'other';
  }
  return method.other === true ? 'other' : null;
}

function externalDiscovery(variety: string): Discovery {
  const map: Record<string, Discovery> = {
    Customer: 'customer_report', 'Fraud detection': 'card_company', 'Security researcher': 'external_researcher',
    'Law enforcement': 'police', 'Actor disclosure': 'attacker_claim',
  };
  return map[variety] ?? 'other';
}

/** plus.jikenbo.record when it is a well-formed record (anything else in plus is someone else's). */
function keptRecord(incident: VerisIncident): PlainRecord | null {
  const plus = isObject(incident.plus) ? incident.plus : null;
  const j = plus && isObject(plus.jikenbo) ? plus.jikenbo : null;
  const r = j && isObject(j.record) ? j.record : null;
  if (!r) return null;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const date = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);
  const list = <T extends string>(v: unknown, allowed: readonly T[]): T[] =>
    Array.isArray(v) ? [...new Set(v.filter((x): x is T => (allowed as readonly unknown[]).includes(x)))] : [];
  const one = <T extends string>(v: unknown, allowed: readonly T[]): T | null =>
    (allowed as readonly unknown[]).includes(v) ? (v as T) : null;
  return {
    header: str(r.header) ?? '',
    casebook_id: str(r.casebook_id),
    kind: 'incident',
    organization: str(r.organization),
    title: str(r.title),
    disclosure_date: date(r.disclosure_date),
    incident_types: list(r.incident_types, INCIDENT_TYPES),
    affected_count: typeof r.affected_count === 'number' && Number.isInteger(r.affected_count) && r.affected_count >= 0 ? r.affected_count : null,
    data_types: list(r.data_types, DATA_TYPES),
    sector: one(r.sector, SECTORS),
    reported_to_ppc: r.reported_to_ppc === true,
    reported_to_police: r.reported_to_police === true,
    contractor_involved: r.contractor_involved === true,
    attacker: str(r.attacker),
    discovery: one(r.discovery, DISCOVERY_CHANNELS),
    occurred_date: date(r.occurred_date),
    discovered_date: date(r.discovered_date),
  };
}

function recordRow(r: PlainRecord): IncidentRow {
  return {
    // Compared subtree by subtree, never exported: its key only has to be a key.
    id: 0, number: r.casebook_id, exportKey: 'comparison', title: r.title, organization: r.organization, organizations: r.organization ? [r.organization] : [],
    sector: r.sector, disclosureDate: r.disclosure_date, occurredDate: r.occurred_date, discoveredDate: r.discovered_date,
    incidentTypes: r.incident_types, dataTypes: r.data_types, affectedCount: r.affected_count, reportedToPpc: r.reported_to_ppc,
    reportedToPolice: r.reported_to_police, contractorInvolved: r.contractor_involved, attacker: r.attacker, discovery: r.discovery,
    noticeIds: [], reviewState: 'unreviewed',
  };
}

// ---- small helpers ------------------------------------------------------------------------------

function datePart(date: string | null): { year: number; month: number; day: number } | null {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}

/**
 * A calendar date from VERIS's year, month and day, or null when they name none: VERIS's schema lets
 * `plus.timeline.notification` be `{year: 2, month: 7, day: 2018}` and `timeline.incident` be 31
 * February, and the casebook keeps only days that exist (its stores refuse anything else).
 */
export function dateOf(t: Record<string, unknown>): string | null {
  const { year, month, day } = t;
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  const [y, m, d] = [year as number, month as number, day as number];
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysBetween(a: string | null, b: string | null): number | null {
  if (!a || !b) return null;
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function getPath(o: unknown, path: string[]): unknown {
  let cur = o;
  for (const k of path) {
    if (!isObject(cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}

function setPath(o: Record<string, unknown>, path: string[], value: unknown): void {
  let cur = o;
  for (const k of path.slice(0, -1)) {
    if (!isObject(cur[k])) cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  cur[path[path.length - 1]!] = value;
}

function deletePath(o: Record<string, unknown>, path: string[]): void {
  const parent = getPath(o, path.slice(0, -1));
  if (isObject(parent)) delete parent[path[path.length - 1]!];
}
