// segmentByEvidence: the same segments as the plain definition (each segment covered by the spans that
// cover it), in one sweep; at most MAX_SPANS_PER_FIELD spans a field.
import { describe, expect, it } from 'vitest';
import { MAX_SPANS_PER_FIELD, segmentByEvidence, type EvidenceSpans } from '../../src/server/highlight.ts';

/** The definition, quadratic: for each cut, every span is asked whether it covers it. */
function byDefinition(text: string, evidence: EvidenceSpans) {
  const spans: { field: string; start: number; end: number; n: number }[] = [];
  for (const [field, list] of Object.entries(evidence)) {
    (list ?? []).slice(0, MAX_SPANS_PER_FIELD).forEach(([s, e], n) => {
      const start = Math.max(0, Math.min(s, text.length));
      const end = Math.max(start, Math.min(e, text.length));
      if (end > start) spans.push({ field, start, end, n });
    });
  }
  const points = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  return points.slice(0, -1).map((start, i) => ({
    text: text.slice(start, points[i + 1]),
    start,
    fields: [...new Set(spans.filter((s) => s.start <= start && s.end >= points[i + 1]!).map((s) => s.field))],
    anchors: spans.filter((s) => s.start === start).map((s) => `ev-${s.field}-${s.n}`),
  }));
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
}

describe('segmentByEvidence', () => {
  it('agrees with the definition on overlapping, nested, empty and out-of-range spans', () => {
    const next = random(18);
    for (let round = 0; round < 300; round++) {
      const text = 'あいうえおかきくけこ'.repeat(1 + Math.floor(next() * 4));
      const evidence: Record<string, [number, number][]> = {};
      for (const field of ['organization', 'data_types', 'affected_count'].slice(0, 1 + Math.floor(next() * 3))) {
        evidence[field] = Array.from({ length: Math.floor(next() * 5) }, () => {
          const s = Math.floor(next() * (text.length + 6)) - 3;
          return [s, s + Math.floor(next() * 12) - 2] as [number, number];
        });
      }
      expect(segmentByEvidence(text, evidence), JSON.stringify(evidence)).toEqual(byDefinition(text, evidence));
    }
  });

  it('highlights at most MAX_SPANS_PER_FIELD spans of a field however many the record holds', () => {
    const text = '個人情報'.repeat(80_000);
    const evidence = { data_types: Array.from({ length: 80_000 }, (_, i) => [i * 4, i * 4 + 4] as [number, number]) };
    const segments = segmentByEvidence(text, evidence);
    expect(segments.filter((s) => s.fields.length > 0)).toHaveLength(MAX_SPANS_PER_FIELD);
    expect(segments.flatMap((s) => s.anchors)).toHaveLength(MAX_SPANS_PER_FIELD);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });
});
