// Turns the bytes of a text file into a string: finds the Japanese or Unicode encoding, refuses binary.
import { JikenboError } from '../core/errors.ts';

export interface DecodedText {
  text: string;
  /** Canonical name: 'UTF-8', 'UTF-8 (BOM)', 'UTF-16LE', 'UTF-16BE', 'Shift_JIS', 'EUC-JP', 'ISO-2022-JP'. */
  encoding: string;
}

export interface DecodeOptions {
  /** The file or URL the bytes came from; named in every error. */
  source?: string;
  /** A charset the bytes declare (HTML <meta>, HTTP Content-Type); tried before detection. */
  charset?: string;
}

/** WHATWG decoder name → canonical name. 'shift_jis' is windows-31j (CP932), so ①, ㈱ and 髙 decode. */
const CANONICAL: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  shift_jis: 'Shift_JIS',
  'euc-jp': 'EUC-JP',
  'iso-2022-jp': 'ISO-2022-JP',
};

// More than this share of U+FFFD or stray control characters means the bytes are not text.
const MAX_BAD_RATIO = 0.01;

export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  const source = options.source ?? '(input)';
  const bom = decodeWithBom(bytes);
  if (bom) return finish(bom, source);

  if (bytes.includes(0)) notText(source, 'contains NUL bytes (a binary file?)');

  if (isIso2022Jp(bytes)) return finish(decodeAs(bytes, 'iso-2022-jp'), source);

  // Valid UTF-8 wins over any declaration: a stray mislabelled <meta> is far likelier than
  // Shift_JIS or EUC-JP bytes that happen to form valid UTF-8.
  const utf8 = tryFatal(bytes, 'utf-8');
  if (utf8 !== null) return finish({ text: utf8, encoding: 'UTF-8' }, source);

  // A declared UTF-16 without a BOM is treated as absent, as the HTML spec does for <meta>.
  const declared = options.charset ? whatwgName(options.charset) : null;
  if (declared && declared !== 'utf-8' && !declared.startsWith('utf-16')) {
    const text = tryFatal(bytes, declared);
    if (text !== null) return finish({ text, encoding: CANONICAL[declared] ?? declared }, source);
  }

  return finish(detectJapanese(bytes), source, true);
}

/** The WHATWG name of a charset label when jikenbo reads that encoding, else null. */
export function whatwgName(label: string): string | null {
  try {
    const name = new TextDecoder(label.trim()).encoding;
    return name in CANONICAL ? name : null;
  } catch {
    return null;
  }
}

function decodeWithBom(bytes: Uint8Array): DecodedText | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) {
    return { text: decodeLossy(bytes.subarray(3), 'utf-8'), encoding: 'UTF-8 (BOM)' };
  }
  if (a === 0xff && b === 0xfe) return { text: decodeLossy(bytes.subarray(2), 'utf-16le'), encoding: 'UTF-16LE' };
  if (a === 0xfe && b === 0xff) return { text: decodeLossy(bytes.subarray(2), 'utf-16be'), encoding: 'UTF-16BE' };
  return null;
}

/** 7-bit bytes with a JIS escape (ESC $ @, ESC $ B, ESC ( J, ESC ( I) are ISO-2022-JP. */
function isIso2022Jp(bytes: Uint8Array): boolean {
  let escape = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte >= 0x80) return false;
    if (byte === 0x1b) {
      const next = bytes[i + 1];
      const last = bytes[i + 2];
      if ((next === 0x24 && (last === 0x40 || last === 0x42)) || (next === 0x28 && (last === 0x4a || last === 0x49))) {
        escape = true;
      }
    }
  }
  return escape;
}

/**
 * Shift_JIS or EUC-JP: the fewest undecodable bytes wins; on a tie, the reading with more kana and
 * fewer half-width katakana (EUC-JP bytes read as Shift_JIS come out as half-width kana) wins.
 */
function detectJapanese(bytes: Uint8Array): DecodedText {
  const candidates = (['shift_jis', 'euc-jp', 'utf-8'] as const).map((name) => {
    const text = decodeLossy(bytes, name);
    return { name, text, bad: countReplacements(text), score: japaneseScore(text) };
  });
  candidates.sort((x, y) => x.bad - y.bad || y.score - x.score);
  const best = candidates[0]!;
  return { text: best.text, encoding: CANONICAL[best.name]! };
}

function japaneseScore(text: string): number {
  let score = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x3040 && c <= 0x30ff) score += 2; // hiragana, katakana
    else if (c >= 0x3000 && c <= 0x303f) score += 1; // 、。「」
    else if (c >= 0x4e00 && c <= 0x9fff) score += 1;
    else if (c >= 0xff61 && c <= 0xff9f) score -= 2; // half-width katakana
    else if (c >= 0x80 && c < 0x3000) score -= 1;
  }
  return score;
}

/** `detected`: the encoding is the closest guess, not one the bytes declared or marked. */
function finish(decoded: DecodedText, source: string, detected = false): DecodedText {
  const { text } = decoded;
  const length = Math.max(text.length, 1);
  const bad = countReplacements(text);
  if (bad / length > MAX_BAD_RATIO) {
    notText(
      source,
      detected
        ? `invalid byte sequences in UTF-8, Shift_JIS and EUC-JP alike (${bad} of ${text.length} characters undecodable even as ${decoded.encoding}, the closest)`
        : `invalid byte sequences: ${bad} of ${text.length} characters do not decode as ${decoded.encoding}`,
    );
  }
  const controls = countControls(text);
  if (controls / length > MAX_BAD_RATIO) notText(source, `${controls} control characters (a binary file?)`);
  return { text: text.replace(/\r\n?/g, '\n'), encoding: decoded.encoding };
}

function notText(source: string, why: string): never {
  throw new JikenboError('bad_input', `${source}: not text: ${why}`, { subject: source });
}

function decodeAs(bytes: Uint8Array, name: string): DecodedText {
  return { text: decodeLossy(bytes, name), encoding: CANONICAL[name] ?? name };
}

function tryFatal(bytes: Uint8Array, name: string): string | null {
  try {
    return new TextDecoder(name, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeLossy(bytes: Uint8Array, name: string): string {
  return new TextDecoder(name, { ignoreBOM: true }).decode(bytes);
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** C0 controls other than tab, newlines, form feed and ESC; DEL. */
function countControls(text: string): number {
  const matches = text.match(/[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]/g);
  return matches ? matches.length : 0;
}
