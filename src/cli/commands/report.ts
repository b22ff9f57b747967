// `jikenbo report --year 2024 [--out report.html] [--pdf] [--settings FILE]`: the year's summary as
// one self-contained HTML file (or PDF), computed over the incidents first disclosed that year: the
// Japanese notices' incidents, or with `--dataset imported|all` those imported from VERIS (core/dataset.ts).
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { DATASET_CHOICES } from '../../core/dataset.ts';
import { openCasebook, resolveDbPath } from '../../app/casebook.ts';
import { checkDuty } from '../../app/duty-check.ts';
import { scopedFacts, type FactsScope } from '../../app/scoped-facts.ts';
import { loadSettings } from '../../app/settings.ts';
import { renderAnnualReport } from '../../report/annual-report.ts';
import { parseCommand, validate } from '../options.ts';

const reportOptions = z.object({
  year: z.coerce.number({ error: 'expected a year' }).int().min(1990).max(2100),
  out: z.string().min(1).optional(),
  dataset: z.enum(DATASET_CHOICES, { error: 'expected jp, imported or all' }).optional(),
});

export async function reportCommand(args: string[]): Promise<number> {
  const { values } = parseCommand('report', args, {
    db: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' }, pdf: { type: 'boolean' }, settings: { type: 'string' }, dataset: { type: 'string' },
  });
  if (values.year === undefined) {
    process.stderr.write('usage: jikenbo report --year YYYY [--out report.html] [--pdf] [--settings FILE] [--dataset jp|imported|all]\n');
    return 2;
  }
  const { year, out, dataset } = validate('report', reportOptions, { year: values.year, out: values.out, dataset: values.dataset });
  const dbPath = resolveDbPath(values.db);
  const settings = loadSettings(dbPath, values.settings);
  const target = out ?? `report-${year}.${values.pdf ? 'pdf' : 'html'}`;
  const casebook = await openCasebook(dbPath, { create: false });
  try {
    const scope: FactsScope = { q: '', filter: { years: [String(year)], ...(dataset ? { dataset } : {}) } };
    const rows = await scopedFacts(casebook.store, scope);
    const doc = await renderAnnualReport({
      year, rows, scope, jnsa: settings.jnsa, duty: await checkDuty(casebook.store, rows), settingsFile: settings.file, generatedAt: new Date().toISOString().slice(0, 10),
    });
    if (values.pdf) {
      const { printPdf } = await import('../../report/print-pdf.ts');
      writeFileSync(target, await printPdf(doc));
    } else {
      writeFileSync(target, doc);
    }
    process.stdout.write(`${target}: ${rows.length} incidents disclosed in ${year}\n`);
    return 0;
  } finally {
    await casebook.close();
  }
}
