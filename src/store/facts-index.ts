// The narrow columns of incident_facts as typed arrays, so that a page's facet counts and its page of
// results cost one pass over integers instead of nine SQL scans (about 100 ms at 100,000 incidents).
// It holds codes, not facts: each facet's value per incident as an index into that facet's few distinct
// values, the order keys, what the dashboard's figures add up and the notice → incident map, about 80
// bytes an incident; the facts a page shows are still read from the store. It answers exactly what the
// SQL of incident-facts-sql.ts and incident-figures-sql.ts answers (the store's tests run both), for
// every dataset (a flag per incident), and only while the store's change token is the one it was built at.
import type { FacetCounts } from '../analyze/facet-counts.ts';
import { FACETS, type Facet } from '../analyze/incident-filter.ts';
import type { IncidentSort } from '../analyze/incident-order.ts';
import { DATA_TYPES, INCIDENT_TYPES } from '../core/record.ts';
import { LARGEST } from '../analyze/stats/dashboard-figures.ts';
import { countsFromRows, maskOf, type FactsFilter } from './incident-facts-sql.ts';
import type { FigureRow } from './incident-figures-sql.ts';

/** What an index is built from, read in one snapshot of the store: incident_facts column by column, row i of each array the same incident. */
export interface FactsIndexSource {
  token: string;
  /** Incidents whose facts are queued to be made again: the facts are not current for the token (the columns are then empty). */
  queued: boolean;
  ids: readonly number[];
  disclosureDates: readonly (string | null)[];
  sectors: readonly (string | null)[];
  typesMasks: readonly number[];
  dataMasks: readonly number[];
  /** contractor + 2 * ppc + 4 * attacker + 8 * reviewed + 16 * (dataset is not the Japanese notices, core/dataset.ts) */
  flags: readonly number[];
  /** disclosed_days (null: not known) and duty (analyze/duty-mark.ts): what the dashboard's figures count. */
  disclosedDays: readonly (number | string | null)[];
  duties: readonly (number | string | null)[];
  affectedCounts: readonly (number | string | null)[];
  /** number_year * 1e8 + number_own * 1e7 + number_seq, null without a number: the number orders as one figure. */
  numberKeys: readonly (number | string | null)[];
  /** incident_notices, pair by pair. */
  memberNotices: readonly number[];
  memberIncidents: readonly number[];
}

/** A view as the index takes it: the filter, and the search's notice ids best first. */
export interface IndexView {
  filter: FactsFilter;
  hits?: readonly number[];
}

/** A column as codes into its distinct values, each value as SQL's CAST(… AS TEXT) gives it (null kept). */
interface Coded {
  codes: Int32Array;
  values: (string | null)[];
}

function code<T>(column: readonly T[], text: (v: T) => string | null): Coded {
  const codes = new Int32Array(column.length);
  const values: (string | null)[] = [];
  const seen = new Map<T, number>();
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!;
    let c = seen.get(v);
    if (c === undefined) seen.set(v, (c = values.push(text(v)) - 1));
    codes[i] = c;
  }
  return { codes, values };
}

/** A coded column seen through another: year and month are functions of the date (factRowValues). */
function derive(from: Coded, text: (v: string | null) => string | null): Coded {
  const values: (string | null)[] = [];
  const seen = new Map<string | null, number>();
  const map = Int32Array.from(from.values, (v) => {
    const t = text(v);
    let c = seen.get(t);
    if (c === undefined) seen.set(t, (c = values.push(t) - 1));
    return c;
  });
  return { codes: from.codes.map((c) => map[c]!), values };
}

const asText = (v: number | string | null) => (v === null ? null : String(v));
const orNaN = (v: number | string | null) => (v === null ? Number.NaN : Number(v));

/** Whether each value of a facet passes the filter's clause for it (facetClause), or null when it leaves the facet open. */
function passTable(filter: FactsFilter, facet: Facet, values: readonly (string | null)[]): Uint8Array | null {
  const given = <T>(v: readonly T[] | undefined): v is readonly T[] => v !== undefined && v.length > 0;
  const table = (pass: (v: string) => boolean) => Uint8Array.from(values, (v) => (v !== null && pass(v) ? 1 : 0));
  const flag = (want: boolean | undefined) => (want === undefined ? null : table((v) => v === (want ? '1' : '0')));
  switch (facet) {
    case 'types': { if (!given(filter.types)) return null; const m = maskOf(INCIDENT_TYPES, filter.types); return table((v) => (Number(v) & m) !== 0); }
    case 'dataTypes': { if (!given(filter.dataTypes)) return null; const m = maskOf(DATA_TYPES, filter.dataTypes); return table((v) => (Number(v) & m) !== 0); }
    case 'sectors': { const list: readonly string[] | undefined = filter.sectors; return given(list) ? table((v) => list.includes(v)) : null; }
    case 'years': { const list = filter.years; return given(list) ? table((v) => list.includes(v)) : null; }
    case 'months': { const list = filter.months; return given(list) ? table((v) => list.includes(v)) : null; }
    case 'contractor': return flag(filter.contractor);
    case 'ppc': return flag(filter.ppc);
    case 'attacker': return flag(filter.attacker);
    case 'review': return filter.review === undefined ? null : table((v) => v === (filter.review === 'reviewed' ? '1' : '0'));
  }
}

