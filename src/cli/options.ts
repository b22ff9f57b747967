// Validation of command-line input at the edge, one error type out; the filters and dates every edge
// shares are in app/request-schemas.ts.
import { userInfo } from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { JikenboError } from '../core/errors.ts';
import { invalidInput } from '../core/invalid-input.ts';

export const pageSchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

export const portSchema = z.coerce.number().int().min(0).max(65535);

/** Parses argv for one command; unknown options and bad values become a JikenboError naming them. */
export function parseCommand<T extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: string[],
  options: T,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new JikenboError('bad_input', `${command}: ${(err as Error).message}`, { cause: err });
  }
}

/** Validates with a zod schema; the error names the option and what was wrong. */
export function validate<S extends z.ZodType>(command: string, schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw invalidInput(result.error, { what: `${command}:`, name: (field) => (field === 'input' ? field : `--${field}`) });
}

/** Who the audit log names for a change made from the command line: `cli:` and the system user. */
export function cliActor(): string {
  return `cli:${decider(undefined)}`;
}

/** The person making a decision or correction: --by, else the login name. */
export function decider(flag: string | undefined): string {
  if (flag !== undefined) return flag;
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}
