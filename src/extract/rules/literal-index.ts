// Which of the rules' required strings (literals.ts) a text holds, found in one pass over the text
// however many rules there are. The engine runs a rule on a unit only if the unit holds one of the
// strings the rule cannot match without; most rules are thereby never run on most sentences.

/** The strings of every rule list compiled so far, each with an id; a text's strings come as a list of ids. */
export class LiteralIndex {
  private readonly ids = new Map<string, number>();
  private readonly strings: string[] = [];
  // A string is looked up by its first two code units: most positions of a text start no string, and
  // a table read and a bit test say so without a map lookup.
  /** per code unit: 1 if a string of one unit is it, 2 if a longer string starts with it (bits) */
  private readonly first = new Uint8Array(0x10000);
  /** ids of the one-unit strings, by code unit */
  private readonly single = new Map<number, number>();
  /**
   * The longer strings by their first two code units, in an open-addressed table: slot `h` holds the
   * pair (`pairKeys`) and 1 + the index of its id list (`pairLists`); 0 = empty.
   */
  private pairKeys = new Int32Array(PAIR_SLOTS);
  private pairSlots = new Int32Array(PAIR_SLOTS);
  private readonly pairLists: number[][] = [];
  /** per id: the number of the last scan that found the string (each is listed once per scan) */
  private seen = new Int32Array(1024);
  private scans = 0;

  /** The ids of these strings (Latin letters in small case), adding the new ones. */
  idsOf(strings: readonly string[]): Int32Array {
    return Int32Array.from(strings, (given) => {
      const s = given.replace(/[A-Z]/g, (c) => c.toLowerCase());
      let id = this.ids.get(s);
      if (id === undefined) {
        id = this.strings.length;
        this.strings.push(s);
        this.ids.set(s, id);
        if (id >= this.seen.length) {
          const grown = new Int32Array(this.seen.length * 2);
          grown.set(this.seen);
          this.seen = grown;
        }
        const c0 = s.charCodeAt(0);
        if (s.length === 1) {
          this.first[c0]! |= 1;
          this.single.set(c0, id);
        } else {
          const c1 = s.charCodeAt(1);
          this.first[c0]! |= 2;
          const slot = this.slotOf(c0, c1);
          if (this.pairSlots[slot] === 0) {
            if (this.pairLists.length * 2 >= this.pairKeys.length) throw new Error('literal index full');
            this.pairKeys[slot] = (c0 << 16) | c1;
            this.pairSlots[slot] = this.pairLists.push([]);
          }
          this.pairLists[this.pairSlots[slot]! - 1]!.push(id);
        }
      }
      return id;
    });
  }

  /** The slot of a pair: where it is, or the empty slot where it would go. */
  private slotOf(c0: number, c1: number): number {
    const key = (c0 << 16) | c1;
    const mask = this.pairKeys.length - 1;
    let h = pairHash(key) & mask;
    while (this.pairSlots[h] !== 0 && this.pairKeys[h] !== key) h = (h + 1) & mask;
    return h;
  }

  /** The ids of the strings the text holds, each once, Latin letters compared without regard to case. */
  scan(text: string): number[] {
    const found: number[] = [];
    const seen = this.seen;
    const stamp = ++this.scans;
    const first = this.first;
    const keys = this.pairKeys;
    const slots = this.pairSlots;
    const mask = keys.length - 1;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c0 = fold(text.charCodeAt(i));
      const f = first[c0]!;
      if (f === 0) continue;
      if (f & 1) {
        const id = this.single.get(c0)!;
        if (seen[id] !== stamp) {
          seen[id] = stamp;
          found.push(id);
        }
      }
      if ((f & 2) === 0 || i + 1 >= n) continue;
      const key = (c0 << 16) | fold(text.charCodeAt(i + 1));
      let h = pairHash(key) & mask;
      let slot = slots[h]!;
      while (slot !== 0 && keys[h] !== key) slot = slots[(h = (h + 1) & mask)]!;
      if (slot === 0) continue;
      const list = this.pairLists[slot - 1]!;
      for (let k = 0; k < list.length; k++) {
        const id = list[k]!;
        if (seen[id] === stamp) continue;
        const s = this.strings[id]!;
        if (s.length > n - i) continue;
        let j = 2;
        while (j < s.length && s.charCodeAt(j) === fold(text.charCodeAt(i + j))) j++;
        if (j === s.length) {
          seen[id] = stamp;
          found.push(id);
        }
      }
    }
    return found;
  }
}

/** Slots of the pair table: room for 8,192 distinct pairs at half load (the rules use under a thousand). */
const PAIR_SLOTS = 1 << 14;
function pairHash(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 18;
}

/** A Latin capital's small letter; any other code unit unchanged. */
function fold(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
}
