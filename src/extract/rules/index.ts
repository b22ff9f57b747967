// Every rule list, for the tests that run each rule's examples and for the calibration report.
import type { Rule } from './rule.ts';
import { POLICE_RULES, PPC_RULES } from './reporting.ts';
import { DISCOVERED_RULES } from './discovered-date.ts';
import { OCCURRED_RULES } from './occurred-date.ts';
import { DISCLOSURE_RULES } from './disclosure-date.ts';

export const ALL_RULES: ReadonlyArray<Rule<unknown>> = [
  ...PPC_RULES,
  ...POLICE_RULES,
  ...DISCOVERED_RULES,
  ...OCCURRED_RULES,
  ...DISCLOSURE_RULES,
];
