// The one error type of jikenbo: a message for people, a machine-readable kind (`code`), and the input it
// names. Kinds only: the web server maps them to HTTP statuses (src/server/error-response.ts), the
// command line to exit codes (src/cli/error-exit.ts).

export type ErrorCode =
  | 'bad_input'       // a file, argument or request that cannot be read as asked
  | 'unsupported'     // a format or encoding jikenbo does not read
  | 'not_found'
  | 'conflict'
  | 'unauthorized'    // who is asking is not known: sign in, or send a valid API token
  | 'forbidden'       // who is asking is known, and their role does not allow it
  | 'too_many'        // too many attempts (sign-in); try again later
  | 'too_large'       // a request body over its limit
  | 'unavailable'     // the database cannot answer now (a timeout, a lost connection); try again later
  | 'not_implemented' // asked of a casebook (or store) that does not keep it
  | 'internal';

export class JikenboError extends Error {
  readonly code: ErrorCode;
  /** The file, URL, argument or field the error is about. */
  readonly subject: string | undefined;
  /**
   * The message's key in the web app's catalogue (src/server/i18n/messages.ts) and its values, so a page
   * says it in the reader's language; `message` stays the English for the CLI, logs and the API.
   */
  readonly key: string | undefined;
  readonly params: Readonly<Record<string, string | number>> | undefined;

  constructor(code: ErrorCode, message: string, options: { subject?: string; cause?: unknown; key?: string; params?: Record<string, string | number> } = {}) {
    super(message, { cause: options.cause });
    this.name = 'JikenboError';
    this.code = code;
    this.subject = options.subject;
    this.key = options.key;
    this.params = options.params;
  }
}

/** A one-line reason for any thrown value, safe to print beside a file name. */
export function reasonOf(err: unknown): string {
  if (err instanceof JikenboError) return err.message;
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}
