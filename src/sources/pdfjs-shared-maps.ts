// Lets pdf.js keep the maps it builds for a non-embedded CID font (a notice set in MS-Mincho with
// UniJIS-UCS2-H) from one document to the next in this process. pdf.js rebuilds them for every document:
// the Unicode map of the font's CMap and the character map of the system font standing in for it, about
// 20,000 entries each, half of the time of reading such a PDF. It has no option for this: a custom
// CMapReaderFactory only saves the reading of the CMap files, and its caches live and die with one
// document (pdf.js issue 4794, pull request 8064). So pdf.worker.mjs is loaded with three small edits,
// each applied only where its text is found exactly once (a pdf.js upgrade that moves them loads the
// file unchanged, as slow as before but as correct, and a test says so).
//
// What is shared depends only on names pdf.js knows: a built-in CMap (`UniJIS-UCS2-H`) and the
// registry and ordering of the font's character collection (`Adobe-Japan1`), for which pdf.js itself
// loads a built-in CMap (`Adobe-Japan1-UCS2`). Nothing read from the document's bytes other than those
// names goes into a shared map. The maps are shared, not copied: they are sparse arrays whose length
// runs to billions (a copy by slice() walks all of it), and pdf.js only reads them once built, but for
// ToUnicodeMap.amend, which is made to copy a shared map before it writes.

/** The maps shared between documents, keyed by `cMap name|registry|ordering`. */
export interface SharedPdfMaps {
  toUnicode: Map<string, unknown[]>;
  fontChar: Map<string, unknown[]>;
  /** Built-in CMaps (the font's encoding, `UniJIS-UCS2-H`) by name, as pdf.js's promise of each. */
  cMaps: Map<string, Promise<unknown>>;
}

/** Names that pdf.js accepts are few (about 180 built-in CMaps); this bound only caps memory. */
const MAX_ENTRIES = 32;
const GLOBAL = '__jikenboPdfMaps';

interface Edit {
  name: string;
  find: string;
  replace: string;
}

