// Prints an HTML document to PDF through Chromium (Debian's, driven by playwright-core), with every
// network request refused: the report is self-contained, and a print must not reach out.
import { existsSync } from 'node:fs';
import { JikenboError, reasonOf } from '../core/errors.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

type Playwright = typeof import('playwright-core');

/**
 * playwright-core, an optional dependency (package.json) loaded only for --pdf: the rest of the CLI
 * neither needs nor pays for it. When it cannot be loaded, a refusal naming what to install.
 */
export async function loadPlaywright(load: () => Promise<Playwright> = () => import('playwright-core')): Promise<Playwright> {
  try {
    return await load();
  } catch (err) {
    const missing = (err as { code?: unknown } | null)?.code === 'ERR_MODULE_NOT_FOUND';
    throw new JikenboError(
      'unsupported',
      `--pdf needs the optional package playwright-core, which ${missing ? 'is not installed' : `could not be loaded (${reasonOf(err)})`}: ` +
        'npm install playwright-core (npm ci installs it unless --omit=optional), and Chromium (apt-get install chromium fonts-noto-cjk)',
      { cause: err },
    );
  }
}

export async function printPdf(documentHtml: string): Promise<Uint8Array> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new JikenboError('unsupported', `--pdf needs Chromium at ${CHROMIUM_PATH} (apt-get install chromium fonts-noto-cjk, or set CHROMIUM_PATH)`);
  }
  const { chromium } = await loadPlaywright();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
      '--no-first-run', '--disable-component-update', '--disable-sync'],
    // playwright gives the browser a fresh temporary profile of its own and removes it on close.
  });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(documentHtml, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } });
  } finally {
    await browser.close();
  }
}
