// The jikenbo command line: parses the command, runs it, maps errors to one line and an exit code.
import { readFile } from 'node:fs/promises';
import { extractDocument } from '../extract/extract.ts';
import { RECORD_KEYS } from '../core/record.ts';
import { JikenboError, reasonOf } from '../core/errors.ts';

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'extract':
        return await extractCommand(rest);
      default:
        process.stderr.write(`jikenbo: unknown command ${JSON.stringify(command ?? '')}\n`);
        return 2;
    }
  } catch (err) {
    process.stderr.write(`jikenbo: ${reasonOf(err)}\n`);
    return err instanceof JikenboError && err.code === 'bad_input' ? 2 : 1;
  }
}

async function extractCommand(args: string[]): Promise<number> {
  const files = args.filter((a) => !a.startsWith('--'));
  let failed = 0;
  for (const file of files) {
    try {
      const text = await readFile(file, 'utf8');
      for (const { record } of extractDocument(text)) {
        const out: Record<string, unknown> = {};
        for (const k of RECORD_KEYS) out[k] = record[k];
        out.evidence = record.evidence;
        process.stdout.write(JSON.stringify(out) + '\n');
      }
    } catch (err) {
      failed++;
      process.stderr.write(`${file}: ${reasonOf(err)}\n`);
    }
  }
  return failed ? 1 : 0;
}
