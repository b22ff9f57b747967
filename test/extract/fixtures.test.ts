// The labelled fictional notices of test/fixtures/notices: each .txt is run through extractDocument and
// every SPEC key of its record is checked against NN-name.expected.json, one `it` per key, so a failing
// run shows which fields the extractor gets wrong on which notice. Comparison follows the scorer:
// incident_types and data_types as sets without "other", organization after NFKC with whitespace removed,
// everything else exact.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RECORD_KEYS, type IncidentRecord } from '../../src/core/record.ts';
import { extractDocument, type Extraction } from '../../src/extract/extract.ts';
import { expectField, type Expected } from './compare-record.ts';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'notices');
const files = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();

it('has the labelled notices', () => {
  expect(files.length).toBeGreaterThanOrEqual(32);
});

for (const file of files) {
  const base = file.slice(0, -'.txt'.length);
  const text = readFileSync(join(DIR, file), 'utf8');
  const expected = JSON.parse(readFileSync(join(DIR, `${base}.expected.json`), 'utf8')) as Expected;

  describe(base, () => {
    let extractions: Extraction[] | undefined;
    let failure: unknown;
    try {
      extractions = extractDocument(text);
    } catch (err) {
      failure = err;
    }
    const record = (): IncidentRecord => {
      if (failure !== undefined) throw failure;
      const rec = extractions?.[0]?.record;
      if (!rec) throw new Error('no record extracted');
      return rec;
    };

    it('labels every SPEC key', () => {
      for (const key of RECORD_KEYS) expect(expected, key).toHaveProperty(key);
    });

    it('yields exactly one record', () => {
      if (failure !== undefined) throw failure;
      expect(extractions).toHaveLength(1);
    });

    for (const key of RECORD_KEYS) {
      const why = expected._why?.[key];
      it(why ? `${key} (${why})` : key, () => {
        expectField(key, record()[key], expected[key]);
      });
    }
  });
}
