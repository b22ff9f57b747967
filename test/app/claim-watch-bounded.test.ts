// A watched tracker's list is parsed in a decoding process under its memory limit, as a watched page
// is: a hostile list exhausts a reader, not the server, and the other trackers go on. The limit is set
// low for this file (read once, at the decoder's first use) so the bomb is small and quick.
process.env.JIKENBO_DECODE_MEMORY_MB = '96';

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCasebook } from '../../src/app/casebook.ts';
import { closeSharedDecoder } from '../../src/app/decoder.ts';
import { addClaimSource, runWatch } from '../../src/app/watch.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { localServer, send } from '../sources/local-server.ts';

const POSTS = readFileSync(resolve('test/fixtures/claims/watch/posts.json'), 'utf8');
const dir = tempDir();
afterAll(() => closeSharedDecoder());

describe('a hostile tracker', () => {
  it('exhausts a decoding process, not the server, and the other tracker goes on', async () => {
    const server = await localServer();
    // 12 MB of empty objects: four million of them, more than a reader of 96 MB holds once parsed.
    const bomb = `[${'{},'.repeat(4 * 1024 * 1024)}{}]`;
    server.route('/bomb.json', send(200, { 'Content-Type': 'application/json' }, bomb));
    server.route('/fine.json', send(200, { 'Content-Type': 'application/json' }, POSTS));
    const casebook = await openCasebook(join(dir, 'bomb.db'));
    try {
      await addClaimSource(casebook.store, `${server.base}/bomb.json`, { allowPrivate: true });
      await addClaimSource(casebook.store, `${server.base}/fine.json`, { format: 'ransomwatch', allowPrivate: true });
      const report = await runWatch(casebook);
      const byPath = (path: string) => report.checked.find((c) => c.source.url.endsWith(path))!;
      expect(byPath('/bomb.json')).toMatchObject({ status: 'failed', error: `${server.base}/bomb.json: needed more than the decoding memory limit of 96 MB` });
      expect(byPath('/bomb.json').source).toMatchObject({ lastStatus: 'failed', failures: 1 });
      expect(byPath('/fine.json')).toMatchObject({ status: 'changed', claims: { records: 2, added: 2 } });
      expect((await casebook.store.listClaims()).map((c) => c.victim)).toEqual(['shirasagi-foods.example', 'Blue Heron Marine Supply']);
    } finally {
      await casebook.close();
    }
  }, 120_000);
});
