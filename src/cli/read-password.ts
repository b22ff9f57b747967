// A password from the person at the terminal (asked twice, not echoed) or, when stdin is not a
// terminal, the first line of stdin (`printf '%s\n' "$PW" | jikenbo user add …`). Never an argument:
// arguments show in `ps` and shell history.

import { createInterface } from 'node:readline';
import { JikenboError } from '../core/errors.ts';

async function firstLineOfStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (Buffer.concat(chunks).includes(0x0a)) break;
  }
  const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/, 1)[0] ?? '';
  if (!line) throw new JikenboError('bad_input', 'no password on stdin', { subject: 'password' });
  return line;
}

function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    let prompted = false;
    output._writeToOutput = (s: string) => {
      if (!prompted) {
        process.stderr.write(s);
        prompted = true;
      }
    };
    rl.question(prompt, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

export async function readNewPassword(): Promise<string> {
  if (!process.stdin.isTTY) return firstLineOfStdin();
  const first = await askHidden('new password: ');
  const again = await askHidden('again: ');
  if (first !== again) throw new JikenboError('bad_input', 'the two passwords differ', { subject: 'password' });
  return first;
}