/** A search's incident rows, the position and notice of each one's best hit, and 1 for each row among them. */
interface Found {
  rows: Int32Array;
  best: Int32Array;
  seen: Uint8Array;
}

/**
 * The searches whose incident rows are kept (the last asked), each in buffers of a row each, made once
 * and filled again: a page asks for its counts and its rows over the same hits, and readers page through
 * a search. Buffers of hundreds of KB made and dropped by every search had malloc raise its threshold for
 * giving memory back to the system, and hold the holes they left: 30 MB of serve's peak (BENCHMARKS.md).
 */
const FOUND_SLOTS = 4;

interface FoundSlot {
  hits: WeakRef<readonly number[]> | null;
  /** A row each; `found` is the part of them the hits filled. */
  buffers: Found;
  found: Found;
}

/** A view reads its rows from the postings when they are under 1/SPARSE of all rows; otherwise every row in a row. */
const SPARSE = 4;

export class FactsIndex {
  readonly token: string;
  readonly size: number;
  private readonly ids: Int32Array;
  private readonly facets: Coded[];
  /** Row-major: cells[row * 9 + k] is facet k's value of the row as a code into `values` (every facet's values, one after the other). */
  private readonly cells: Int32Array;
  private readonly offsets: number[];
  private readonly values: { facet: Facet; value: string | null }[];
  /** The disclosure date's rank among the distinct dates (string order), -1 for none. */
  private readonly dateRank: Int32Array;
  private readonly dates: string[];
  private readonly affected: Float64Array;
  private readonly numberKey: Float64Array;
  /** 1 where the incident is not of the Japanese notices (dataset filter: core/dataset.ts). */
  private readonly imported: Uint8Array;
  /** disclosed_days as codes into its distinct values (null: not known), and duty marks (analyze/duty-mark.ts). */
  private readonly disclosedDays: Coded;
  private readonly duty: Uint8Array;
  /** The rows with an affected count, by it ascending, ties the higher id first: made the first time the figures need it. */
  private affectedAsc: Int32Array | null = null;
  /** notice id → incident row + 1 (0: no incident with facts). */
  private readonly incidentOfNotice: Int32Array;
  private readonly orders = new Map<string, Int32Array>();
  /** Each row's position in an order (orders' inverse), made the first time a narrow view asks for that order. */
  private readonly ranks = new Map<string, Int32Array>();
  /**
   * Each facet value's rows: the rows holding value c (a code of `values`) are rows[start[c] .. start[c + 1]),
   * ascending. A narrowed view reads the rows of its passing values, not every row. Made the first time a
   * filter asks (4 bytes a cell: 9 × 4 bytes an incident).
   */
  private postings: { start: Int32Array; rows: Int32Array } | null = null;
  private keysOfValue: string[][] | null = null;
  private readonly failed = new Map<string, { fail: Uint8Array; active: Int32Array }>();
  /** Most recently used first. */
  private readonly slots: FoundSlot[] = [];
  /** A row each, for one method's work at a time (every method is synchronous): filled before each use. */
  private scratchInts: Int32Array | null = null;
  private scratchBytes: Uint8Array | null = null;

