// Every rule list, for the tests that run each rule's examples and for the calibration report.
import type { Rule } from './rule.ts';
import { POLICE_RULES, PPC_RULES } from './reporting.ts';
import { DATA_TYPE_RULES } from './data-types.ts';

export const ALL_RULES: ReadonlyArray<Rule<unknown>> = [
  ...PPC_RULES,
  ...POLICE_RULES,
  ...DATA_TYPE_RULES,
];
