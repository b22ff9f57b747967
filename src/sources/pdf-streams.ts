// Measures what a PDF's compressed streams inflate to before pdf.js reads any: a 2 MB file can hold a
// FlateDecode stream of gigabytes (a "PDF bomb"), and pdf.js keeps a stream's whole output in memory.
// Each stream is inflated here in small chunks that are counted and dropped, within one budget for the
// whole file. Streams under other filters are left to the decoding process's memory limit.
import { createInflate, constants } from 'node:zlib';

const STREAM = /(?:^|[^a-zA-Z])stream\r?\n/g;
/** How far back from `stream` the stream's dictionary may start. */
const DICT_WINDOW = 4096;

/**
 * Bytes all FlateDecode streams inflate to, counted up to `budget`: returns the total when it fits,
 * or null as soon as it would pass the budget (the rest is not inflated).
 */
export async function inflatedSize(bytes: Uint8Array, budget: number): Promise<number | null> {
  const pdf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = pdf.toString('latin1');
  let total = 0;
  for (const m of text.matchAll(STREAM)) {
    const start = m.index + m[0].length;
    const dict = text.slice(Math.max(0, m.index - DICT_WINDOW), m.index);
    const open = dict.lastIndexOf('obj');
    const filters = flateLayers(open >= 0 ? dict.slice(open) : dict);
    if (filters === 0) continue;
    let end = text.indexOf('endstream', start);
    if (end < 0) end = text.length;
    const counted = await inflateCount(pdf.subarray(start, end), filters, budget - total);
    if (counted === null) return null;
    total += counted;
  }
  return total;
}

/** How many FlateDecode filters a stream dictionary chains, when they are all its filters; else 0. */
function flateLayers(dict: string): number {
  const filter = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict)?.[1];
  if (!filter) return 0;
  const names = filter.match(/\/[A-Za-z0-9]+/g) ?? [];
  return names.length > 0 && names.every((n) => n === '/FlateDecode' || n === '/Fl') ? names.length : 0;
}

/** The inflated size of `data` through `layers` inflaters, or null past `budget`; damaged data counts what inflated. */
function inflateCount(data: Buffer, layers: number, budget: number): Promise<number | null> {
  return new Promise((resolve) => {
    const chain = Array.from({ length: layers }, () => createInflate({ finishFlush: constants.Z_SYNC_FLUSH }));
    for (let i = 0; i + 1 < chain.length; i++) chain[i]!.pipe(chain[i + 1]!);
    const last = chain[chain.length - 1]!;
    let count = 0;
    let settled = false;
    const settle = (value: number | null) => {
      if (settled) return;
      settled = true;
      for (const z of chain) z.destroy();
      resolve(value);
    };
    last.on('data', (chunk: Buffer) => {
      count += chunk.length;
      if (count > budget) settle(null);
    });
    last.on('end', () => settle(count));
    // pdf.js reads what inflates before the damage; so is it counted.
    for (const z of chain) z.on('error', () => settle(count));
    chain[0]!.end(data);
  });
}
