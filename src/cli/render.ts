// Plain-text rendering of records and hits for the terminal. What it returns is printed through the
// guard of terminal-output.ts; a hit with bold marks is escaped here, as it is written past the guard.
import { noticeLabel } from '../core/public-id.ts';
import type { Correction } from '../core/corrections.ts';
import { FIELD_LABELS, RECORD_KEYS, type IncidentRecord, type RecordKey } from '../core/record.ts';
import type { NoticeSummary, SearchHit } from '../store/store.ts';
import { escapeForTerminal } from './terminal-output.ts';

const MARK_OPEN = '\u0001';
const MARK_CLOSE = '\u0002';

/** Snippet markers become bold on a terminal and 【…】 elsewhere; the text between them is escaped first. */
export function renderSnippet(snippet: string, tty: boolean): string {
  const [open, close] = tty ? ['\x1b[1;33m', '\x1b[0m'] : ['【', '】'];
  return oneLine(snippet).split(MARK_OPEN).map((part) => part.split(MARK_CLOSE).map(escapeForTerminal).join(close)).join(open);
}

export function renderSummary(n: NoticeSummary): string {
  const date = n.disclosureDate ?? '----------';
  const count = n.affectedCount == null ? '' : ` ${n.affectedCount.toLocaleString('en-US')}人`;
  const types = n.incidentTypes.length ? ` [${n.incidentTypes.join(',')}]` : '';
  return `${noticeLabel(n.id)}\t${date}\t${n.organization ?? '(unknown)'}${types}${count}\n\t${oneLine(n.title ?? n.header)}`;
}

/** Escaped whole: with `tty`, the line holds bold marks and is written past the guard. */
export function renderHit(hit: SearchHit, tty: boolean): string {
  return `${escapeForTerminal(renderSummary(hit))}\n\t… ${renderSnippet(hit.snippet, tty)} …`;
}

/** Every field with its value, who corrected it, and the text each evidence span points at. */
export function renderRecord(record: IncidentRecord, text: string, corrected: Partial<Record<RecordKey, Correction>> = {}): string {
  const lines: string[] = [];
  for (const key of RECORD_KEYS) {
    const value = record[key];
    const shown = Array.isArray(value) ? (value.length ? value.join(', ') : '—') : value === null ? '—' : String(value);
    const fix = corrected[key];
    lines.push(`${FIELD_LABELS[key]}: ${shown}${fix ? `  ✎ corrected by ${fix.by} at ${fix.at} (correction #${fix.id}; was ${JSON.stringify(fix.oldValue)})` : ''}`);
    for (const [start, end] of record.evidence[key] ?? []) {
      lines.push(`    ↳ [${start}-${end}] 「${oneLine(text.slice(start, end))}」`);
    }
  }
  return lines.join('\n');
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
