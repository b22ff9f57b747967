// The PDF printer's browser driver, playwright-core, is an optional dependency: when it is missing,
// `jikenbo report --pdf` refuses with a message naming what to install.
import { describe, expect, it } from 'vitest';
import { JikenboError } from '../../src/core/errors.ts';
import { loadPlaywright } from '../../src/report/print-pdf.ts';

function missingModule(): Error {
  return Object.assign(new Error("Cannot find package 'playwright-core' imported from dist/cli.js"), { code: 'ERR_MODULE_NOT_FOUND' });
}

describe('the optional PDF driver', () => {
  it('names the package to install, and Chromium, when playwright-core is not installed', async () => {
    const err = await loadPlaywright(() => Promise.reject(missingModule())).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JikenboError);
    expect((err as JikenboError).code).toBe('unsupported');
    expect((err as JikenboError).message).toBe(
      '--pdf needs the optional package playwright-core, which is not installed: npm install playwright-core ' +
        '(npm ci installs it unless --omit=optional), and Chromium (apt-get install chromium fonts-noto-cjk)',
    );
  });

  it('says why when it is installed but cannot be loaded', async () => {
    await expect(loadPlaywright(() => Promise.reject(new SyntaxError('Unexpected token')))).rejects.toThrow(
      /^--pdf needs the optional package playwright-core, which could not be loaded \(.*Unexpected token.*\): npm install playwright-core/,
    );
  });

  it('loads the installed package', async () => {
    const playwright = await loadPlaywright();
    expect(typeof playwright.chromium.launch).toBe('function');
  });
});
