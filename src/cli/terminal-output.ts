// Everything the CLI prints goes through one guard: the control characters a terminal acts on become
// visible escapes, so a notice title, a file name or a sign-in name cannot retitle, clear or rewrite
// the terminal, nor reorder what is shown around it (bidi overrides).

/**
 * C0 but tab and newline (CR too: it can hide a line under the next), DEL, C1 (U+009B is a CSI on
 * some terminals), and the bidi embeddings, overrides and isolates U+202A–U+202E, U+2066–U+2069.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Each control character as `\uXXXX`: visible on a terminal, and inside JSON (`--json`, `--jsonl`)
 * the very escape JSON.parse reads back as the same character, so JSON output stays exact.
 */
export function escapeForTerminal(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

type Write = NodeJS.WriteStream['write'];
const originals = new WeakMap<NodeJS.WriteStream, Write>();

/**
 * Makes every string written to the streams (and so console.log, the error line, every command)
 * pass through escapeForTerminal. Idempotent. Bytes written as a Buffer pass unchanged: the CLI
 * prints text as strings; exact bytes go to files (`--out`).
 */
export function guardTerminalOutput(streams: NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    if (originals.has(stream)) continue;
    const write = stream.write.bind(stream) as Write;
    originals.set(stream, write);
    stream.write = ((chunk: unknown, ...rest: unknown[]) =>
      (write as (c: unknown, ...r: unknown[]) => boolean)(typeof chunk === 'string' ? escapeForTerminal(chunk) : chunk, ...rest)) as Write;
  }
}

/**
 * The stream as jikenbo's own terminal code must reach it: the progress bar's cursor moves and the
 * search's bold marks. What goes through it must already be escaped (render.ts does, for the marks).
 */
export function unguarded(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  const write = originals.get(stream);
  if (!write) return stream;
  return new Proxy(stream, {
    get: (target, key) => {
      if (key === 'write') return write;
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
