// The guard everything the CLI prints goes through: control characters become visible \uXXXX escapes.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { escapeForTerminal, guardTerminalOutput, unguarded } from '../../src/cli/terminal-output.ts';
import { renderHit, renderSnippet } from '../../src/cli/render.ts';

const DANGEROUS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function fakeStream(): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = new Writable({ write(chunk: Buffer, _enc, done) { written.push(chunk.toString()); done(); } }) as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('escapeForTerminal', () => {
  it('turns ESC, other C0 but tab and newline, DEL, C1 and bidi overrides into visible escapes', () => {
    expect(escapeForTerminal('\u001b]0;pwned\u0007title\u001b[2J')).toBe('\\u001b]0;pwned\\u0007title\\u001b[2J');
    expect(escapeForTerminal('a\tb\nc\rd\u0000\u007f\u009b31m')).toBe('a\tb\nc\\u000dd\\u0000\\u007f\\u009b31m');
    expect(escapeForTerminal('\u202eabc\u202c \u2066x\u2069')).toBe('\\u202eabc\\u202c \\u2066x\\u2069');
    expect(escapeForTerminal('個人情報の漏えいについて（お詫び）')).toBe('個人情報の漏えいについて（お詫び）');
  });

  it('leaves JSON meaning what it meant: the escapes are JSON\'s own', () => {
    const value = { title: 'x\u009b\u202e\u001b[31m\u007fy', n: 1 };
    const escaped = escapeForTerminal(JSON.stringify(value));
    expect(escaped).not.toMatch(DANGEROUS);
    expect(JSON.parse(escaped)).toEqual(value);
  });
});

describe('guardTerminalOutput', () => {
  it('escapes every string written to the stream; unguarded() writes as given', async () => {
    const { stream, written } = fakeStream();
    guardTerminalOutput([stream]);
    guardTerminalOutput([stream]); // twice changes nothing
    stream.write('\u001b]2;owned\u0007 notice\n');
    unguarded(stream).write('\u001b[1;33mbold\u001b[0m');
    await new Promise((r) => setImmediate(r));
    expect(written).toEqual(['\\u001b]2;owned\\u0007 notice\n', '\u001b[1;33mbold\u001b[0m']);
  });

  it('leaves only its own bold marks in a hit written past the guard', () => {
    const hit = {
      id: 1, disclosureDate: null, organization: '\u001b[2J株式会社', incidentTypes: [], affectedCount: null,
      title: 'お詫び\u009b2J\u202e', header: 'h', snippet: '\u001b]0;x\u0007前\u0001漏洩\u0002後',
    } as unknown as Parameters<typeof renderHit>[0];
    const line = renderHit(hit, true);
    expect(line.replaceAll('\u001b[1;33m', '').replaceAll('\u001b[0m', '')).not.toMatch(DANGEROUS);
    expect(line).toContain('\u001b[1;33m漏洩\u001b[0m');
    expect(renderSnippet('a\u0001\u001b[2J\u0002b', false)).toBe('a【\\u001b[2J】b');
  });
});
