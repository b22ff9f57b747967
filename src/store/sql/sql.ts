// The query layer both engines share (docs/architecture.md, "One query layer"). A port's queries are
// written once, as generator functions that yield each statement and receive its result:
//
//   function* () { const row = yield* get<Row>('SELECT * FROM claims WHERE id = @id', { id }); … }
//
// An engine (sqlite-engine.ts, postgres-engine.ts) drives the generator: SQLite answers each
// statement synchronously, so a transaction runs start to end without yielding to the event loop,
// exactly as better-sqlite3's db.transaction always has (no interleaving, no mutex); PostgreSQL
// awaits each answer on the transaction's connection (inTransaction: retries, the pool guard).
// `await` cannot appear in a generator: nothing but the work's own statements runs inside a transaction.
//
// SQL text is the subset both engines accept, with named parameters (@name): SQLite binds them by name,
// PostgreSQL gets them rewritten to $1, $2, …. Where PostgreSQL needs a parameter's type, the query
// says CAST(@x AS TEXT). The real differences are the Dialect's named helpers.

import { JikenboError } from '../../core/errors.ts';

/** A statement's named values (@name in the text). `undefined` is refused: a missing value is a bug, not NULL. */
export type Params = Readonly<Record<string, unknown>>;

export interface Statement {
  readonly mode: 'all' | 'get' | 'run';
  readonly text: string;
  readonly params: Params | undefined;
}

/** A piece of database work; its queries are `yield*`ed, its result returned. */
export type Sql<T> = Generator<Statement, T, unknown>;

export interface RunResult {
  /** Rows inserted, updated or deleted. */
  changes: number;
}

/** Every row the statement returns. */
export function* all<T>(text: string, params?: Params): Sql<T[]> {
  return (yield { mode: 'all', text, params }) as T[];
}

/** The first row the statement returns (a SELECT, or a write with RETURNING), or undefined. */
export function* get<T>(text: string, params?: Params): Sql<T | undefined> {
  return (yield { mode: 'get', text, params }) as T | undefined;
}

/** A write; how many rows it changed. */
export function* run(text: string, params?: Params): Sql<RunResult> {
  return (yield { mode: 'run', text, params }) as RunResult;
}

export type Isolation = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

export interface TransactionOptions {
  /** PostgreSQL's isolation level (READ COMMITTED unless said); SQLite's transactions are serializable. */
  isolation?: Isolation;
  /** Reads only: PostgreSQL's READ ONLY; SQLite's BEGIN DEFERRED instead of IMMEDIATE (no write lock taken). */
  readOnly?: boolean;
}

/** The differences between the engines that a query names, each where it is used. */
export interface Dialect {
  readonly engine: 'sqlite' | 'postgres';
  /**
   * `FOR UPDATE` (or the mode given) after a SELECT in a transaction: PostgreSQL locks the rows read
   * until the transaction ends; on SQLite nothing, its write transactions (BEGIN IMMEDIATE) hold the
   * whole database already.
   */
  lockRows(mode?: 'UPDATE' | 'NO KEY UPDATE' | 'SHARE' | 'KEY SHARE' | `UPDATE OF ${string}`): string;
  /**
   * A statement that locks a table in a transaction (PostgreSQL's LOCK TABLE … IN mode MODE), or null
   * on SQLite, whose write transactions hold the whole database already.
   */
  lockTable(table: string, mode: 'SHARE ROW EXCLUSIVE'): string | null;
  /**
   * A statement that makes transactions naming the same @key (and the number @space) wait for each
   * other (PostgreSQL's pg_advisory_xact_lock), or null on SQLite (see lockTable).
   */
  readonly lockKey: string | null;
  /**
   * A statement that makes transactions locking any of the same keys (the list @keys, bound to
   * `list(keys)`, in the number @space) wait for each other, taken in one order so that two never wait
   * on each other: PostgreSQL's pg_advisory_xact_lock on each integer key, or on each text key's hash;
   * null on SQLite (see lockTable).
   */
  lockEach(type: 'integer' | 'text'): string | null;
  /** A text value holding JSON as the engine's JSON column type: as it is on SQLite, jsonb on PostgreSQL. */
  json(expr: string): string;
  /** After ORDER BY a text column: byte order on both engines (SQLite's default; COLLATE "C" on PostgreSQL). */
  readonly byteOrder: string;
  /** `DESC` with NULLs last, as each engine's indexes order it (SQLite's default; NULLS LAST on PostgreSQL). */
  readonly descNullsLast: string;
  /** The aggregate that joins text values with a separator (group_concat, string_agg; `orderBy` on PostgreSQL only). */
  stringAgg(expr: string, separator: string, orderBy?: string): string;
  /** Whether an error is a unique constraint's refusal (SQLITE_CONSTRAINT_UNIQUE, SQLSTATE 23505). */
  isUniqueViolation(err: unknown): boolean;
  /**
   * Whether the database refused a value it was given (the input's fault, not the store's): any
   * constraint on SQLite (SQLITE_CONSTRAINT_*), a constraint or a malformed value on PostgreSQL
   * (SQLSTATE classes 23 and 22).
   */
  isInputError(err: unknown): boolean;
  /**
   * The JSON text of an array of `expr` over the rows aggregated, in `orderBy` order, '[]' for none:
   * json_group_array on SQLite, json_agg as text on PostgreSQL (node-postgres would parse json itself).
   */
  jsonArray(expr: string, orderBy: string): string;
  /**
   * The time in ms since the epoch that leases are reckoned by: the store's clock on SQLite (every
   * process of the file runs on one machine; bound as @nowMs), the database server's on PostgreSQL
   * (the one clock all its servers share).
   */
  readonly leaseClockMs: string;
  /**
   * `IN` a list given as one parameter, @name bound to `list(values)`: SQLite reads a JSON array
   * (json_each), PostgreSQL an array (= ANY). One statement whatever the length of the list.
   */
  inList(name: string, type: 'text' | 'integer' | 'bigint'): string;
  list(values: readonly (string | number)[]): unknown;
  /** A list given as one parameter (bound to `list(values)`) as a table of (position from 0, value), for INSERT … SELECT. */
  listRows(name: string, type: 'text' | 'integer' | 'bigint'): string;
  /**
   * Records given as one parameter (@name bound to `records(values)`, a JSON array of objects) as a
   * table of the columns named (lowercase keys): json_each and json_extract on SQLite, json_to_recordset
   * on PostgreSQL. One statement for a whole set of rows, for INSERT … SELECT and UPDATE … FROM.
   */
  recordRows(name: string, columns: Readonly<Record<string, 'text' | 'integer' | 'bigint' | 'boolean'>>): string;
  records(values: readonly Readonly<Record<string, string | number | boolean | null>>[]): unknown;
  /**
   * A SELECT of @count new ids (column `id`) for rows of `table`, in a write transaction: its identity
   * sequence on PostgreSQL; on SQLite the next rowids after the table's largest, as SQLite gives them
   * (its write transaction holds the database, so no other insert takes them meanwhile).
   */
  nextIds(table: string): string;
}

