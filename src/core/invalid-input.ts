// The one conversion of a rejected input (a zod error) into jikenbo's error: the message names the
// field and what was wrong with it (`query parameter from: not a date`), `subject` is the field, and
// `key`/`params` let a page say it in the reader's language (src/server/i18n/error-text.ts).
import type { z } from 'zod';
import { JikenboError } from './errors.ts';

type Issue = z.core.$ZodIssue;

export interface InvalidInputOptions {
  /** What the input is, said before the field: 'query parameter', 'form field', 'settings file a.json'. */
  what?: string;
  /** The field when the issue names none (a problem of the whole input). Default 'input'. */
  fallback?: string;
  /** Only the first step of the path: a query parameter `type` given as a list is `type`, not `type.1`. */
  firstStep?: boolean;
  /** How the field is written in the message and the subject: `--${field}` for a command's options. */
  name?: (field: string) => string;
  /** The value as given, quoted in the message (at most 60 characters). */
  value?: string;
}

/** The field an issue is about (`from`, `jnsa.dataTypes.x`), or the unknown keys it names, each with its path; undefined when it is about the whole input. */
export function issueField(issue: Issue | undefined, firstStep = false): string | undefined {
  if (!issue) return undefined;
  const path = (firstStep ? issue.path.slice(0, 1) : issue.path).map(String);
  // Unknown keys are named where they are: `jnsa.dataTypes.nmae`, or `nmae` at the top.
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => [...path, key].join('.')).join(', ');
  return path.length === 0 ? undefined : path.join('.');
}

/** What was wrong, in English: the schema's message, or `unknown parameter` for keys it does not know. */
export function issueProblem(issue: Issue | undefined): string {
  if (!issue) return 'invalid';
  return issue.code === 'unrecognized_keys' ? 'unknown parameter' : issue.message || 'invalid';
}

/** `field: problem` for the first issue: a line for a report that lists rejected records. */
export function describeIssues(error: { issues: readonly Issue[] }, fallback = 'input'): string {
  const issue = error.issues[0];
  return `${issueField(issue) ?? fallback}: ${issueProblem(issue)}`;
}

/** An issue as a catalogue key of the web app and its values: `problem.too_long` with `max`, and so on. */
export function problemKey(issue: Issue | undefined): Record<string, string | number> & { problem: string } {
  if (!issue) return { problem: 'problem.invalid' };
  switch (issue.code) {
    case 'too_big': return issue.origin === 'string' ? { problem: 'problem.too_long', max: Number(issue.maximum) } : { problem: 'problem.too_big', max: Number(issue.maximum) };
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? { problem: 'problem.required' } : { problem: 'problem.too_short', min: Number(issue.minimum) };
      return { problem: 'problem.too_small', min: Number(issue.minimum) };
    case 'invalid_value': return { problem: 'problem.choice' };
    case 'invalid_type': return { problem: issue.input === undefined ? 'problem.required' : 'problem.format' };
    case 'invalid_format': return { problem: 'problem.format' };
    case 'unrecognized_keys': return { problem: 'problem.unknown_key' };
    default: return { problem: 'problem.invalid' };
  }
}

/** A zod error as one `bad_input` JikenboError naming the field and the problem. */
export function invalidInput(error: { issues: readonly Issue[] }, options: InvalidInputOptions = {}): JikenboError {
  const issue = error.issues[0];
  const raw = issueField(issue, options.firstStep) ?? options.fallback ?? 'input';
  const field = options.name ? options.name(raw) : raw;
  const problem = issueProblem(issue);
  const what = options.what ? `${options.what} ` : '';
  if (options.value !== undefined) {
    const value = options.value.slice(0, 60);
    return new JikenboError('bad_input', `${what}${field}: "${value}" is not a valid value (${problem})`, {
      subject: field, key: 'error.field_value', params: { field, value },
    });
  }
  return new JikenboError('bad_input', `${what}${field}: ${problem}`, { subject: field, key: 'error.field', params: { field, ...problemKey(issue) } });
}