  constructor(source: FactsIndexSource) {
    this.token = source.token;
    this.size = source.ids.length;
    this.ids = Int32Array.from(source.ids, Number);
    const dated = code(source.disclosureDates, (v) => v);
    const flag = (bit: number) => code(source.flags.map((f) => (Number(f) >> bit) & 1), asText);
    const byFacet: Record<Facet, Coded> = {
      types: code(source.typesMasks, asText), sectors: code(source.sectors, (v) => v), dataTypes: code(source.dataMasks, asText),
      years: derive(dated, (d) => (d ? d.slice(0, 4) : 'none')), months: derive(dated, (d) => (d ? d.slice(0, 7) : null)),
      contractor: flag(0), ppc: flag(1), attacker: flag(2), review: flag(3),
    };
    this.facets = FACETS.map((f) => byFacet[f]);
    this.offsets = [];
    this.values = [];
    FACETS.forEach((facet, k) => {
      this.offsets.push(this.values.length);
      for (const value of this.facets[k]!.values) this.values.push({ facet, value });
    });
    const width = FACETS.length;
    this.cells = new Int32Array(this.size * width);
    this.facets.forEach((f, k) => { for (let row = 0; row < this.size; row++) this.cells[row * width + k] = this.offsets[k]! + f.codes[row]!; });
    // The cells hold it all; the per-facet codes are not kept.
    this.facets = this.facets.map((f) => ({ codes: new Int32Array(0), values: f.values }));
    const sorted = dated.values.filter((v): v is string => v !== null).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const rank = new Map(sorted.map((d, i) => [d, i]));
    const rankOfCode = Int32Array.from(dated.values, (v) => (v === null ? -1 : rank.get(v)!));
    this.dates = sorted;
    this.dateRank = dated.codes.map((c) => rankOfCode[c]!);
    this.affected = Float64Array.from(source.affectedCounts, orNaN);
    this.numberKey = Float64Array.from(source.numberKeys, orNaN);
    this.imported = Uint8Array.from(source.flags, (f) => (Number(f) >> 4) & 1);
    this.disclosedDays = code(source.disclosedDays, asText);
    this.duty = Uint8Array.from(source.duties, (d) => Number(d ?? 0));
    const rowOf = new Map<number, number>();
    this.ids.forEach((id, i) => rowOf.set(id, i));
    let maxNotice = 0;
    for (const n of source.memberNotices) if (n > maxNotice) maxNotice = n;
    this.incidentOfNotice = new Int32Array(maxNotice + 1);
    source.memberNotices.forEach((n, i) => {
      const row = rowOf.get(Number(source.memberIncidents[i]));
      if (row !== undefined) this.incidentOfNotice[n] = row + 1;
    });
  }

  /** Bytes held by the typed arrays (what the index costs a process). */
  bytes(): number {
    let n = this.ids.byteLength + this.dateRank.byteLength + this.affected.byteLength + this.numberKey.byteLength + this.incidentOfNotice.byteLength;
    n += this.cells.byteLength + this.imported.byteLength + this.disclosedDays.codes.byteLength + this.duty.byteLength + (this.affectedAsc?.byteLength ?? 0);
    n += (this.postings?.start.byteLength ?? 0) + (this.postings?.rows.byteLength ?? 0);
    for (const o of this.orders.values()) n += o.byteLength;
    for (const r of this.ranks.values()) n += r.byteLength;
    for (const { buffers } of this.slots) n += buffers.rows.byteLength + buffers.best.byteLength + buffers.seen.byteLength;
    return n + (this.scratchInts?.byteLength ?? 0) + (this.scratchBytes?.byteLength ?? 0);
  }

  /** The view's incident rows (null: every row) with the position and notice of each one's best hit: valid until the next call. */
  private candidates(view: IndexView): Found | null {
    const hits = view.hits;
    if (!hits) return null;
    // A page asks for its counts and its rows over the same hits: they are mapped once.
    const at = this.slots.findIndex((s) => s.hits?.deref() === hits);
    if (at >= 0) {
      const [known] = this.slots.splice(at, 1);
      this.slots.unshift(known!);
      return known!.found;
    }
    let slot: FoundSlot;
    if (this.slots.length < FOUND_SLOTS) {
      const buffers = { rows: new Int32Array(this.size), best: new Int32Array(this.size), seen: new Uint8Array(this.size) };
      slot = { hits: null, buffers, found: buffers };
    } else {
      slot = this.slots.pop()!;
      slot.buffers.seen.fill(0);
    }
    this.slots.unshift(slot);
    // At most one row per incident and one per hit.
    const room = Math.min(hits.length, this.size);
    const { rows, best, seen } = slot.buffers;
    const incidentOf = this.incidentOfNotice;
    let n = 0;
    for (let i = 0; i < hits.length && n < room; i++) {
      const notice: number = hits[i]!;
      const row = notice >= 0 && notice < incidentOf.length ? incidentOf[notice]! - 1 : -1;
      if (row < 0 || seen[row]) continue;
      seen[row] = 1;
      rows[n] = row;
      best[n++] = notice;
    }
    slot.hits = new WeakRef(hits);
    slot.found = { rows: rows.subarray(0, n), best: best.subarray(0, n), seen };
    return slot.found;
  }

  /** A row each of integers, for one method's use (a synchronous one): its contents are whatever was left. */
  private ints(): Int32Array {
    return (this.scratchInts ??= new Int32Array(this.size));
  }

