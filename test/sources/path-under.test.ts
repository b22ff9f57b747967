// pathUnder: the one check every writer of files under a folder goes through.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathUnder } from '../../src/sources/path-under.ts';

describe('pathUnder', () => {
  it('gives the resolved path of a plain name inside the folder', () => {
    expect(pathUnder('out', '5f0c.json')).toBe(resolve('out', '5f0c.json'));
    expect(pathUnder('/tmp/x/', 'a b.json')).toBe(join('/tmp/x', 'a b.json'));
    expect(pathUnder('/tmp/x', '..json')).toBe('/tmp/x/..json');
  });

  it.each([
    '../x.json', '../../etc/passwd', '/etc/passwd', 'a/b.json', 'a\\b.json', '..', '.', '',
    'x\u0000.json', 'x\n.json', '\u001b[2J.json', 'x\u007f',
  ])('refuses %j, naming it', (name) => {
    expect(() => pathUnder('/tmp/out', name)).toThrow(/refused to write outside \/tmp\/out/);
  });
});
