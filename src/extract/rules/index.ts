// Every rule list, for the tests that run each rule's examples and for the calibration report.
import type { Rule } from './rule.ts';
import { POLICE_RULES, PPC_RULES } from './reporting.ts';
import { DISCOVERY_RULES } from './discovery.ts';
import { OWN_FACILITY_RULES, SECTOR_ACTIVITY_RULES, SECTOR_AUDIENCE_RULES, SECTOR_NAME_RULES, SECTOR_SELF_NAME_RULES } from './sector.ts';
import { CONTRACTOR_RULES } from './contractor.ts';
import { ORG_BODY_RULES, ORG_HEADLINE_RULES, ORG_NAME_RULES, ORG_TITLE_RULES } from './organization.ts';
import { INCIDENT_TYPE_RULES } from './incident-types.ts';
import { KIND_CLAIM_LIST_RULES, KIND_EVENT_RULES, KIND_HAPPENED_RULES, KIND_TITLE_RULES } from './kind.ts';
import { ATTACKER_RULES } from './attacker.ts';
import { DISCOVERED_RULES } from './discovered-date.ts';
import { OCCURRED_RULES } from './occurred-date.ts';
import { DISCLOSURE_RULES } from './disclosure-date.ts';
import { DATA_CUE_RULES, DATA_TYPE_RULES, UNSPECIFIED_DATA_RULES } from './data-types.ts';
import { AFFECTED_COUNT_RULES, NO_LEAK_RULES } from './affected-count.ts';

export const ALL_RULES: ReadonlyArray<Rule<unknown>> = [
  ...PPC_RULES,
  ...POLICE_RULES,
  ...DISCOVERY_RULES,
  ...ORG_TITLE_RULES,
  ...ORG_BODY_RULES,
  ...ORG_NAME_RULES,
  ...ORG_HEADLINE_RULES,
  ...SECTOR_NAME_RULES,
  ...OWN_FACILITY_RULES,
  ...SECTOR_ACTIVITY_RULES,
  ...SECTOR_SELF_NAME_RULES,
  ...SECTOR_AUDIENCE_RULES,
  ...CONTRACTOR_RULES,
  ...INCIDENT_TYPE_RULES,
  ...KIND_CLAIM_LIST_RULES,
  ...KIND_EVENT_RULES,
  ...KIND_TITLE_RULES,
  ...KIND_HAPPENED_RULES,
  ...ATTACKER_RULES,
  ...DISCOVERED_RULES,
  ...OCCURRED_RULES,
  ...DISCLOSURE_RULES,
  ...DATA_TYPE_RULES,
  ...DATA_CUE_RULES,
  ...UNSPECIFIED_DATA_RULES,
  ...AFFECTED_COUNT_RULES,
  ...NO_LEAK_RULES,
];
