// The corpus generator: the same seed writes the same corpus, every format and encoding it claims decodes
// through the real loader, and every expected record carries every key of the labelled seeds.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_TYPES, DISCOVERY_CHANNELS, INCIDENT_TYPES, KINDS, SECTORS } from '../../src/core/record.ts';
import { loadDocument } from '../../src/sources/load-document.ts';
import { generateCorpus, type CorpusFile } from '../../scripts/gen-corpus/corpus.ts';
import { writeCorpus } from '../../scripts/gen-corpus/main.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { haveShared, sharedPath } from '../helpers/shared-data.ts';

const SEED_GOLD = sharedPath('eval/seed-gold.jsonl');

const corpus = (posts: number, seed: number): CorpusFile[] => [...generateCorpus({ posts, seed })];
const files = corpus(600, 42);
const records = files.flatMap((f) => f.records);

describe('gen-corpus', () => {
  it('writes the same corpus for the same seed and another for another seed', () => {
    const again = corpus(600, 42);
    expect(again.map((f) => f.name)).toEqual(files.map((f) => f.name));
    expect(again.map((f) => Buffer.from(f.bytes).toString('base64'))).toEqual(files.map((f) => Buffer.from(f.bytes).toString('base64')));
    expect(again.flatMap((f) => f.records)).toEqual(records);
    const other = corpus(600, 43);
    expect(other.map((f) => Buffer.from(f.bytes).toString('base64'))).not.toEqual(files.map((f) => Buffer.from(f.bytes).toString('base64')));
  });

  it('writes exactly the posts asked for, with every incident type and several posts per casebook page', () => {
    expect(records).toHaveLength(600);
    const types = new Set(records.flatMap((r) => r.incident_types));
    for (const t of INCIDENT_TYPES.filter((t) => t !== 'other')) expect(types, t).toContain(t);
    expect(files.some((f) => f.format === 'casebook' && f.records.length >= 3)).toBe(true);
    expect(records.some((r) => /第2報|調査結果のご報告/.test(r.header))).toBe(true);
    const years = new Set(records.map((r) => r.disclosure_date?.slice(0, 4)).filter(Boolean));
    expect(years.size).toBe(10);
  });

  it.skipIf(!haveShared('the generated corpus against the seed labels', SEED_GOLD))('gives every expected record every key of the labelled seeds, with values from the SPEC', () => {
    const goldKeys = Object.keys(JSON.parse(readFileSync(SEED_GOLD, 'utf8').split('\n')[0]!) as object);
    for (const r of records) {
      expect(Object.keys(r).sort()).toEqual([...goldKeys].sort());
      expect(KINDS).toContain(r.kind);
      for (const t of r.incident_types) expect(INCIDENT_TYPES).toContain(t);
      for (const d of r.data_types) expect(DATA_TYPES).toContain(d);
      if (r.sector !== null) expect(SECTORS).toContain(r.sector);
      if (r.discovery !== null) expect(DISCOVERY_CHANNELS).toContain(r.discovery);
      for (const d of [r.disclosure_date, r.occurred_date, r.discovered_date]) if (d !== null) expect(d).toMatch(/^20(1[5-9]|2[0-5])-\d\d-\d\d$/);
      if (r.occurred_date && r.discovered_date) expect(r.occurred_date <= r.discovered_date).toBe(true);
      if (r.affected_count !== null) expect(Number.isInteger(r.affected_count) && r.affected_count > 0).toBe(true);
    }
  });

  it('writes text, HTML and PDF in UTF-8, UTF-8 with BOM, Shift_JIS and EUC-JP that the loader decodes', async () => {
    const seen = new Set<string>();
    for (const f of files) {
      const key = `${f.format}/${f.encoding ?? 'pdf'}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const doc = await loadDocument(f.name, f.bytes);
      expect(doc.mediaType, key).toBe(f.format === 'pdf' ? 'application/pdf' : f.format === 'html' ? 'text/html' : 'text/plain');
      if (f.encoding) expect(doc.encoding, key).toBe({ 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 (BOM)', shift_jis: 'Shift_JIS', 'euc-jp': 'EUC-JP' }[f.encoding]);
      // The decoded text states what the record says: the organisation, and each casebook header whole.
      const text = doc.text.normalize('NFKC').replace(/\s+/g, '');
      for (const r of f.records) {
        if (r.organization) expect(text, key).toContain(r.organization.normalize('NFKC').replace(/\s+/g, ''));
        if (f.format === 'casebook') expect(doc.text, key).toContain(r.header);
      }
    }
    for (const k of ['text/utf-8', 'text/utf-8-bom', 'text/shift_jis', 'text/euc-jp', 'html/utf-8', 'html/shift_jis', 'pdf/pdf', 'casebook/utf-8']) expect(seen, k).toContain(k);
  }, 60_000);

  it('streams the corpus to a folder with expected.jsonl and a manifest', async () => {
    const dir = tempDir();
    const m = await writeCorpus({ posts: 120, out: dir, seed: 9 });
    const lines = readFileSync(join(dir, 'expected.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(120);
    expect(m.posts).toBe(120);
    const names = readdirSync(dir);
    for (const line of lines) expect(names).toContain((JSON.parse(line) as { file: string }).file);
    expect(names.filter((n) => /\.(txt|html|pdf)$/.test(n))).toHaveLength(m.files);
  });
});
