// Casebook numbers YYYY-NNN: which are full numbers, how they sort, and the next free one in a year.

const FULL_NUMBER = /^#?([0-9]{4})-([0-9]{3,})$/;

export interface CasebookNumber {
  year: number;
  seq: number;
}

/** '2023-042' and '#2023-042' are full numbers; '2022' (a header with only a year) is not. */
export function parseCasebookNumber(id: string | null | undefined): CasebookNumber | null {
  const m = id?.trim().match(FULL_NUMBER);
  return m ? { year: Number(m[1]), seq: Number(m[2]) } : null;
}

/** Three digits at least, more past 999: 2024-007, 2024-1000. */
export function formatCasebookNumber(year: number, seq: number): string {
  return `${year}-${String(seq).padStart(3, '0')}`;
}

/** The number as kept: the header's, without '#', digits as written ('2023-042'). */
export function keptNumber(id: string | null | undefined): string | null {
  const n = parseCasebookNumber(id);
  return n ? id!.trim().replace(/^#/, '') : null;
}

/**
 * Hands out running numbers per year above everything already used or kept in that year, so an
 * assigned number never equals a kept one seen so far and never repeats a number handed out before
 * (the per-year counter only grows, also when a merge retires a number).
 */
export class NumberAllocator {
  private readonly last = new Map<number, number>();

  constructor(counters: ReadonlyMap<number, number>, used: Iterable<string>) {
    for (const [year, seq] of counters) this.raise(year, seq);
    for (const id of used) {
      const n = parseCasebookNumber(id);
      if (n) this.raise(n.year, n.seq);
    }
  }

  private raise(year: number, seq: number): void {
    if (seq > (this.last.get(year) ?? 0)) this.last.set(year, seq);
  }

  next(year: number): string {
    const seq = (this.last.get(year) ?? 0) + 1;
    this.last.set(year, seq);
    return formatCasebookNumber(year, seq);
  }

  counters(): Map<number, number> {
    return new Map(this.last);
  }
}
