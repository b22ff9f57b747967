// The cross-field rules of VERIS's own checker (vz-risk/veris `bin/checkValidity.py`, the 1.3.6+ version
// with value_chain), one function a rule, each with the rule's own text: what the schema cannot say.
// Pure: an incident in, the broken rules out. `today` is passed in so the date rules stay testable.

export type VerisIncidentLike = { [key: string]: unknown };

/** `error`: checkValidity.py says "should"/"must" (a VCDB maintainer sends it back); `recommendation`: it says "consider". */
export type VerisRuleLevel = 'error' | 'recommendation';

export interface VerisRuleBreak {
  rule: string;
  level: VerisRuleLevel;
  /** The field the rule is about, as a JSON pointer. */
  pointer: string;
  message: string;
}

export interface VerisValidityRule {
  /** checkValidity.py's function name. */
  name: string;
  /** The rule in words, as checkValidity.py states it. */
  text: string;
  check(incident: VerisIncidentLike, context: { today: Date }): Omit<VerisRuleBreak, 'rule'>[];
}

type Obj = Record<string, unknown>;

function obj(v: unknown): Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {};
}

function at(o: unknown, ...path: string[]): unknown {
  let cur: unknown = o;
  for (const k of path) cur = obj(cur)[k];
  return cur;
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function includes(o: unknown, value: string, ...path: string[]): boolean {
  return list(at(o, ...path)).includes(value);
}

function has(o: unknown, key: string, ...path: string[]): boolean {
  return Object.prototype.hasOwnProperty.call(obj(at(o, ...path)), key);
}

const error = (pointer: string, message: string) => ({ level: 'error' as const, pointer, message });
const recommend = (pointer: string, message: string) => ({ level: 'recommendation' as const, pointer, message });

const checkMalwareIntegrity: VerisValidityRule = {
  name: 'checkMalwareIntegrity',
  text: 'Malware present, but no Software installation in attribute.integrity.variety',
  check: (i) => has(i, 'malware', 'action') && !includes(i, 'Software installation', 'attribute', 'integrity', 'variety')
    ? [error('/attribute/integrity/variety', checkMalwareIntegrity.text)] : [],
};

const checkSocialIntegrity: VerisValidityRule = {
  name: 'checkSocialIntegrity',
  text: 'action.social present, but Alter behavior not in attribute.integrity.variety',
  check: (i) => has(i, 'social', 'action') && !includes(i, 'Alter behavior', 'attribute', 'integrity', 'variety')
    ? [error('/attribute/integrity/variety', checkSocialIntegrity.text)] : [],
};

const checkSQLiRepurpose: VerisValidityRule = {
  name: 'checkSQLiRepurpose',
  text: 'action.hacking.SQLi present but Repurpose not in attribute.integrity.variety',
  check: (i) => includes(i, 'SQLi', 'action', 'hacking', 'variety') && !includes(i, 'Repurpose', 'attribute', 'integrity', 'variety')
    ? [error('/attribute/integrity/variety', checkSQLiRepurpose.text)] : [],
};

const checkSecurityIncident: VerisValidityRule = {
  name: 'checkSecurityIncident',
  text: 'security_incident must be present; security_incident Confirmed needs an attribute section',
  check: (i) => {
    if (!('security_incident' in i)) return [error('/security_incident', 'security_incident not in incident.')];
    if (i.security_incident === 'Confirmed' && !('attribute' in i)) {
      return [error('/attribute', 'security_incident Confirmed but attribute section not present')];
    }
    return [];
  },
};

const checkLossTheftAvailability: VerisValidityRule = {
  name: 'checkLossTheftAvailability',
  text: 'action.physical.theft or action.error.loss present but attribute.availability.loss not present',
  check: (i) => {
    const expectLoss = includes(i, 'Theft', 'action', 'physical', 'variety') || includes(i, 'Loss', 'action', 'error', 'variety');
    return expectLoss && !includes(i, 'Loss', 'attribute', 'availability', 'variety')
      ? [error('/attribute/availability/variety', checkLossTheftAvailability.text)] : [];
  },
};

const checkPlusAttributeConsistency: VerisValidityRule = {
  name: 'checkPlusAttributeConsistency',
  text: 'plus.attribute.confidentiality present but confidentiality is not an affected attribute.',
  check: (i) => has(i, 'confidentiality', 'plus', 'attribute') && !has(i, 'confidentiality', 'attribute')
    ? [error('/attribute/confidentiality', checkPlusAttributeConsistency.text)] : [],
};

/** A VERIS partial date as checkValidity.py reads it: a missing month or day counts as 1; null when it is no date. */
function partialDate(t: unknown): { date: Date | null; problem: string | null; year: number | null; month: number | null } {
  const year = typeof at(t, 'year') === 'number' ? (at(t, 'year') as number) : null;
  const month = typeof at(t, 'month') === 'number' ? (at(t, 'month') as number) : null;
  const day = typeof at(t, 'day') === 'number' ? (at(t, 'day') as number) : null;
  if (year === null) return { date: null, problem: null, year, month };
  const m = month || 1;
  const d = day || 1;
  const date = new Date(Date.UTC(year, m - 1, d));
  if (m < 1 || m > 12 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { date: null, problem: `${year}-${m}-${d} is not a date`, year, month };
  }
  return { date, problem: null, year, month };
}

const checkYear: VerisValidityRule = {
  name: 'checkYear',
  text: 'with plus.dbir_year: the incident (or notification) falls in the DBIR year (Nov 1 two years before to Oct 31 the year before), its dates exist, are not in the future, and the incident is not after its notification',
  check: (i, { today }) => {
    const dbirYear = at(i, 'plus', 'dbir_year');
    if (typeof dbirYear !== 'number' || !dbirYear) return [];
    const out: Omit<VerisRuleBreak, 'rule'>[] = [];
    const notification = partialDate(at(i, 'plus', 'timeline', 'notification'));
    const incident = partialDate(at(i, 'timeline', 'incident'));
    const discovered = typeof at(i, 'timeline', 'discovered', 'unit') === 'string' ? (at(i, 'timeline', 'discovered', 'unit') as string) : '(no discovery unit)';
    const source = notification.year !== null ? 'notification' : 'incident';
    const { year, month } = notification.year !== null ? notification : incident;
    const pointer = source === 'notification' ? '/plus/timeline/notification' : '/timeline/incident';
    const window = `DBIR year of ${dbirYear} runs from Nov 1, ${dbirYear - 2} to Oct 31, ${dbirYear - 1}`;
    if (year !== null) {
      if (year >= dbirYear || (year === dbirYear - 1 && month !== null && month > 10)) {
        out.push(error(pointer, `${window}. Incident year ${year} and month ${month} from ${source} is too late to be in this DBIR year.`));
      } else if (year === dbirYear - 2) {
        if (month !== null && month < 11 && (discovered === 'Months' || discovered === 'Years')) {
          out.push(error(pointer, `${window}. Incident year ${year}, month ${month} from ${source}, and discovery unit ${discovered} is before this range.`));
        }
      } else if (year < dbirYear - 2 && discovered !== 'Years') {
        out.push(error(pointer, `${window}. Incident year ${year} from ${source} and discovery unit ${discovered} is before this range.`));
      }
    }
    if (notification.problem) out.push(error('/plus/timeline/notification', `Problem with notification date: ${notification.problem}`));
    if (notification.date && notification.date > today) out.push(error('/plus/timeline/notification', 'Notification date is greater than today\'s date.'));
    if (incident.problem) out.push(error('/timeline/incident', `Problem with incident date: ${incident.problem}`));
    if (incident.date && incident.date > today) out.push(error('/timeline/incident', 'Incident date is greater than today\'s date.'));
    if (incident.date && notification.date && incident.date > notification.date) {
      out.push(error('/timeline/incident', 'Notification date appears to be earlier than incident date. This may be due to incomplete dates.'));
    }
    return out;
  },
};

const checkImpactTotal: VerisValidityRule = {
  name: 'checkImpactTotal',
  text: 'impact.overall_amount should at least be as much as the sum of individual losses (VERIS issue #142)',
  check: (i) => {
    if (!has(i, 'loss', 'impact')) return [];
    const sum = list(at(i, 'impact', 'loss')).reduce<number>((s, l) => s + (typeof at(l, 'amount') === 'number' ? (at(l, 'amount') as number) : 0), 0);
    const overall = typeof at(i, 'impact', 'overall_amount') === 'number' ? (at(i, 'impact', 'overall_amount') as number) : 0;
    return sum > overall ? [error('/impact/overall_amount', `The amounts in impact.loss sum to ${sum}, but impact.overall_amount is ${overall}.`)] : [];
  },
};

const checkDataTotal: VerisValidityRule = {
  name: 'checkDataTotal',
  text: 'attribute.confidentiality.data_total should at least be as much as the max of individual data amounts (VERIS issue #143)',
  check: (i) => {
    if (!has(i, 'data', 'attribute', 'confidentiality')) return [];
    const amounts = list(at(i, 'attribute', 'confidentiality', 'data')).map((d) => (typeof at(d, 'amount') === 'number' ? (at(d, 'amount') as number) : 0));
    const max = Math.max(0, ...amounts);
    const total = typeof at(i, 'attribute', 'confidentiality', 'data_total') === 'number' ? (at(i, 'attribute', 'confidentiality', 'data_total') as number) : 0;
    return max > total ? [error('/attribute/confidentiality/data_total', `The maximum of attribute.confidentiality.data.amount is ${max}, but data_total is ${total}.`)] : [];
  },
};

const checkMisuseActor: VerisValidityRule = {
  name: 'checkMisuseActor',
  text: 'Misuse in action needs an internal or partner actor (VERIS issue #229)',
  check: (i) => has(i, 'misuse', 'action') && !has(i, 'internal', 'actor') && !has(i, 'partner', 'actor')
    ? [error('/actor', 'Misuse in action, but no internal or partner actor defined.')] : [],
};

/** M49 super-regions and the sub-regions each may be paired with (checkValidity.py's table). */
const REGIONS: Record<string, string[]> = {
  '002': ['011', '014', '017', '018', '015', '000'], '010': ['000'], '019': ['021', '005', '013', '029', '419', '000'],
  '419': ['005', '013', '029'], '142': ['030', '034', '035', '143', '145', '000'], '150': ['039', '151', '154', '830', '155', '000'],
  '009': ['053', '054', '057', '061', '000'], '000': ['000'],
};
const UNUSED_REGIONS: Record<string, string> = { '001': '000', '020': '002', '003': '019' };

const checkRegion: VerisValidityRule = {
  name: 'checkRegion',
  text: 'victim.region is a six-character string whose second half is a sub-region of its first half (VERIS issue #180)',
  check: (i) => list(at(i, 'victim', 'region')).flatMap((region, n) => {
    const pointer = `/victim/region/${n}`;
    if (typeof region !== 'string' || region.length !== 6) return [error(pointer, `Victim.region ${String(region)} is not a six character string.`)];
    const sup = region.slice(0, 3);
    const sub = region.slice(3);
    if (UNUSED_REGIONS[sup]) return [error(pointer, `Region ${region} is incorrect. Replace first half ('${sup}') with '${UNUSED_REGIONS[sup]}'.`)];
    if (!(REGIONS[sup] ?? []).includes(sub)) return [error(pointer, `victim.region second half ('${sub}') does not match first half '${sup}'.`)];
    return [];
  }),
};

const checkSecondaryVictimAmount: VerisValidityRule = {
  name: 'checkSecondaryVictimAmount',
  text: 'victim.secondary.amount is at least the number of victim.secondary.victim_id (VERIS issue #407)',
  check: (i) => {
    const named = list(at(i, 'victim', 'secondary', 'victim_id')).length;
    const amount = typeof at(i, 'victim', 'secondary', 'amount') === 'number' ? (at(i, 'victim', 'secondary', 'amount') as number) : 0;
    return named > amount ? [error('/victim/secondary/amount', `victim.secondary.victim_id lists ${named} victims, however victim.secondary.amount is less or missing.`)] : [];
  },
};

/** [when the action has this, the value chain should have that]; checkValidity.py's enrichments from rules.py. */
const VALUE_CHAIN_RULES: { level: VerisRuleLevel; when: [string, 'variety' | 'vector', string] | [string, 'any']; then: [string, string] }[] = [
  // "should also. Please update."
  { level: 'error', when: ['social', 'variety', 'Phishing'], then: ['development', 'Email'] },
  { level: 'error', when: ['social', 'variety', 'Phishing'], then: ['targeting', 'Email addresses'] },
  { level: 'error', when: ['malware', 'vector', 'C2'], then: ['non-distribution services', 'C2'] },
  { level: 'error', when: ['malware', 'variety', 'Ransomware'], then: ['cash-out', 'Cryptocurrency'] },
  { level: 'error', when: ['social', 'vector', 'Email'], then: ['distribution', 'Email'] },
  // "consider adding": recommendations only.
  { level: 'recommendation', when: ['malware', 'variety', 'Ransomware'], then: ['development', 'Ransomware'] },
  { level: 'recommendation', when: ['social', 'vector', 'Email'], then: ['targeting', 'Email addresses'] },
  { level: 'recommendation', when: ['malware', 'any'], then: ['development', '*'] },
  { level: 'recommendation', when: ['malware', 'variety', 'Trojan'], then: ['development', 'Trojan'] },
  { level: 'recommendation', when: ['social', 'variety', 'Pretexting'], then: ['development', 'Persona'] },
  { level: 'recommendation', when: ['hacking', 'variety', 'Use of stolen creds'], then: ['targeting', 'Lost or stolen credentials'] },
  { level: 'recommendation', when: ['hacking', 'variety', 'Exploit vuln'], then: ['targeting', 'Vulnerabilities'] },
  { level: 'recommendation', when: ['hacking', 'variety', 'Exploit vuln'], then: ['development', 'Exploit'] },
  { level: 'recommendation', when: ['malware', 'variety', 'Downloader'], then: ['distribution', 'Loader'] },
  { level: 'recommendation', when: ['hacking', 'variety', 'Exploit misconfig'], then: ['targeting', 'Misconfigurations'] },
  { level: 'recommendation', when: ['malware', 'variety', 'Exploit misconfig'], then: ['targeting', 'Misconfigurations'] },
  { level: 'recommendation', when: ['malware', 'vector', 'Web application'], then: ['development', 'Website'] },
  { level: 'recommendation', when: ['social', 'vector', 'Web application'], then: ['development', 'Website'] },
];

const checkValueChain: VerisValidityRule = {
  name: 'checkValueChain',
  text: 'value_chain varieties that follow from the actions (VERIS issue #400): phishing → development Email and targeting Email addresses; malware vector C2 → non-distribution services C2; ransomware → cash-out Cryptocurrency; social vector Email → distribution Email; the rest are recommendations',
  check: (i) => VALUE_CHAIN_RULES.flatMap(({ level, when, then }) => {
    const applies = when[1] === 'any' ? has(i, when[0], 'action') : includes(i, when[2]!, 'action', when[0], when[1]);
    if (!applies) return [];
    const [stage, variety] = then;
    const present = variety === '*' ? list(at(i, 'value_chain', stage, 'variety')).length > 0 : includes(i, variety, 'value_chain', stage, 'variety');
    if (present) return [];
    const because = when[1] === 'any' ? `a ${when[0]} action` : `action.${when[0]}.${when[1]}.${when[2]}`;
    const wanted = variety === '*' ? `a value_chain.${stage} variety, even if it is 'Unknown'` : `value_chain.${stage}.variety.${variety}`;
    const message = `Because there is ${because}, ${level === 'error' ? 'there should also be' : 'consider adding'} ${wanted}.`;
    return [(level === 'error' ? error : recommend)(`/value_chain/${stage}/variety`, message)];
  }),
};

/** Every rule of checkValidity.py's `main`, in its order. */
export const VERIS_VALIDITY_RULES: readonly VerisValidityRule[] = [
  checkMalwareIntegrity, checkSocialIntegrity, checkSQLiRepurpose, checkSecurityIncident, checkLossTheftAvailability,
  checkPlusAttributeConsistency, checkYear, checkImpactTotal, checkMisuseActor, checkDataTotal, checkRegion,
  checkSecondaryVictimAmount, checkValueChain,
];

/** The rules an incident breaks; `recommendation`s are what checkValidity.py only suggests. */
export function checkVerisValidity(incident: VerisIncidentLike, options: { today?: Date } = {}): VerisRuleBreak[] {
  const today = options.today ?? new Date();
  return VERIS_VALIDITY_RULES.flatMap((rule) => rule.check(incident, { today }).map((b) => ({ rule: rule.name, ...b })));
}

/** Only the breaks a VCDB maintainer would send back. */
export function verisValidityErrors(incident: VerisIncidentLike, options: { today?: Date } = {}): VerisRuleBreak[] {
  return checkVerisValidity(incident, options).filter((b) => b.level === 'error');
}
