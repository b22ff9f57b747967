// Two number spaces that never meet. A casebook header's number is kept as read (YYYY-NNN, '2024-078');
// a number jikenbo gives has a form of its own (JYYYY-NNNN, 'J2024-0078'), so a casebook post that
// arrives later can never collide with one jikenbo gave, and a given number is never given again.

const FULL_NUMBER = /^#?([0-9]{4})-([0-9]{3,})$/;
const OWN_NUMBER = /^#?J([0-9]{4})-([0-9]{4,})$/;

export interface CasebookNumber {
  year: number;
  seq: number;
}

/** '2023-042' and '#2023-042' are full numbers; '2022' (a header with only a year) is not, nor is 'J2023-0042'. */
export function parseCasebookNumber(id: string | null | undefined): CasebookNumber | null {
  const m = id?.trim().match(FULL_NUMBER);
  return m ? { year: Number(m[1]), seq: Number(m[2]) } : null;
}

/** Three digits at least, more past 999: 2024-007, 2024-1000. The form of a casebook header. */
export function formatCasebookNumber(year: number, seq: number): string {
  return `${year}-${String(seq).padStart(3, '0')}`;
}

/** 'J2024-0078' and '#J2024-0078' are numbers jikenbo gave; a casebook header's '2024-078' is not. */
export function parseOwnNumber(id: string | null | undefined): CasebookNumber | null {
  const m = id?.trim().match(OWN_NUMBER);
  return m ? { year: Number(m[1]), seq: Number(m[2]) } : null;
}

/** Four digits at least, more past 9999: J2024-0007, J2024-10000. */
export function formatOwnNumber(year: number, seq: number): string {
  return `J${year}-${String(seq).padStart(4, '0')}`;
}

/** Either form as written by a person ('#2024-078', ' J2024-0078 '), without '#'; null when it is neither. */
export function incidentNumberOf(text: string | null | undefined): string | null {
  const t = text?.trim().replace(/^#/, '') ?? '';
  return parseCasebookNumber(t) || parseOwnNumber(t) ? t : null;
}

/** The number as kept: the header's, without '#', digits as written ('2023-042'). */
export function keptNumber(id: string | null | undefined): string | null {
  const n = parseCasebookNumber(id);
  return n ? id!.trim().replace(/^#/, '') : null;
}

/**
 * Hands out jikenbo's own numbers, running per year above the counter and every own number already
 * given, so a number is never given twice (the per-year counter only grows, also when a merge retires
 * an incident). Casebook header numbers live in the other form and need no room here.
 */
export class NumberAllocator {
  private readonly last = new Map<number, number>();

  constructor(counters: ReadonlyMap<number, number>, given: Iterable<string | null>) {
    for (const [year, seq] of counters) this.raise(year, seq);
    for (const id of given) {
      const n = parseOwnNumber(id);
      if (n) this.raise(n.year, n.seq);
    }
  }

  private raise(year: number, seq: number): void {
    if (seq > (this.last.get(year) ?? 0)) this.last.set(year, seq);
  }

  next(year: number): string {
    const seq = (this.last.get(year) ?? 0) + 1;
    this.last.set(year, seq);
    return formatOwnNumber(year, seq);
  }

  counters(): Map<number, number> {
    return new Map(this.last);
  }
}
