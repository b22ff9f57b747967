// jikenbo's log: one JSON object a line (time, level, msg and the fields of the event), written to
// stderr unless told otherwise, for the web server's requests and the jobs it runs in the background
// (the watch loop, the grouping queue). Lines below the logger's level are not written; `silent`
// writes none. Errors go in as `error` (their one-line reason) and `stack`.
import { reasonOf } from '../core/errors.ts';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LineLevel = Exclude<LogLevel, 'silent'>;
export type LogFields = Record<string, unknown>;

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  readonly level: LogLevel;
  enabled(level: LineLevel): boolean;
  log(level: LineLevel, msg: string, fields?: LogFields): void;
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  /** Default info. */
  level?: LogLevel;
  /** Where a line goes (without its newline); default stderr. */
  write?: (line: string) => void;
  /** The clock; tests pass their own. */
  now?: () => Date;
}


// JSON escapes C0 controls but not DEL and the C1 range, which some terminals act on.
// eslint-disable-next-line no-control-regex
const C1 = /[\u007f-\u009f]/g;

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  const write = options.write ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const enabled = (at: LineLevel) => RANK[at] >= RANK[level];
  const log = (at: LineLevel, msg: string, fields: LogFields = {}) => {
    if (!enabled(at)) return;
    let line: string;
    try {
      line = JSON.stringify({ time: now().toISOString(), level: at, msg, ...fields });
    } catch (err) {
      // A field JSON cannot hold (a cycle, a BigInt): the event is still told.
      line = JSON.stringify({ time: now().toISOString(), level: at, msg, unloggable: reasonOf(err) });
    }
    write(line.replace(C1, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`));
  };
  return {
    level, enabled, log,
    debug: (msg, fields) => log('debug', msg, fields),
    info: (msg, fields) => log('info', msg, fields),
    warn: (msg, fields) => log('warn', msg, fields),
    error: (msg, fields) => log('error', msg, fields),
  };
}

/** A logger that writes nothing. */
export const silentLogger: Logger = createLogger({ level: 'silent', write: () => {} });

/** An error as log fields: its one-line reason, and the stack of an unexpected one. */
export function errorFields(err: unknown, withStack = true): { error: string; stack?: string } {
  const error = reasonOf(err);
  return withStack && err instanceof Error && err.stack ? { error, stack: err.stack } : { error };
}
