// `jikenbo watch run` checks the watched sources only when no server or other run of the same
// casebook does: it takes the watch lease for the run, refuses by name while another holds it, and
// lets go of it afterwards.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCasebook } from '../../src/app/casebook.ts';
import { WATCH_LEASE } from '../../src/app/watch.ts';
import { jikenbo } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe('jikenbo watch run and the watch lease', () => {
  const dir = tempDir();

  it('refuses while a server holds the lease, naming it, and runs once it is let go', async () => {
    const db = join(dir, 'lease.db');
    const casebook = await openCasebook(db);
    try {
      expect((await casebook.store.takeLease(WATCH_LEASE, 'server-a:123', 60_000)).held).toBe(true);
      const refused = await jikenbo(['watch', 'run', '--db', db]);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain('server-a:123 is checking the watched sources');

      await casebook.store.releaseLease(WATCH_LEASE, 'server-a:123');
      const ran = await jikenbo(['watch', 'run', '--db', db]);
      expect(ran.stderr).toBe('');
      expect(ran.stdout).toContain('no source is due');
      expect(ran.code).toBe(0);
      // The run let go of it: a server takes it at once.
      expect((await casebook.store.takeLease(WATCH_LEASE, 'server-b:456', 60_000)).held).toBe(true);
    } finally {
      await casebook.close();
    }
  }, 60_000);
});
