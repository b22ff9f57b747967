// A download's Content-Disposition, named after the original file or URL: a plain ASCII `filename`
// for old clients and RFC 5987/6266 `filename*=UTF-8''…` for the real (often Japanese) name. Nothing
// from the name can end the header or start another: control characters, quotes, backslashes and
// slashes are dropped before either form is written, and filename* is percent-encoded.

const UNSAFE = /[\u0000-\u001f\u007f-\u009f"\\/\u202a-\u202e\u2066-\u2069]/g;
const MAX_NAME = 150;

/** `https://example.jp/news/お詫び.pdf?x=1` → `お詫び.pdf`; `/data/notices/a.txt` → `a.txt`; null when nothing is left. */
export function originalName(source: string): string | null {
  let name: string | undefined;
  if (/^https?:\/\//i.test(source)) {
    try {
      const url = new URL(source);
      const segment = url.pathname.split('/').filter(Boolean).at(-1);
      name = segment ? safeDecode(segment) : url.hostname;
    } catch {
      name = undefined;
    }
  } else {
    name = source.split(/[/\\]/).filter(Boolean).at(-1);
  }
  const cleaned = (name ?? '').normalize('NFC').replace(UNSAFE, '').trim().replace(/^\.+/, '');
  return cleaned ? [...cleaned].slice(-MAX_NAME).join('') : null;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** RFC 5987 attr-char: ALPHA / DIGIT / "!#$&+-.^_`|~"; everything else percent-encoded as UTF-8. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `attachment; filename="o.pdf"; filename*=UTF-8''%E3%81%8A.pdf`: the original's name with `ext` when it has
 * no extension of its own, or `fallback.ext` when the source gives no usable name.
 */
export function attachmentDisposition(source: string, ext: string, fallback: string): string {
  const base = originalName(source) ?? fallback;
  const name = /\.[A-Za-z0-9]{1,5}$/.test(base) ? base : `${base}.${ext}`;
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/[;%]/g, '_');
  const plain = /[A-Za-z0-9]/.test(ascii.replace(/\.[A-Za-z0-9]+$/, '')) ? ascii : `${fallback}.${ext}`;
  return `attachment; filename="${plain}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}
