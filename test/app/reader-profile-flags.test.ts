// A profiled ingest (`node --cpu-prof … jikenbo ingest`) starts its readers profiled too (ingest-pool.ts).
import { describe, expect, it } from 'vitest';
import { profileFlags } from '../../src/app/ingest-pool.ts';

describe('profileFlags', () => {
  it('passes on the profiling flags, with a value given apart or after =', () => {
    expect(profileFlags(['--cpu-prof', '--cpu-prof-dir', '/tmp/p', '--max-old-space-size=512'])).toEqual(['--cpu-prof', '--cpu-prof-dir', '/tmp/p']);
    expect(profileFlags(['--heap-prof', '--heap-prof-dir=/tmp/h', '--cpu-prof-interval', '500'])).toEqual(['--heap-prof', '--heap-prof-dir=/tmp/h', '--cpu-prof-interval', '500']);
  });
  it('leaves out a profile name (every reader would write to the one file) and everything else', () => {
    expect(profileFlags(['--cpu-prof', '--cpu-prof-name', 'ingest.cpuprofile', '--cpu-prof-dir=/tmp/p'])).toEqual(['--cpu-prof', '--cpu-prof-dir=/tmp/p']);
    expect(profileFlags(['--cpu-prof-name=x.cpuprofile', '--inspect', '--enable-source-maps'])).toEqual([]);
    expect(profileFlags([])).toEqual([]);
  });
});
