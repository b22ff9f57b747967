// Extracting stored notices again with the current extractor: new machine records are kept beside the
// old ones, people's corrections stay in force, and every place the machine now disagrees is reported.
import { applyCorrections, disagreements, type Disagreement } from '../core/corrections.ts';
import { extractPost, EXTRACTOR_VERSION } from '../extract/extract.ts';
import type { Post } from '../extract/post.ts';
import type { Store } from '../store/ports.ts';
import { drainGrouping } from './regroup.ts';

export interface ReextractReport {
  version: string;
  /** Notices read again. */
  notices: number;
  /** Notices skipped because their latest record is already from this version (unless forced). */
  current: number;
  /** Notices whose record was not read from their text (a VERIS import): the extractor has nothing to add. */
  imported: number;
  disagreements: { noticeId: number; items: Disagreement[] }[];
}

const BATCH = 500;

/** Machine records that came from another format carry its name as their version (e.g. 'veris-import/1'). */
const IMPORTED_PREFIX = 'veris-import/';

/** A stored notice's text is one post; its header is its first line, as the splitter cut it. */
function postOf(text: string): Post {
  return { header: (text.split('\n', 1)[0] ?? '').trimEnd(), text, start: 0, end: text.length };
}

export async function reextractNotices(
  store: Store,
  options: { force?: boolean; onProgress?: (done: number) => void } = {},
): Promise<ReextractReport> {
  const report: ReextractReport = { version: EXTRACTOR_VERSION, notices: 0, current: 0, imported: 0, disagreements: [] };
  let afterId = 0;
  for (;;) {
    const batch = await store.listNoticesForReextraction({ afterId, limit: BATCH });
    if (batch.length === 0) break;
    for (const candidate of batch) {
      afterId = candidate.id;
      // An imported record's text is only a summary written from the record; reading it again would lose data.
      if (candidate.extractorVersion.startsWith(IMPORTED_PREFIX)) {
        report.imported++;
        continue;
      }
      if (!options.force && candidate.extractorVersion === EXTRACTOR_VERSION) {
        report.current++;
        continue;
      }
      const record = extractPost(postOf(candidate.text));
      const live = await store.saveMachineRecord(candidate.id, record, EXTRACTOR_VERSION);
      const items = disagreements(record, applyCorrections(record, live).corrected);
      if (items.length) report.disagreements.push({ noticeId: candidate.id, items });
      report.notices++;
    }
    options.onProgress?.(report.notices + report.current + report.imported);
  }
  if (report.notices > 0) await drainGrouping(store);
  return report;
}
