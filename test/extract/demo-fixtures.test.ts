// The 16 demo notices of demo/notices (another writer; UTF-8, BOM, Shift_JIS, EUC-JP, HTML, PDF), each read
// through loadDocument as ingest reads it and checked field by field against
// test/fixtures/demo-expected/<file>.expected.json, one `it` per SPEC key.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RECORD_KEYS, type IncidentRecord } from '../../src/core/record.ts';
import { extractDocument } from '../../src/extract/extract.ts';
import { loadDocument } from '../../src/sources/load-document.ts';
import { expectField, type Expected } from './compare-record.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEMO = join(ROOT, 'demo', 'notices');
const EXPECTED = join(ROOT, 'test', 'fixtures', 'demo-expected');

const files = readdirSync(DEMO).filter((f) => /\.(txt|html|pdf)$/.test(f)).sort();

it('has a label for every demo notice', () => {
  expect(files.length).toBe(16);
  for (const file of files) expect(readdirSync(EXPECTED)).toContain(`${file}.expected.json`);
});

for (const file of files) {
  const expected = JSON.parse(readFileSync(join(EXPECTED, `${file}.expected.json`), 'utf8')) as Expected;
  let records: IncidentRecord[] = [];
  let failure: unknown;
  try {
    const doc = await loadDocument(join(DEMO, file), readFileSync(join(DEMO, file)));
    records = extractDocument(doc.text).map((x) => x.record);
  } catch (err) {
    failure = err;
  }

  describe(file, () => {
    it('yields exactly one record', () => {
      if (failure !== undefined) throw failure;
      expect(records).toHaveLength(1);
    });
    for (const key of RECORD_KEYS) {
      const why = expected._why?.[key];
      it(why ? `${key} (${why})` : key, () => {
        if (failure !== undefined) throw failure;
        expectField(key, records[0]?.[key], expected[key]);
      });
    }
  });
}