/** What runs a piece of work on one engine. */
export interface SqlEngine {
  readonly dialect: Dialect;
  /** The work's statements one after the other, each committed on its own (no transaction around them). */
  each<T>(work: () => Sql<T>): Promise<T>;
  /** The work in one transaction: all its writes, or none. On PostgreSQL it may run again after a serialization failure. */
  transaction<T>(work: () => Sql<T>, options?: TransactionOptions): Promise<T>;
}

export interface CompiledSql {
  /** The text with ? for each parameter (SQLite, bound by position: cheaper than by name). */
  positional: string;
  /** The parameter names in the order of the ?s (a name used twice is there twice). */
  occurrences: string[];
  /** The text with $1, $2, … (PostgreSQL). */
  numbered: string;
  /** The distinct parameter names, in the order of their numbers. */
  names: string[];
}

const compiled = new Map<string, CompiledSql>();

/**
 * Finds the @name parameters of a statement outside its string literals, quoted identifiers and
 * comments. Cached by text: the queries are constants.
 */
export function compile(text: string): CompiledSql {
  const known = compiled.get(text);
  if (known) return known;
  const names: string[] = [];
  const occurrences: string[] = [];
  let numbered = '';
  let positional = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    let end = i + 1;
    if (c === "'" || c === '"') {
      end = text.indexOf(c, i + 1);
      while (end !== -1 && text[end + 1] === c) end = text.indexOf(c, end + 2);
      end = end === -1 ? text.length : end + 1;
    } else if (c === '-' && text[i + 1] === '-') {
      end = text.indexOf('\n', i);
      if (end === -1) end = text.length;
    } else if (c === '/' && text[i + 1] === '*') {
      end = text.indexOf('*/', i + 2);
      end = end === -1 ? text.length : end + 2;
    } else if (c === '@') {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1))?.[0];
      if (name !== undefined) {
        let n = names.indexOf(name);
        if (n === -1) n = names.push(name) - 1;
        numbered += `$${n + 1}`;
        positional += '?';
        occurrences.push(name);
        i += 1 + name.length;
        continue;
      }
    }
    numbered += text.slice(i, end);
    positional += text.slice(i, end);
    i = end;
  }
  const result = { positional, occurrences, numbered, names };
  // Texts built per filter (the facts views) recur in few shapes; the cache stays bounded whatever comes.
  if (compiled.size >= 2000) compiled.delete(compiled.keys().next().value!);
  compiled.set(text, result);
  return result;
}

/** The statement's values in the order of `names`; a name without a value is a bug in the query. */
export function valuesOf(statement: Statement, names: readonly string[]): unknown[] {
  return names.map((name) => {
    const value = statement.params?.[name];
    if (value === undefined) throw new JikenboError('internal', `query parameter @${name} has no value in: ${statement.text.trim().slice(0, 200)}`);
    return value;
  });
}

/** Whether a number can be a row id (PostgreSQL's integer columns); anything else names no row, on either engine. */
export function isRowId(id: number): boolean {
  return Number.isInteger(id) && id >= -2147483648 && id <= 2147483647;
}