  /** A row each of bytes, all 0, for one method's use (a synchronous one). */
  private zeroBytes(): Uint8Array {
    if (!this.scratchBytes) return (this.scratchBytes = new Uint8Array(this.size));
    return this.scratchBytes.fill(0);
  }

  /** The date range and the dataset every facet shares (scopeClauses), or null when the filter sets neither. */
  private scope(filter: FactsFilter): ((row: number) => boolean) | null {
    const dataset = filter.dataset === 'jp' ? 0 : filter.dataset === 'imported' ? 1 : -1;
    if (!filter.from && !filter.to && dataset < 0) return null;
    // disclosure_date >= from AND <= to, as ranks: the first date not below `from`, the first above `to`.
    const lower = filter.from ? bound(this.dates, filter.from, false) : 0;
    const upper = filter.to ? bound(this.dates, filter.to, true) : this.dates.length;
    const dated = Boolean(filter.from || filter.to);
    return (row) => {
      if (dataset >= 0 && this.imported[row] !== dataset) return false;
      if (!dated) return true;
      const r = this.dateRank[row]!;
      return r >= lower && r < upper;
    };
  }

  /** 1 for each value (a code of `values`) that fails its facet's clause of the filter; the facets the filter narrows. */
  private failing(filter: FactsFilter): { fail: Uint8Array; active: Int32Array } {
    // A page asks three times (its counts, whether rows pass, its rows): the tables of recent filters are kept (read only).
    const key = JSON.stringify(filter);
    const known = this.failed.get(key);
    if (known) return known;
    const made = this.makeFailing(filter);
    if (this.failed.size >= 32) this.failed.delete(this.failed.keys().next().value!);
    this.failed.set(key, made);
    return made;
  }

  private makeFailing(filter: FactsFilter): { fail: Uint8Array; active: Int32Array } {
    const fail = new Uint8Array(this.values.length);
    const active: number[] = [];
    FACETS.forEach((facet, k) => {
      const table = passTable(filter, facet, this.facets[k]!.values);
      if (!table) return;
      active.push(k);
      table.forEach((pass, c) => (fail[this.offsets[k]! + c] = pass ? 0 : 1));
    });
    return { fail, active: Int32Array.from(active) };
  }

  /** Each facet's counts over the view, as countFacets (analyze/facet-counts.ts) and facetCountsSql define them. */
  counts(view: IndexView): FacetCounts {
    const { fail, active } = this.failing(view.filter);
    const counts = new Int32Array(this.values.length);
    const cells = this.cells;
    const width = FACETS.length;
    const inScope = this.scope(view.filter);
    const found = this.candidates(view);
    // A row failing two facets counts for none; failing one, only for that one.
    const countRow = (row: number) => {
      if (inScope && !inScope(row)) return;
      const base = row * width;
      let failed = -1;
      for (let a = 0; a < active.length; a++) {
        const cell = cells[base + active[a]!]!;
        if (fail[cell] === 1) {
          if (failed >= 0) return;
          failed = cell;
        }
      }
      if (failed >= 0) counts[failed]!++;
      else for (let k = 0; k < width; k++) counts[cells[base + k]!]!++;
    };
    if (!found && active.length === 0 && !inScope) {
      // Every row counts under every facet: the number of each value's rows.
      const { start } = this.posting();
      for (let c = 0; c < counts.length; c++) counts[c] = start[c + 1]! - start[c]!;
    } else if (found && active.length === 0 && !inScope) {
      if (found.rows.length * 2 <= this.size) this.addRows(found.rows, found.rows.length, counts, 1);
      else {
        // A common word's search holds most rows: every row's counts less those of the rows it misses.
        const { start } = this.posting();
        for (let c = 0; c < counts.length; c++) counts[c] = start[c + 1]! - start[c]!;
        const missed = this.ints();
        let n = 0;
        for (let row = 0; row < this.size; row++) if (found.seen[row] === 0) missed[n++] = row;
        this.addRows(missed, n, counts, -1);
      }
    } else if (!found && active.length === 1 && !inScope) this.countOneFacet(active[0]!, fail, counts);
    else if (!found && active.length >= 2 && this.held(fail, this.narrowest(fail, active).slice(0, 2)) * SPARSE < this.size) {
      // Only a row passing all but one narrowed facet counts, so it passes one of the two narrowest:
      // their rows are all that is read (those of the first, then those of the second not among them).
      // Only when they are few: rows read here and there cost more each than all of them in a row.
      const [a, b] = this.narrowest(fail, active);
      const { start, rows } = this.posting();
      for (const c of this.passingCells(a!, fail)) for (let p = start[c]!; p < start[c + 1]!; p++) countRow(rows[p]!);
      for (const c of this.passingCells(b!, fail)) {
        for (let p = start[c]!; p < start[c + 1]!; p++) if (fail[cells[rows[p]! * width + a!]!] === 1) countRow(rows[p]!);
      }
    } else {
      const n = found ? found.rows.length : this.size;
      for (let i = 0; i < n; i++) countRow(found ? found.rows[i]! : i);
    }
    // As countsFromRows makes them from the (facet, value, n) rows, with each value's keys found once per index.
    const keys = this.countKeys();
    const out = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as FacetCounts;
    for (let c = 0; c < counts.length; c++) {
      const n = counts[c]!;
      if (n === 0) continue;
      const map = out[this.values[c]!.facet];
      for (const key of keys[c]!) map.set(key, (map.get(key) ?? 0) + n);
    }
    return out;
  }

