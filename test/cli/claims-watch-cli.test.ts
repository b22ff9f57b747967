// `jikenbo claims watch add|list|remove` and the trackers' polls in `jikenbo watch run`, as a person
// runs them against a tracker on a local server.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { jikenbo } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { localServer, type LocalServer } from '../sources/local-server.ts';

const FIRST = readFileSync(resolve('test/fixtures/claims/watch/recentvictims-1.json'), 'utf8');

describe('jikenbo claims watch', () => {
  const dir = tempDir();
  const db = join(dir, 'cli.db');
  let server: LocalServer;
  let body = FIRST;

  beforeAll(async () => {
    server = await localServer();
    server.route('/v2/recentvictims', (req, res) => {
      const etag = body === FIRST ? '"one"' : '"two"';
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { ETag: etag });
        res.end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json', ETag: etag });
      res.end(body);
    });
  });

  it('adds, lists, polls through watch run, reports a broken body, and removes a tracker', async () => {
    const url = `${server.base}/v2/recentvictims`;
    expect((await jikenbo(['init', '--db', db])).code).toBe(0);
    const refused = await jikenbo(['claims', 'watch', 'add', url, '--db', db]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/127\.0\.0\.1 is loopback \(use --allow-private/);

    const badFormat = await jikenbo(['claims', 'watch', 'add', url, '--format', 'darkfeed', '--allow-private', '--db', db]);
    expect(badFormat.code).not.toBe(0);
    expect(badFormat.stderr).toMatch(/--format.*expected one of auto, ransomwatch, ransomware-live/);

    const added = await jikenbo(['claims', 'watch', 'add', url, '--every', '2h', '--format', 'ransomware-live', '--allow-private', '--db', db]);
    expect(added.stderr).toBe('');
    expect(added.stdout).toBe(`watching ${url} for leak-site claims (ransomware-live) every 2h (source 1); next check 1970-01-01T00:00:00.000Z\n`);

    const before = await jikenbo(['claims', 'watch', 'list', '--db', db]);
    expect(before.stdout).toMatch(new RegExp(`^1\\t${url}\\transomware-live\\tevery 2h\\tnext 1970-01-01T00:00:00.000Z\\tnot checked yet; 0 in all\\n$`));

    const run = await jikenbo(['watch', 'run', '--db', db]);
    expect(run.stdout).toContain(`${url}: 3 claim records, 3 new claims, 0 already stored, 0 unreadable`);
    expect(run.code).toBe(0);
    const again = await jikenbo(['watch', 'run', '--all', '--db', db]);
    expect(again.stdout).toContain(`${url}: not modified`);

    const listed = JSON.parse((await jikenbo(['claims', 'watch', 'list', '--json', '--db', db])).stdout) as Array<Record<string, unknown>>;
    expect(listed).toEqual([expect.objectContaining({ id: 1, url, kind: 'claims', claimFormat: 'ransomware-live', lastStatus: 'not_modified', lastAdded: 0, totalAdded: 3, etag: '"one"' })]);
    expect((await jikenbo(['claims', 'list', '--country', 'jp', '--db', db])).stdout).toMatch(/Tsukimi Kogyo/);
    // `watch list` shows every source watch run checks, the tracker marked as one.
    expect((await jikenbo(['watch', 'list', '--db', db])).stdout).toContain('claims (ransomware-live; jikenbo claims watch list)');

    body = '{"error": "too many requests"}';
    const broken = await jikenbo(['watch', 'run', '--all', '--db', db]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(new RegExp(`${url}: failed \\(1 in a row, next try .*\\): ${url}: expected a JSON array of claims`));
    const after = await jikenbo(['claims', 'watch', 'list', '--db', db]);
    expect(after.stdout).toMatch(/last checked [^:]+:\d\d:\d\d\.\d+Z: failed, 0 claims added; 3 in all\tFAILING \(1 in a row\): .*expected a JSON array of claims/);
    expect((await jikenbo(['claims', 'list', '--db', db])).stdout.trim().split('\n')).toHaveLength(3);

    const wrong = await jikenbo(['claims', 'watch', 'remove', '99', '--db', db]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('no watched claims source 99 (jikenbo claims watch list shows them)');
    const removed = await jikenbo(['claims', 'watch', 'remove', url, '--db', db]);
    expect(removed.stdout).toBe(`no longer watching ${url} for claims (source 1); the 3 claims it brought stay\n`);
    expect((await jikenbo(['claims', 'watch', 'list', '--db', db])).stdout).toBe('no watched claims sources (jikenbo claims watch add URL)\n');
    expect((await jikenbo(['claims', 'list', '--db', db])).stdout.trim().split('\n')).toHaveLength(3);
  }, 120_000);
});
