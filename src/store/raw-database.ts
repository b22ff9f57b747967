// Table-level access to a casebook database, the same on every engine: what migrate-store copies
// and what its checksums read. Row values are numbers, strings or null on both engines.

import { createHash } from 'node:crypto';

export type RawValue = string | number | null;

export interface RawTable {
  name: string;
  /** Column names, sorted, so that both engines list them alike. */
  columns: string[];
  /** Tables this one's foreign keys name: they are filled first. */
  dependsOn: string[];
}

export interface RawDatabase {
  readonly engine: 'sqlite' | 'postgres';
  /** The casebook's tables, less the engine's own (migrations, search index, blobs), parents before children. */
  tables(): Promise<RawTable[]>;
  schemaVersion(): Promise<number>;
  /** Every row, values in `table.columns` order. */
  readRows(table: RawTable): Promise<RawValue[][]>;
  /**
   * In one transaction: deletes every row of these tables, inserts the given rows, rebuilds the
   * full-text index from the notices, and moves id counters past the highest id.
   */
  replaceAll(tables: RawTable[], rowsOf: (table: RawTable) => RawValue[][]): Promise<void>;
  close(): Promise<void>;
}

/** Orders tables so that each comes after those it depends on (ties by name); cycles keep their order. */
export function dependencyOrder(tables: RawTable[]): RawTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const out: RawTable[] = [];
  const visit = (t: RawTable, path: Set<string>) => {
    if (done.has(t.name) || path.has(t.name)) return;
    path.add(t.name);
    for (const dep of [...t.dependsOn].sort()) {
      const parent = byName.get(dep);
      if (parent && parent !== t) visit(parent, path);
    }
    done.add(t.name);
    out.push(t);
  };
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(t, new Set());
  return out;
}

function compare(a: RawValue, b: RawValue): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

export interface TableChecksum {
  rows: number;
  sha256: string;
}

/**
 * SHA-256 over a canonical dump of a table: one JSON line per row (columns sorted by name), rows
 * sorted by their values, so the same rows give the same sum on any engine.
 */
export function tableChecksum(rows: RawValue[][]): TableChecksum {
  const sorted = [...rows].sort((a, b) => {
    for (let i = 0; i < a.length; i++) {
      const c = compare(a[i] ?? null, b[i] ?? null);
      if (c !== 0) return c;
    }
    return 0;
  });
  const hash = createHash('sha256');
  for (const row of sorted) hash.update(JSON.stringify(row) + '\n');
  return { rows: rows.length, sha256: hash.digest('hex') };
}

/** A double-quoted SQL identifier: table and column names come from the database's own catalogue. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