  /**
   * Adds each of the first n rows' cells to counts (sign -1: takes them off). Four rows at a time, each
   * into its own copy of the counts: consecutive rows mostly hold the same few values (a flag, a year),
   * and one counter bumped again and again waits on its last bump each time. 0.48 against 0.83 ms for
   * 48,000 rows.
   */
  private addRows(rows: Int32Array, n: number, counts: Int32Array, sign: 1 | -1): void {
    const cells = this.cells;
    const width = FACETS.length;
    const v = this.values.length;
    const copies = new Int32Array(4 * v);
    let i = 0;
    for (; i + 3 < n; i += 4) {
      const a = rows[i]! * width;
      const b = rows[i + 1]! * width;
      const c = rows[i + 2]! * width;
      const d = rows[i + 3]! * width;
      for (let k = 0; k < width; k++) {
        copies[cells[a + k]!]!++;
        copies[v + cells[b + k]!]!++;
        copies[2 * v + cells[c + k]!]!++;
        copies[3 * v + cells[d + k]!]!++;
      }
    }
    for (; i < n; i++) {
      const a = rows[i]! * width;
      for (let k = 0; k < width; k++) copies[cells[a + k]!]!++;
    }
    for (let c = 0; c < v; c++) counts[c]! += sign * (copies[c]! + copies[v + c]! + copies[2 * v + c]! + copies[3 * v + c]!);
  }

  /** The keys each value counts under (a type mask: its types), as countsFromRows gives them for that value alone. */
  private countKeys(): string[][] {
    if (this.keysOfValue) return this.keysOfValue;
    return (this.keysOfValue = this.values.map(({ facet, value }) => [...countsFromRows([{ facet, value, n: 1 }])[facet].keys()]));
  }

  /**
   * The counts of a filter narrowing facet k alone, over every row: every row counts under its own value
   * of k (a row failing only k counts for k), and the rows passing k count under the other facets. Those
   * are read from k's passing values' rows, or, when the failing ones are fewer, as every row's counts
   * less the failing rows'.
   */
  private countOneFacet(k: number, fail: Uint8Array, counts: Int32Array): void {
    const { start, rows } = this.posting();
    const cells = this.cells;
    const width = FACETS.length;
    const first = this.offsets[k]!;
    const last = first + this.facets[k]!.values.length;
    let passing = 0;
    for (let c = first; c < last; c++) {
      counts[c] = start[c + 1]! - start[c]!;
      if (fail[c] === 0) passing += counts[c]!;
    }
    const fewerFailing = this.size - passing < passing;
    if (fewerFailing) for (let c = 0; c < this.values.length; c++) if (c < first || c >= last) counts[c] = start[c + 1]! - start[c]!;
    const step = fewerFailing ? -1 : 1;
    for (let c = first; c < last; c++) {
      if ((fail[c] === 0) === fewerFailing) continue;
      for (let p = start[c]!; p < start[c + 1]!; p++) {
        const base = rows[p]! * width;
        for (let j = 0; j < width; j++) if (j !== k) counts[cells[base + j]!]! += step;
      }
    }
  }

  /** Each value's rows (see `postings`), made once. */
  private posting(): { start: Int32Array; rows: Int32Array } {
    if (this.postings) return this.postings;
    const cells = this.cells;
    const width = FACETS.length;
    const start = new Int32Array(this.values.length + 1);
    for (let i = 0; i < cells.length; i++) start[cells[i]! + 1]!++;
    for (let c = 0; c < this.values.length; c++) start[c + 1]! += start[c]!;
    const next = start.slice(0, this.values.length);
    const rows = new Int32Array(cells.length);
    for (let row = 0; row < this.size; row++) for (let k = 0; k < width; k++) rows[next[cells[row * width + k]!]!++] = row;
    return (this.postings = { start, rows });
  }

