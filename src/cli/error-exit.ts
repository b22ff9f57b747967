// The one place where an error ends a command: jikenbo's error kinds (core/errors.ts) map to exit codes
// here, and the error is said in one line on stderr, `jikenbo COMMAND: what went wrong`. An unexpected
// error says its name and message; its stack only with JIKENBO_DEBUG set.
import { JikenboError, reasonOf, type ErrorCode } from '../core/errors.ts';

/** 2 for input the command cannot take (as for a usage error), 1 for every other failure. */
const EXIT: Record<ErrorCode, number> = {
  bad_input: 2,
  unsupported: 1,
  not_found: 1,
  conflict: 1,
  unauthorized: 1,
  forbidden: 1,
  too_many: 1,
  too_large: 1,
  unavailable: 1,
  not_implemented: 1,
  internal: 1,
};

export const exitCodeOf = (err: unknown): number => (err instanceof JikenboError ? EXIT[err.code] : 1);

/** Says the error in one line (control characters escaped by terminal-output.ts) and gives the exit code. */
export function reportCommandError(command: string, err: unknown, stderr: Pick<NodeJS.WriteStream, 'write'> = process.stderr): number {
  const reason = reasonOf(err).replace(/\s*\n\s*/g, ' ');
  // Option errors (options.ts) name their command already: said once.
  stderr.write(`jikenbo ${command}: ${reason.startsWith(`${command}: `) ? reason.slice(command.length + 2) : reason}\n`);
  if (!(err instanceof JikenboError) && process.env.JIKENBO_DEBUG && err instanceof Error && err.stack) stderr.write(`${err.stack}\n`);
  return exitCodeOf(err);
}
