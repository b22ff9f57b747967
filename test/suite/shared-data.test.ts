// Missing ../shared data fails the tests that need it in CI and skips them elsewhere, saying so
// (test/helpers/shared-data.ts).
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { haveShared, inCi, sharedPath } from '../helpers/shared-data.ts';

const MISSING = sharedPath('no-such-folder-jikenbo-test');

describe('shared data the tests need', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('is a failure in CI, naming what is missing and who needs it', () => {
    vi.stubEnv('CI', 'true');
    expect(() => haveShared('the seed tests', fileURLToPath(import.meta.url), MISSING)).toThrowError(
      `the seed tests: needs ../shared, and ${MISSING} is missing (CI is set: shared data must be present)`,
    );
  });

  it('skips elsewhere, saying what is skipped and why', () => {
    vi.stubEnv('CI', '');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(haveShared('the seed tests', MISSING)).toBe(false);
    expect(warn).toHaveBeenCalledWith(`skipped: the seed tests: needs ../shared, and ${MISSING} is missing (CI would fail here)`);
  });

  it('is true, silently, when everything is there', () => {
    vi.stubEnv('CI', 'true');
    const warn = vi.spyOn(console, 'warn');
    expect(haveShared('the test', fileURLToPath(import.meta.url))).toBe(true);
    expect(warn).not.toHaveBeenCalled();
  });

  it('reads CI as CI services set it', () => {
    expect([inCi({ CI: 'true' }), inCi({ CI: '1' }), inCi({ CI: 'false' }), inCi({ CI: '0' }), inCi({ CI: '' }), inCi({})])
      .toEqual([true, true, false, false, false, false]);
  });
});