  /** The values (codes) of facet k that pass the filter. */
  private passingCells(k: number, fail: Uint8Array): number[] {
    const out: number[] = [];
    const first = this.offsets[k]!;
    for (let c = first; c < first + this.facets[k]!.values.length; c++) if (fail[c] === 0) out.push(c);
    return out;
  }

  /** How many rows the passing values of these facets hold, in all. */
  private held(fail: Uint8Array, facets: readonly number[]): number {
    const { start } = this.posting();
    let n = 0;
    for (const k of facets) for (const c of this.passingCells(k, fail)) n += start[c + 1]! - start[c]!;
    return n;
  }

  /** The narrowed facets, those whose passing values hold the fewest rows first. */
  private narrowest(fail: Uint8Array, active: Int32Array): number[] {
    return [...active].map((k) => ({ k, n: this.held(fail, [k]) })).sort((x, y) => x.n - y.n).map((x) => x.k);
  }

  /** The rows passing a filter that narrows at least one facet, read from its narrowest facet's passing values' rows (in no particular order). */
  private passingRows(filter: FactsFilter, fail: Uint8Array, active: Int32Array): Int32Array {
    const [k] = this.narrowest(fail, active);
    const { start, rows } = this.posting();
    const cells = this.cells;
    const width = FACETS.length;
    const inScope = this.scope(filter);
    const cellsOfK = this.passingCells(k!, fail);
    const out = new Int32Array(cellsOfK.reduce((n, c) => n + start[c + 1]! - start[c]!, 0));
    let n = 0;
    for (const c of cellsOfK) {
      next: for (let p = start[c]!; p < start[c + 1]!; p++) {
        const row = rows[p]!;
        if (inScope && !inScope(row)) continue;
        const base = row * width;
        for (let a = 0; a < active.length; a++) if (fail[cells[base + active[a]!]!] === 1) continue next;
        out[n++] = row;
      }
    }
    return out.subarray(0, n);
  }

  /** Whether a row passes the filter; `every` when the filter narrows nothing (every row passes). */
  private passes(filter: FactsFilter): ((row: number) => boolean) & { every?: true } {
    const { fail, active } = this.failing(filter);
    const cells = this.cells;
    const width = FACETS.length;
    const inScope = this.scope(filter);
    if (!inScope && active.length === 0) return Object.assign(() => true, { every: true as const });
    return (row) => {
      if (inScope && !inScope(row)) return false;
      const base = row * width;
      for (let a = 0; a < active.length; a++) if (fail[cells[base + active[a]!]!] === 1) return false;
      return true;
    };
  }

  /**
   * The grouped rows of figuresSql (incident-figures-sql.ts) over the view, made in one pass over the
   * rows: figuresFromRows turns them into the dashboard's figures, as it does the statement's rows.
   */
  figureRows(view: IndexView): FigureRow[] {
    const pass = this.passes(view.filter);
    const found = this.candidates(view);
    const width = FACETS.length;
    const [months, types, sectors, data, contractor] = (['months', 'types', 'sectors', 'dataTypes', 'contractor'] as const).map((f) => FACETS.indexOf(f));
    const typeCount = this.facets[types!]!.values.length;
    const typesAt = this.offsets[types!]!;
    const monthAt = this.offsets[months!]!;
    const contractorYes = this.values.findIndex((v) => v.facet === 'contractor' && v.value === '1');
    const byCell = new Int32Array(this.values.length);
    const byMonthType = new Int32Array(this.facets[months!]!.values.length * typeCount);
    const delayCodes = this.disclosedDays.codes;
    const byDelay = new Int32Array(this.disclosedDays.values.length);
    const inView = this.zeroBytes();
    let incidents = 0, counted = 0, total = 0, involved = 0;
    const marks = new Int32Array(4);
    const { cells, duty, affected: affectedOf } = this;
    const n = found ? found.rows.length : this.size;
    for (let i = 0; i < n; i++) {
      const row = found ? found.rows[i]! : i;
      if (!pass(row)) continue;
      inView[row] = 1;
      incidents++;
      const base = row * width;
      byMonthType[(cells[base + months!]! - monthAt) * typeCount + cells[base + types!]! - typesAt]!++;
      byCell[cells[base + sectors!]!]!++;
      byCell[cells[base + data!]!]!++;
      if (cells[base + contractor!] === contractorYes) involved++;
      marks[duty[row]!]!++;
      const affected = affectedOf[row]!;
      if (!Number.isNaN(affected)) { counted++; total += affected; }
      byDelay[delayCodes[row]!]!++;
    }
    const out: FigureRow[] = [{
      part: 'totals', a: String(counted), b: counted ? String(total) : null, n: incidents, c: involved, d: marks[1]!, e: marks[2]!, g: marks[3]!,
    }];
    const monthValues = this.facets[months!]!.values;
    const typeValues = this.facets[types!]!.values;
    byMonthType.forEach((n, k) => { if (n > 0) out.push({ part: 'month', a: monthValues[Math.floor(k / typeCount)]!, b: typeValues[k % typeCount]!, n }); });
    byCell.forEach((n, cell) => {
      const { facet, value } = this.values[cell]!;
      if (n > 0 && (facet === 'sectors' || facet === 'dataTypes')) out.push({ part: facet === 'sectors' ? 'sector' : 'data', a: value, b: null, n });
    });
    // Known delays in ascending order, as GROUP BY gives them: the days figuresFromRows lists come
    // sorted, and sorting them again is one pass.
    const delays: { a: string; n: number }[] = [];
    byDelay.forEach((n, c) => { const a = this.disclosedDays.values[c]; if (n > 0 && a !== null && a !== undefined) delays.push({ a, n }); });
    for (const { a, n } of delays.sort((x, y) => Number(x.a) - Number(y.a))) out.push({ part: 'delay', a, b: null, n });
    // The median's one or two middle counts, and the largest incidents, from the rows by affected count.
    const order = this.byAffected();
    const first = Math.floor((counted - 1) / 2);
    const want = 2 - (counted % 2);
    for (let i = 0, seen = 0, taken = 0; i < order.length && taken < want && counted > 0; i++) {
      const row = order[i]!;
      if (!inView[row]) continue;
      if (seen++ >= first) { out.push({ part: 'middle', a: String(this.affected[row]), b: null, n: 0 }); taken++; }
    }
    // Backwards: the count descending, ties the lower id first.
    for (let i = order.length - 1, taken = 0; i >= 0 && taken < LARGEST; i--) {
      const row = order[i]!;
      if (this.affected[row]! <= 0) break;
      if (!inView[row]) continue;
      out.push({ part: 'largest', a: String(this.ids[row]), b: null, n: this.affected[row]! });
      taken++;
    }
    return out;
  }

