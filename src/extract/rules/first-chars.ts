// The characters a regular expression's match can begin with, for a cheap lookahead in front of a large
// union: most positions of a sentence hold none of them, so the union is tried at few positions. Reads
// the subset of syntax the rule patterns use; anything else (a negated class, `.`, `\s` or `\w` where a
// match may begin, a back-reference) gives null, and the caller then goes without the lookahead.

type First = { chars: Set<string>; nullable: boolean } | null;

class Reader {
  i = 0;
  constructor(readonly s: string) {}
  peek(): string | undefined {
    return this.s[this.i];
  }
}

// Every function reads its part of the pattern to the end even once the answer is unknown, so that the
// reader stands after it.
function alt(r: Reader): First {
  const chars = new Set<string>();
  let nullable = false;
  let unknown = false;
  for (;;) {
    const f = seq(r);
    if (!f) unknown = true;
    else {
      f.chars.forEach((c) => chars.add(c));
      nullable ||= f.nullable;
    }
    if (r.peek() === '|') {
      r.i++;
      continue;
    }
    return unknown ? null : { chars, nullable };
  }
}

function seq(r: Reader): First {
  const chars = new Set<string>();
  let open = true; // every term so far can match empty
  let unknown = false;
  while (r.i < r.s.length && r.peek() !== '|' && r.peek() !== ')') {
    const a = atom(r);
    if (a === undefined) throw new Error('unreadable pattern');
    const q = quantifier(r);
    if (q === undefined) throw new Error('unreadable quantifier');
    if (a === 'zero-width') continue;
    if (!a) {
      if (open) unknown = true;
      open = false;
      continue;
    }
    if (open) a.chars.forEach((c) => chars.add(c));
    open &&= a.nullable || q;
  }
  return unknown ? null : { chars, nullable: open };
}

/** true: the quantifier allows zero repetitions; false: none or at least one; undefined: unreadable. */
function quantifier(r: Reader): boolean | undefined {
  const c = r.peek();
  let zero = false;
  if (c === '?' || c === '*') {
    r.i++;
    zero = true;
  } else if (c === '+') r.i++;
  else if (c === '{') {
    const m = /^\{(\d+)(?:,\d*)?\}/.exec(r.s.slice(r.i));
    if (!m) return undefined;
    r.i += m[0].length;
    zero = m[1] === '0';
  } else return false;
  if (r.peek() === '?') r.i++; // lazy
  return zero;
}

/** An atom's first characters; 'zero-width' for assertions; null where it may begin with anything; undefined on unreadable syntax. */
function atom(r: Reader): First | 'zero-width' | undefined {
  const c = r.s[r.i++];
  if (c === undefined) return undefined;
  if (c === '^' || c === '$') return 'zero-width';
  if (c === '.') return null;
  if (c === '(') {
    let look = false;
    if (r.s.startsWith('?:', r.i)) r.i += 2;
    else if (/^\?<?[=!]/.test(r.s.slice(r.i, r.i + 3))) {
      r.i += r.s[r.i + 1] === '<' ? 3 : 2;
      look = true;
    } else if (r.peek() === '?') return undefined; // named group or other syntax
    const inner = alt(r);
    if (r.s[r.i++] !== ')') return undefined;
    if (look) return 'zero-width';
    return inner;
  }
  if (c === '[') {
    // The class is read to its end whatever it holds, so that reading goes on after it.
    let unknown = r.peek() === '^';
    if (unknown) r.i++;
    const chars = new Set<string>();
    while (r.i < r.s.length && r.peek() !== ']') {
      let ch = r.s[r.i++]!;
      if (ch === '\\') {
        const e = r.s[r.i++]!;
        if (/[sdwSDWbB]/.test(e)) unknown = true;
        ch = e;
      }
      if (r.peek() === '-' && r.s[r.i + 1] !== ']') {
        r.i++;
        let to = r.s[r.i++]!;
        if (to === '\\') to = r.s[r.i++]!;
        for (let k = ch.charCodeAt(0); k <= to.charCodeAt(0); k++) chars.add(String.fromCharCode(k));
      } else chars.add(ch);
    }
    r.i++;
    return unknown ? null : { chars, nullable: false };
  }
  if (c === '\\') {
    const e = r.s[r.i++];
    if (e === undefined || /[sdwSDWbB0-9ukxcp]/.test(e)) return e === 'b' || e === 'B' ? 'zero-width' : null;
    return { chars: new Set([e]), nullable: false };
  }
  if (c === ')' || c === '|') return undefined;
  return { chars: new Set([c]), nullable: false };
}

/** The characters a match of `source` can start with (both cases of ASCII letters), or null when unknown. */
export function firstChars(source: string): Set<string> | null {
  const r = new Reader(source);
  let f: First;
  try {
    f = alt(r);
  } catch {
    return null;
  }
  if (!f || f.nullable || r.i !== source.length) return null;
  const out = new Set<string>();
  for (const c of f.chars) {
    out.add(c);
    out.add(c.toLowerCase());
    out.add(c.toUpperCase());
  }
  return out;
}

/** A character class holding `chars`, for a lookahead. */
export function classOf(chars: Set<string>): string {
  return `[${[...chars].map((c) => (/[\\\]^\-[]/.test(c) ? `\\${c}` : c)).join('')}]`;
}

/**
 * One test that a unit must pass before any rule of `rules` can match it: the union of their patterns,
 * behind a lookahead for the characters a match can begin with where those are known.
 */
export function unionGate(patterns: readonly RegExp[]): RegExp {
  const union = patterns.map((p) => `(?:${p.source})`).join('|');
  const first = firstChars(union);
  const flags = patterns.some((p) => p.flags.includes('i')) ? 'i' : '';
  return new RegExp(first ? `(?=${classOf(first)})(?:${union})` : union, flags);
}
