// Finds the charset an HTML page declares: a byte-order mark, else <meta charset> or http-equiv Content-Type.

const SCAN_BYTES = 4096; // the HTML spec's prescan reads the first 1024 bytes; pages in the wild go further

/** The declared charset label (e.g. 'Shift_JIS', 'utf-8'), or null when the page declares none. */
export function htmlCharset(bytes: Uint8Array): string | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';

  // Markup is ASCII in every encoding jikenbo reads, so latin1 keeps its bytes one-to-one.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, SCAN_BYTES)).toString('latin1');
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct?.[1]) return direct[1];
  }
  return null;
}