  private byAffected(): Int32Array {
    if (this.affectedAsc) return this.affectedAsc;
    const rows: number[] = [];
    for (let row = 0; row < this.size; row++) if (!Number.isNaN(this.affected[row]!)) rows.push(row);
    const order = Int32Array.from(rows);
    order.sort((a, b) => this.affected[a]! - this.affected[b]! || this.ids[b]! - this.ids[a]!);
    return (this.affectedAsc = order);
  }

  /** How many incidents the view holds. */
  count(view: IndexView): number {
    const pass = this.passes(view.filter);
    const found = this.candidates(view);
    if (!found && pass.every) return this.size;
    let n = 0;
    if (found) for (const row of found.rows) n += pass(row) ? 1 : 0;
    else for (let row = 0; row < this.size; row++) n += pass(row) ? 1 : 0;
    return n;
  }

  /** The ids of one page of the view in the order asked (factsOrder), with each one's best hit when searching. */
  page(view: IndexView, sort: IncidentSort, window: { offset: number; limit: number }): { ids: number[]; bestNotice: Map<number, number> } {
    const pass = this.passes(view.filter);
    const found = this.candidates(view);
    const ids: number[] = [];
    const bestNotice = new Map<number, number>();
    let skip = window.offset;
    const take = (row: number, best: number | undefined): boolean => {
      if (!pass(row)) return true;
      if (skip > 0) { skip--; return true; }
      ids.push(this.ids[row]!);
      if (best !== undefined) bestNotice.set(this.ids[row]!, best);
      return ids.length < window.limit;
    };
    if (window.limit <= 0) return { ids, bestNotice };
    if (found && sort === 'relevance') {
      // Best hit first: the candidates are already in the order of their best hit's position.
      for (let i = 0; i < found.rows.length && take(found.rows[i]!, found.best[i]); i++);
      return { ids, bestNotice };
    }
    const order = this.order(sort === 'relevance' ? 'disclosed_desc' : sort);
    const narrowed = !found && !pass.every ? this.failing(view.filter) : null;
    // Rows from the postings when the narrowest facet's are few; otherwise the walk of the order meets the page's rows soon.
    const sparse = narrowed !== null && narrowed.active.length > 0 && this.held(narrowed.fail, this.narrowest(narrowed.fail, narrowed.active).slice(0, 1)) * SPARSE < this.size;
    if (found) {
      const bestOf = this.ints().fill(-1);
      found.rows.forEach((row, i) => (bestOf[row] = found.best[i]!));
      for (const row of order) if (bestOf[row]! >= 0 && !take(row, bestOf[row])) break;
    } else if (pass.every) {
      // Nothing to check: the page is a slice of the order.
      for (const row of order.subarray(window.offset, window.offset + window.limit)) ids.push(this.ids[row]!);
    } else if (sparse) {
      // The rows passing, from the narrowest facet's rows; then the page's rows in the order.
      const passing = this.passingRows(view.filter, narrowed!.fail, narrowed!.active);
      const end = Math.min(passing.length, window.offset + window.limit);
      if (passing.length * 16 < this.size) {
        // Few: their positions in the order, sorted (numbers, no comparator), are the page's.
        const rank = this.rank(sort === 'relevance' ? 'disclosed_desc' : sort);
        const at = passing.map((row) => rank[row]!).sort();
        for (let i = window.offset; i < end; i++) ids.push(this.ids[order[at[i]!]!]!);
      } else {
        // Many: walking the order meets the page's rows early.
        const marked = this.zeroBytes();
        for (const row of passing) marked[row] = 1;
        let seen = 0;
        for (let i = 0; i < order.length && seen < end; i++) {
          const row = order[i]!;
          if (marked[row] === 1 && seen++ >= window.offset) ids.push(this.ids[row]!);
        }
      }
    } else {
      for (const row of order) if (!take(row, undefined)) break;
    }
    return { ids, bestNotice };
  }

