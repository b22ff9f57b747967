// Which loop runs a test file: `npm run test:unit` (vitest.unit.config.ts sets JIKENBO_TEST_LOOP=unit:
// no database, no process) or the whole suite. A file of the unit loop with a part that opens a
// casebook declares that part with describeWithCasebook: it runs in the whole suite and is skipped,
// visibly, in the unit loop.
import { describe } from 'vitest';

export const UNIT_LOOP = process.env.JIKENBO_TEST_LOOP === 'unit';

/** describe, skipped in the unit loop: the tests open a casebook or run the command. */
export const describeWithCasebook = UNIT_LOOP ? describe.skip : describe;
