// A watchlist's organisations from a CSV file: one organisation a row, columns name, domain, alias
// (more domain and alias columns allowed, and several values in one cell separated by ';'). The
// header row names the columns; a file without one is read as name, domain, alias, alias…
// A bad row is a problem naming its line, and the other rows are read.
import { entryKeys, hasKeys } from '../analyze/watchlist-match.ts';
import { hostOf } from '../core/host-name.ts';
import type { WatchlistEntryInput } from '../store/watchlist-types.ts';

export interface WatchlistCsvProblem {
  /** The line the row starts on, from 1. */
  line: number;
  reason: string;
}

export interface WatchlistCsv {
  entries: Array<{ line: number; entry: WatchlistEntryInput }>;
  problems: WatchlistCsvProblem[];
}

export const MAX_NAME = 300;
const MAX_VALUES = 50;

type Column = 'name' | 'domain' | 'alias' | 'ignored';

const HEADER_WORDS: Record<string, Column> = {
  name: 'name', organisation: 'name', organization: 'name', 組織: 'name', 組織名: 'name', 名称: 'name',
  domain: 'domain', domains: 'domain', website: 'domain', url: 'domain', ドメイン: 'domain',
  alias: 'alias', aliases: 'alias', 別名: 'alias',
};

/** Rows of RFC 4180 CSV, each with the line it starts on; an unterminated quote is a problem of its row. */
function splitRows(text: string): { rows: Array<{ line: number; cells: string[] }>; problem: WatchlistCsvProblem | null } {
  const rows: Array<{ line: number; cells: string[] }> = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    let atCellStart = true;
    for (; i < text.length; i++) {
      const ch = text[i]!;
      if (quoted) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i++;
          } else quoted = false;
        } else {
          if (ch === '\n') line++;
          cell += ch;
        }
        continue;
      }
      if (ch === '"' && atCellStart) {
        quoted = true;
        atCellStart = false;
      } else if (ch === ',') {
        cells.push(cell);
        cell = '';
        atCellStart = true;
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && text[i + 1] === '\n') i++;
        i++;
        line++;
        break;
      } else {
        cell += ch;
        atCellStart = false;
      }
    }
    if (quoted) return { rows, problem: { line: start, reason: 'a quoted cell is never closed (a " is missing)' } };
    cells.push(cell);
    rows.push({ line: start, cells });
  }
  return { rows, problem: null };
}

const values = (cell: string) => cell.split(/[;；]/).map((v) => v.trim()).filter(Boolean);

/** Reads the file's rows into entries and problems. */
export function parseWatchlistCsv(text: string): WatchlistCsv {
  const { rows, problem } = splitRows(text.replace(/^\uFEFF/, ''));
  const out: WatchlistCsv = { entries: [], problems: [] };
  const filled = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const headerOf = (cell: string) => HEADER_WORDS[cell.trim().toLowerCase().replace(/[\s_-]*\d*$/, '')];
  // With a header, its columns (others ignored); without, name, domain, alias, alias…
  let columnOf = (index: number): Column => (index === 0 ? 'name' : index === 1 ? 'domain' : 'alias');
  const first = filled[0];
  if (first && headerOf(first.cells[0] ?? '') === 'name') {
    const columns = first.cells.map((c) => headerOf(c) ?? 'ignored');
    columnOf = (index) => columns[index] ?? 'ignored';
    filled.shift();
  }
  for (const { line, cells } of filled) {
    const entry: WatchlistEntryInput = { name: '', aliases: [], domains: [] };
    const reasons: string[] = [];
    cells.forEach((cell, index) => {
      const column = columnOf(index);
      if (column === 'name') entry.name = cell.trim();
      else if (column === 'alias') entry.aliases.push(...values(cell));
      else if (column === 'domain') {
        for (const v of values(cell)) {
          const host = hostOf(v);
          if (host) entry.domains.push(host);
          else reasons.push(`"${v.slice(0, 80)}" is not a domain name`);
        }
      }
    });
    if (!entry.name) reasons.unshift('the name is empty');
    else if (entry.name.length > MAX_NAME) reasons.unshift(`the name is longer than ${MAX_NAME} characters`);
    if (entry.aliases.length + entry.domains.length > MAX_VALUES) reasons.push(`more than ${MAX_VALUES} aliases and domains`);
    if (reasons.length === 0 && !hasKeys(entryKeys(entry))) {
      reasons.push(`"${entry.name.slice(0, 80)}" is made of generic words only and has no domain: it would match nothing in particular`);
    }
    if (reasons.length > 0) out.problems.push({ line, reason: reasons.join('; ') });
    else out.entries.push({ line, entry });
  }
  if (problem) out.problems.push(problem);
  return out;
}
