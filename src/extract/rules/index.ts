// Every rule list, for the tests that run each rule's examples and for the calibration report.
import type { Rule } from './rule.ts';
import { POLICE_RULES, PPC_RULES } from './reporting.ts';
import { DATA_CUE_RULES, DATA_TYPE_RULES, UNSPECIFIED_DATA_RULES } from './data-types.ts';
import { AFFECTED_COUNT_RULES, NO_LEAK_RULES } from './affected-count.ts';

export const ALL_RULES: ReadonlyArray<Rule<unknown>> = [
  ...PPC_RULES,
  ...POLICE_RULES,
  ...DATA_TYPE_RULES,
  ...DATA_CUE_RULES,
  ...UNSPECIFIED_DATA_RULES,
  ...AFFECTED_COUNT_RULES,
  ...NO_LEAK_RULES,
];
