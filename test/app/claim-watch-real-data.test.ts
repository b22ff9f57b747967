// The real trackers' files (../shared/vendor-data/leak-claims) served by a local server and polled: the
// casebook holds the same claims, read as Japanese the same way, as `claims import` of the same files
// makes; and a second poll is two 304s that add nothing.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCasebook } from '../../src/app/casebook.ts';
import { importClaimsFile, listClaims, type ClaimRow } from '../../src/app/claims.ts';
import { addClaimSource, runWatch } from '../../src/app/watch.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { localServer } from '../sources/local-server.ts';

const DATA = resolve('../shared/vendor-data/leak-claims');
const FILES = { '/posts.json': 'ransomwatch-posts-2023-01.json', '/v1/posts.json': 'ransomware-live-posts-2023-06.json' } as const;
const present = Object.values(FILES).every((f) => existsSync(join(DATA, f)));
const dir = tempDir();

/** What a claim is, whichever way it came in: not its id, when or from where it was imported. */
const essence = (c: ClaimRow) => [c.group, c.victim, c.domain, c.country, c.discovered, c.description, c.japanese?.why ?? null, c.japanese?.strength ?? null];

describe.skipIf(!present)('polling the real trackers\' files', () => {
  it('stores what claims import stores, and a second poll is a 304 that adds nothing', async () => {
    const server = await localServer();
    for (const [path, file] of Object.entries(FILES)) {
      const body = readFileSync(join(DATA, file));
      server.route(path, (req, res) => {
        if (req.headers['if-none-match'] === `"${file}"`) {
          res.writeHead(304, { ETag: `"${file}"` });
          res.end();
          return;
        }
        res.writeHead(200, { 'Content-Type': 'application/json', ETag: `"${file}"` });
        res.end(body);
      });
    }
    const polled = await openCasebook(join(dir, 'polled.db'));
    const imported = await openCasebook(join(dir, 'imported.db'));
    try {
      // One after the other, as the files are imported: the same claim in both is filled in by the second.
      await addClaimSource(polled.store, `${server.base}/posts.json`, { format: 'ransomwatch', allowPrivate: true });
      const first = await runWatch(polled);
      await addClaimSource(polled.store, `${server.base}/v1/posts.json`, { format: 'ransomware-live', allowPrivate: true });
      first.checked.push(...(await runWatch(polled)).checked);
      const files = await Promise.all(Object.values(FILES).map((f) => importClaimsFile(imported.store, join(DATA, f))));
      expect(first.checked.map((c) => [c.status, c.claims?.records, c.claims?.added, c.claims?.problems.length]))
        .toEqual(files.map((f) => ['changed', f.records, f.added, f.problems.length]));
      expect(files[1]!.added).toBeGreaterThan(6000);
      const [a, b] = [await listClaims(polled.store), await listClaims(imported.store)];
      expect(a.map(essence)).toEqual(b.map(essence));
      expect(a.filter((c) => c.japanese).length).toBeGreaterThan(20);

      const second = await runWatch(polled, { all: true });
      expect(second.checked.map((c) => c.status)).toEqual(['not_modified', 'not_modified']);
      expect((await polled.store.listClaims()).length).toBe(a.length);
    } finally {
      await polled.close();
      await imported.close();
    }
  }, 120_000);
});