  /** Each row's position in one of factsOrder's orders, made the first time it is asked for. */
  private rank(sort: Exclude<IncidentSort, 'relevance'>): Int32Array {
    const known = this.ranks.get(sort);
    if (known) return known;
    const order = this.order(sort);
    const rank = new Int32Array(this.size);
    for (let i = 0; i < order.length; i++) rank[order[i]!] = i;
    this.ranks.set(sort, rank);
    return rank;
  }

  /** Every row in one of factsOrder's orders, made the first time it is asked for. */
  private order(sort: Exclude<IncidentSort, 'relevance'>): Int32Array {
    const known = this.orders.get(sort);
    if (known) return known;
    const ids = this.ids;
    // NULLS LAST whichever the direction; ties: the higher id first.
    const by = (key: ArrayLike<number>, dir: 1 | -1, isNull: (v: number) => boolean) => (a: number, b: number) => {
      const x = key[a]!, y = key[b]!;
      const nx = isNull(x), ny = isNull(y);
      if (nx !== ny) return nx ? 1 : -1;
      if (!nx && x !== y) return x < y ? -dir : dir;
      return ids[b]! - ids[a]!;
    };
    const noDate = (v: number) => v < 0;
    const compare = {
      disclosed_desc: by(this.dateRank, -1, noDate), disclosed_asc: by(this.dateRank, 1, noDate),
      affected_desc: by(this.affected, -1, Number.isNaN), number_desc: by(this.numberKey, -1, Number.isNaN), number_asc: by(this.numberKey, 1, Number.isNaN),
    }[sort];
    const order = new Int32Array(this.size);
    for (let i = 0; i < order.length; i++) order[i] = i;
    order.sort(compare);
    this.orders.set(sort, order);
    return order;
  }
}

/** The first index whose value is above `v` (after: true) or not below it, in a sorted list. */
function bound(sorted: readonly string[], v: string, after: boolean): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < v || (after && sorted[mid] === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Keeps one index current with the store. `current()` answers the index when it was built at the
 * store's present change token, builds a new one when the token moved, and answers null (the caller
 * asks SQL) while facts are queued or when builds would come too often: under a stream of changes (an
 * ingest) an index is rebuilt at most once per ten times its own build time, so reads cost SQL's
 * figures meanwhile, never a stale answer.
 */
export class FactsIndexHolder {
  private index: FactsIndex | null = null;
  private building: Promise<FactsIndex | null> | null = null;
  private lastBuiltAt = Number.NEGATIVE_INFINITY;
  private lastBuildMs = 0;

  constructor(
    private readonly load: () => Promise<FactsIndexSource>,
    private readonly token: () => Promise<string>,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async current(): Promise<FactsIndex | null> {
    const token = await this.token();
    if (this.index?.token === token) return this.index;
    if (this.building) return this.building.then((built) => (built?.token === token ? built : null));
    if (this.now() - this.lastBuiltAt < Math.max(1000, 10 * this.lastBuildMs)) return null;
    this.building = this.build().finally(() => (this.building = null));
    const built = await this.building;
    return built?.token === token ? built : null;
  }

  private async build(): Promise<FactsIndex | null> {
    const started = this.now();
    const source = await this.load();
    if (source.queued) return null;
    this.index = null; // the old one is garbage before the new one is made
    const index = new FactsIndex(source);
    this.lastBuiltAt = this.now();
    this.lastBuildMs = this.lastBuiltAt - started;
    this.index = index;
    return index;
  }
}
