// Cuts a notice's text into segments, each knowing which fields' evidence covers it, for highlighting.

export interface Segment {
  text: string;
  start: number;
  /** Fields whose evidence covers this segment (empty: plain text). */
  fields: string[];
  /** Anchors that start here: `ev-<field>-<n>` for the n-th span of that field. */
  anchors: string[];
}

export function segmentByEvidence(text: string, evidence: Partial<Record<string, readonly (readonly [number, number])[]>>): Segment[] {
  const spans: { field: string; start: number; end: number; n: number }[] = [];
  for (const [field, list] of Object.entries(evidence)) {
    (list ?? []).forEach(([s, e], n) => {
      const start = Math.max(0, Math.min(s, text.length));
      const end = Math.max(start, Math.min(e, text.length));
      if (end > start) spans.push({ field, start, end, n });
    });
  }
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const covering = spans.filter((s) => s.start <= start && s.end >= end);
    segments.push({
      text: text.slice(start, end),
      start,
      fields: [...new Set(covering.map((s) => s.field))],
      anchors: spans.filter((s) => s.start === start).map((s) => `ev-${s.field}-${s.n}`),
    });
  }
  return segments;
}
