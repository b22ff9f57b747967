// Counts and times the statements a piece of work sends to its database (pg's Client.query, or
// better-sqlite3's Statement run/get/all, wrapped while started), so a cost can be named: how many
// round trips, and which statements are slow. A statement's time includes its triggers.
import Database from 'better-sqlite3';
import pg from 'pg';

export interface StatementTrace {
  start(): void;
  stop(): void;
  /** Statements per traced run, and the statements that took longest in all, by their first words. */
  report(): string;
}

type Method = (this: unknown, ...args: unknown[]) => unknown;

export function traceStatements(engine: 'sqlite' | 'postgres'): StatementTrace {
  const byText = new Map<string, { count: number; ms: number; max: number }>();
  let on = false;
  let runs = 0;
  let statements = 0;
  const record = (text: string, ms: number) => {
    const key = text.replace(/\s+/g, ' ').trim().slice(0, 120);
    const entry = byText.get(key) ?? byText.set(key, { count: 0, ms: 0, max: 0 }).get(key)!;
    entry.count++;
    entry.ms += ms;
    entry.max = Math.max(entry.max, ms);
  };
  if (engine === 'postgres') {
    const proto = pg.Client.prototype as unknown as { query: Method };
    const original = proto.query;
    proto.query = function (...args: unknown[]) {
      if (!on) return original.apply(this, args);
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text ?? '?';
      const started = performance.now();
      const settle = () => record(text, performance.now() - started);
      statements++;
      // pg.Pool's own query() passes a callback and gets no promise back: its statements are timed through the callback.
      const last = args.length - 1;
      const callback = args[last];
      if (typeof callback === 'function') {
        args[last] = (...results: unknown[]) => {
          settle();
          return (callback as (...r: unknown[]) => unknown)(...results);
        };
        return original.apply(this, args);
      }
      const result = original.apply(this, args);
      if (result instanceof Promise) result.then(settle, settle);
      return result;
    };
  } else {
    const db = new Database(':memory:');
    const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<'run' | 'get' | 'all', Method>;
    db.close();
    for (const name of ['run', 'get', 'all'] as const) {
      const original = proto[name];
      proto[name] = function (this: unknown, ...args: unknown[]) {
        if (!on) return original.apply(this, args);
        const started = performance.now();
        statements++;
        try {
          return original.apply(this, args);
        } finally {
          record((this as { source: string }).source, performance.now() - started);
        }
      };
    }
  }
  return {
    start() { on = true; runs++; },
    stop() { on = false; },
    report() {
      const top = [...byText].sort((a, b) => b[1].ms - a[1].ms).slice(0, Number(process.env.TRACE_TOP ?? 12));
      const lines = top.map(([text, e]) => `  ${e.ms.toFixed(0).padStart(6)} ms in all, ${String(e.count).padStart(6)}×, max ${e.max.toFixed(1)} ms: ${text}`);
      const text = `  ${(statements / Math.max(runs, 1)).toFixed(1)} statements per run\n${lines.join('\n')}`;
      byText.clear();
      runs = 0;
      statements = 0;
      return text;
    },
  };
}
