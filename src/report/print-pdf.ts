// Prints an HTML document to PDF through Chromium (Debian's, driven by playwright-core), with every
// network request refused: the report is self-contained, and a print must not reach out.
import { existsSync } from 'node:fs';
import { JikenboError } from '../core/errors.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function printPdf(documentHtml: string): Promise<Uint8Array> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new JikenboError('unsupported', `--pdf needs Chromium at ${CHROMIUM_PATH} (apt-get install chromium fonts-noto-cjk, or set CHROMIUM_PATH)`);
  }
  // Loaded only for --pdf: the rest of the CLI does not pay for it.
  const { chromium } = await import('playwright-core').catch((err: unknown) => {
    throw new JikenboError('unsupported', '--pdf needs the playwright-core package (npm install playwright-core)', { cause: err });
  });
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
