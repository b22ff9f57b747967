// `jikenbo check`: the store's own checks (src/store/integrity.ts), then every archived original
// read back and hashed. Reports every problem it finds; changes nothing.

import { createHash } from 'node:crypto';
import type { IntegrityProblem, IntegrityReport } from '../store/integrity.ts';
import type { Archive, IntegrityStore } from '../store/ports.ts';
import { reasonOf } from '../core/errors.ts';

export interface CheckReport extends IntegrityReport {
  ok: boolean;
  /** Temp files a stopped writer left in the archive: safe to delete, reported so that disk is not lost unseen. */
  strays: string[];
}

export async function checkCasebook(
  deps: { store: IntegrityStore; archive: Archive },
  options: { originals?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<CheckReport> {
  const report = await deps.store.checkIntegrity();
  const problems: IntegrityProblem[] = [...report.problems];
  if (options.originals !== false) {
    let done = 0;
    for (const doc of report.documents) {
      try {
        const bytes = await deps.archive.get(doc.sha256);
        if (!bytes) problems.push({ check: 'original', subject: `document:${doc.id}`, detail: `its original ${doc.sha256} is not in the archive` });
        else {
          const actual = createHash('sha256').update(bytes).digest('hex');
          if (actual !== doc.sha256) problems.push({ check: 'original', subject: `document:${doc.id}`, detail: `its archived original hashes to ${actual}, not ${doc.sha256}` });
        }
      } catch (err) {
        problems.push({ check: 'original', subject: `document:${doc.id}`, detail: `its original cannot be read: ${reasonOf(err)}` });
      }
      options.onProgress?.(++done, report.documents.length);
    }
    report.counted.original = report.documents.length;
  }
  // Not a problem of the casebook (nothing refers to them), but disk a killed writer left taken.
  const strays = (await deps.archive.strays?.()) ?? [];
  return { ...report, problems, strays, ok: problems.length === 0 };
}
