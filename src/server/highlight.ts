// Cuts a notice's text into segments, each knowing which fields' evidence covers it, for highlighting.

export interface Segment {
  text: string;
  start: number;
  /** Fields whose evidence covers this segment (empty: plain text). */
  fields: string[];
  /** Anchors that start here: `ev-<field>-<n>` for the n-th span of that field. */
  anchors: string[];
}

export type EvidenceSpans = Partial<Record<string, readonly (readonly [number, number])[]>>;

/**
 * Spans highlighted per field: a value is read from a handful of passages, so more than this means
 * hostile or degenerate text (one word repeated 80,000 times), and a page stays bounded whatever it holds.
 */
export const MAX_SPANS_PER_FIELD = 100;

/** The spans of one field that a page of `textLength` characters shows, by their index in the record. */
export function shownSpans(textLength: number, list: readonly (readonly [number, number])[] | undefined): { start: number; end: number; n: number }[] {
  const out: { start: number; end: number; n: number }[] = [];
  const count = Math.min(list?.length ?? 0, MAX_SPANS_PER_FIELD);
  for (let n = 0; n < count; n++) {
    const [s, e] = list![n]!;
    const start = Math.max(0, Math.min(s, textLength));
    const end = Math.max(start, Math.min(e, textLength));
    if (end > start) out.push({ start, end, n });
  }
  return out;
}

/**
 * One sweep over the cut points, the fields open at each counted: linear in the spans and the text
 * (a segment used to look through every span, which took seconds on a long notice).
 */
export function segmentByEvidence(text: string, evidence: EvidenceSpans): Segment[] {
  const fields = Object.keys(evidence);
  const starting = new Map<number, string[]>();
  const open = new Map<string, number>(fields.map((f) => [f, 0]));
  const delta = new Map<number, Map<string, number>>();
  const shift = (at: number, field: string, by: number) => {
    const m = delta.get(at) ?? delta.set(at, new Map()).get(at)!;
    m.set(field, (m.get(field) ?? 0) + by);
  };
  for (const field of fields) {
    for (const { start, end, n } of shownSpans(text.length, evidence[field])) {
      shift(start, field, 1);
      shift(end, field, -1);
      (starting.get(start) ?? starting.set(start, []).get(start)!).push(`ev-${field}-${n}`);
    }
  }
  const points = [...new Set([0, text.length, ...delta.keys()])].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    for (const [field, by] of delta.get(start) ?? []) open.set(field, open.get(field)! + by);
    segments.push({
      text: text.slice(start, end),
      start,
      fields: fields.filter((f) => open.get(f)! > 0),
      anchors: starting.get(start) ?? [],
    });
  }
  return segments;
}