// The code inserted uses only what pdf.js has in scope at that point, and globalThis[GLOBAL].
const EDITS: Edit[] = [
  {
    // A built-in CMap is read from its packed file and built entry by entry (6-7 ms for UniJIS-UCS2-H)
    // for every font that names it. pdf.js writes to a CMap only while building it (BinaryCMapReader,
    // extendCMap, which reads the CMap it extends), so a built one is shared as it is. A CMap that failed
    // to load is not kept: the next document asks again.
    name: 'reuse a built-in CMap',
    find: `async function createBuiltInCMap(name, fetchBuiltInCMap) {
  if (name === "Identity-H") {`,
    replace: `async function createBuiltInCMap(name, fetchBuiltInCMap) {
  const jikenboCMaps = globalThis.${GLOBAL}?.cMaps;
  if (!jikenboCMaps || !BUILT_IN_CMAPS.includes(name)) return jikenboCreateBuiltInCMap(name, fetchBuiltInCMap);
  let jikenboFound = jikenboCMaps.get(name);
  if (jikenboFound === undefined) {
    jikenboFound = jikenboCreateBuiltInCMap(name, fetchBuiltInCMap);
    if (jikenboCMaps.size < ${MAX_ENTRIES}) {
      jikenboCMaps.set(name, jikenboFound);
      jikenboFound.catch(() => jikenboCMaps.delete(name));
    }
  }
  return jikenboFound;
}
async function jikenboCreateBuiltInCMap(name, fetchBuiltInCMap) {
  if (name === "Identity-H") {`,
  },
  {
    name: 'reuse the Unicode map of a built-in CMap',
    find: 'const ucs2CMapName = Name.get(`${registry}-${ordering}-UCS2`);',
    replace: `const jikenboKey = properties.cMap.builtInCMap && typeof properties.cidEncoding === "string" && properties.cidEncoding !== ""
        ? \`\${properties.cidEncoding}|\${registry}|\${ordering}\` : null;
      const jikenboShared = jikenboKey === null ? undefined : globalThis.${GLOBAL}?.toUnicode.get(jikenboKey);
      if (jikenboShared) {
        const shared = new ToUnicodeMap(jikenboShared);
        shared.jikenboKey = jikenboKey;
        return shared;
      }
      const ucs2CMapName = Name.get(\`\${registry}-\${ordering}-UCS2\`);`,
  },
  {
    name: 'keep the Unicode map of a built-in CMap',
    find: `          toUnicode[charcode] = String.fromCharCode(...buf);
        }
      });
      return new ToUnicodeMap(toUnicode);`,
    replace: `          toUnicode[charcode] = String.fromCharCode(...buf);
        }
      });
      const built = new ToUnicodeMap(toUnicode);
      const jikenboMaps = globalThis.${GLOBAL};
      if (jikenboKey !== null && jikenboMaps && jikenboMaps.toUnicode.size < ${MAX_ENTRIES}) {
        jikenboMaps.toUnicode.set(jikenboKey, toUnicode);
        built.jikenboKey = jikenboKey;
      }
      return built;`,
  },
  {
    name: 'a shared map is copied before it is amended',
    find: `  amend(map) {
    for (const charCode in map) {
      this._map[charCode] = map[charCode];`,
    replace: `  amend(map) {
    if (this.jikenboKey !== undefined) {
      const own = [];
      for (const charCode in this._map) own[charCode] = this._map[charCode];
      this._map = own;
      delete this.jikenboKey;
    }
    for (const charCode in map) {
      this._map[charCode] = map[charCode];`,
  },
  {
    name: 'reuse the character map of the system font that stands in for a composite font',
    find: `    } else {
      const glyphsUnicodeMap = getGlyphsUnicode();
      const map = [];
      this.toUnicode.forEach((charCode, unicodeCharCode) => {`,
    replace: `    } else if (this.composite && this.toUnicode.jikenboKey !== undefined && globalThis.${GLOBAL}?.fontChar.has(this.toUnicode.jikenboKey)) {
      this.toFontChar = globalThis.${GLOBAL}.fontChar.get(this.toUnicode.jikenboKey);
    } else {
      const jikenboKey = this.composite && !(this.toUnicode instanceof IdentityToUnicodeMap) ? this.toUnicode.jikenboKey : undefined;
      const glyphsUnicodeMap = getGlyphsUnicode();
      const map = [];
      this.toUnicode.forEach((charCode, unicodeCharCode) => {`,
  },
  {
    name: 'keep the character map of the system font that stands in for a composite font',
    find: `        if (/Tahoma|Verdana/i.test(name)) {
          applyStandardFontGlyphMap(map, getGlyphMapForStandardFonts());
        }
      }
      this.toFontChar = map;`,
    replace: `        if (/Tahoma|Verdana/i.test(name)) {
          applyStandardFontGlyphMap(map, getGlyphMapForStandardFonts());
        }
      }
      if (jikenboKey !== undefined && globalThis.${GLOBAL} && globalThis.${GLOBAL}.fontChar.size < ${MAX_ENTRIES}) {
        globalThis.${GLOBAL}.fontChar.set(jikenboKey, map);
      }
      this.toFontChar = map;`,
  },
];

export interface PatchedWorker {
  source: string;
  /** The edits that were not applied (their text is not found exactly once): empty when all were. */
  missing: string[];
}

/**
 * pdf.worker.mjs with the edits, or unchanged when any of them does not apply: the edits depend on
 * each other (a key set by one is read by the next), so they go in all together or not at all.
 */
export function patchPdfWorker(source: string): PatchedWorker {
  const missing = EDITS.filter(({ find }) => countOf(source, find) !== 1).map((e) => e.name);
  if (missing.length > 0) return { source, missing };
  let patched = source;
  for (const { find, replace } of EDITS) patched = patched.replace(find, () => replace);
  return { source: patched, missing };
}

/** The maps of this process (created on first use); what the edited pdf.js reads and fills. */
export function sharedPdfMaps(): SharedPdfMaps {
  const holder = globalThis as unknown as Record<string, SharedPdfMaps | undefined>;
  holder[GLOBAL] ??= { toUnicode: new Map(), fontChar: new Map(), cMaps: new Map() };
  return holder[GLOBAL];
}

function countOf(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + part.length)) count++;
  return count;
}
