// `jikenbo import --format veris` on real VCDB files: valid ones of their own version are imported,
// an invalid one is refused on stderr naming the file, the field (JSON pointer) and its version's rule.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jikenbo } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const VCDB = '../shared/vendor-data/vcdb/validated';

describe('jikenbo import --format veris', () => {
  const dir = tempDir();

  it('imports VCDB 1.3.7 and 1.3.5 files as they are and names the field and rule of a refused one', async () => {
    const inbox = join(dir, 'in');
    mkdirSync(inbox);
    // summary "" (1.3.7 allows it), a 1.3.5 file, the one with an impossible notification date.
    copyFileSync(join(VCDB, '0001AA7F-C601-424A-B2B8-BE6C9F5164E7.json'), join(inbox, 'a.json'));
    copyFileSync(join(VCDB, 'aa891e78-c25b-4df3-8d31-874e27b7c778.json'), join(inbox, 'b.json'));
    const empty = JSON.parse(readFileSync(join(VCDB, '0001AA7F-C601-424A-B2B8-BE6C9F5164E7.json'), 'utf8'));
    writeFileSync(join(inbox, 'c.json'), JSON.stringify({ ...empty, incident_id: 'c', summary: '' }));
    writeFileSync(join(inbox, 'd.json'), JSON.stringify({ ...empty, incident_id: 'd', schema_version: '1.3.5' }));
    // Invalid in 1.3.7: 'AitM' is a 1.4.0 value.
    writeFileSync(join(inbox, 'e.json'), JSON.stringify({ ...empty, incident_id: 'e', action: { hacking: { variety: ['AitM'], vector: ['Web application'] } } }));

    const r = await jikenbo(['import', '--format', 'veris', inbox, '--db', join(dir, 'cli.db')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^5 files, 4 incidents imported, 0 duplicates \(already stored\), 1 not valid$/m);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`failed: ${join(inbox, 'e.json')}: /action/hacking/variety/0 is not one of the allowed values \\(.*\\) \\(VERIS 1\\.3\\.7\\)$`)),
    ]);
  }, 60_000);
});
