// The query layer's own rules (src/store/sql/sql.ts): named parameters found outside literals and
// comments, numbered once each for PostgreSQL; a missing value refused; on SQLite, a failed statement
// thrown into the work where it can be caught, and a transaction's writes all or none. (Both engines
// run every converted port through the conformance suite in test/store/.)
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { JikenboError } from '../../src/core/errors.ts';
import { all, compile, get, run, valuesOf } from '../../src/store/sql/sql.ts';
import { sqliteEngine } from '../../src/store/sql/sqlite-engine.ts';

describe('compile', () => {
  it('numbers each distinct @name once, in order, and leaves literals, quoted names and comments alone', () => {
    const c = compile(`SELECT '@not', "@col", x -- @nor\n FROM t /* @nor */ WHERE a = @a AND b = CAST(@b AS TEXT) OR a = @a AND s = 'it''s @x'`);
    expect(c.names).toEqual(['a', 'b']);
    expect(c.numbered).toBe(`SELECT '@not', "@col", x -- @nor\n FROM t /* @nor */ WHERE a = $1 AND b = CAST($2 AS TEXT) OR a = $1 AND s = 'it''s @x'`);
  });

  it('refuses a statement whose parameter has no value, naming it', () => {
    const statement = { mode: 'get' as const, text: 'SELECT @a, @b', params: { a: 1 } };
    expect(valuesOf({ ...statement, params: { a: 1, b: null } }, ['a', 'b'])).toEqual([1, null]);
    expect(() => valuesOf(statement, ['a', 'b'])).toThrow(/@b has no value/);
  });
});

describe('the SQLite engine', () => {
  const open = () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT UNIQUE, flag INTEGER)');
    return { db, engine: sqliteEngine(db) };
  };

  it('stores booleans as 1 and 0 and returns rows, first rows and changes', async () => {
    const { engine } = open();
    const out = await engine.each(function* () {
      const inserted = yield* get<{ id: number }>('INSERT INTO t (k, flag) VALUES (@k, @flag) RETURNING id', { k: 'a', flag: true });
      const changed = yield* run('UPDATE t SET flag = @flag WHERE k = @k', { k: 'a', flag: false });
      return { inserted, changed, rows: yield* all('SELECT k, flag FROM t') };
    });
    expect(out).toEqual({ inserted: { id: 1 }, changed: { changes: 1 }, rows: [{ k: 'a', flag: 0 }] });
  });

  it('throws a failed statement into the work, and rolls the transaction back when the work fails', async () => {
    const { db, engine } = open();
    const caught = await engine.transaction(function* () {
      yield* run('INSERT INTO t (k) VALUES (@k)', { k: 'a' });
      try {
        yield* run('INSERT INTO t (k) VALUES (@k)', { k: 'a' });
        return 'not refused';
      } catch (err) {
        return (err as { code?: string }).code;
      }
    });
    expect(caught).toBe('SQLITE_CONSTRAINT_UNIQUE');
    await expect(engine.transaction(function* () {
      yield* run('INSERT INTO t (k) VALUES (@k)', { k: 'b' });
      throw new JikenboError('conflict', 'no');
    })).rejects.toThrow('no');
    expect(db.prepare('SELECT k FROM t ORDER BY k').all()).toEqual([{ k: 'a' }]);
  });

  it('reads records given as one parameter as typed rows, and draws the next ids after the largest', async () => {
    const { engine } = open();
    const { recordRows, records, nextIds } = engine.dialect;
    const out = await engine.transaction(function* () {
      yield* run(`INSERT INTO t (id, k, flag) SELECT r.id, r.k, r.flag FROM ${recordRows('rows', { id: 'integer', k: 'text', flag: 'boolean' })} AS r WHERE true`,
        { rows: records([{ id: 4, k: "it's \"@x\"", flag: true }, { id: 7, k: null, flag: false }]) });
      return { rows: yield* all('SELECT id, k, flag FROM t ORDER BY id'), ids: yield* all(nextIds('t'), { count: 3 }) };
    });
    expect(out).toEqual({ rows: [{ id: 4, k: "it's \"@x\"", flag: 1 }, { id: 7, k: null, flag: 0 }], ids: [{ id: 8 }, { id: 9 }, { id: 10 }] });
  });

  it('undoes a savepoint of a transaction when the work catches a refusal there, and keeps the writes around it', async () => {
    const { db, engine } = open();
    const { isInputError } = engine.dialect;
    const refusals = await engine.transaction(function* () {
      const refused: boolean[] = [];
      for (const keys of [['a'], ['b', 'a'], ['c']]) {
        yield* run('SAVEPOINT one');
        try {
          for (const k of keys) yield* run('INSERT INTO t (k) VALUES (@k)', { k });
          yield* run('RELEASE SAVEPOINT one');
          refused.push(false);
        } catch (err) {
          refused.push(isInputError(err));
          yield* run('ROLLBACK TO SAVEPOINT one');
          yield* run('RELEASE SAVEPOINT one');
        }
      }
      return refused;
    });
    expect(refusals).toEqual([false, true, false]);
    // 'b' went with its savepoint; 'a' and 'c' were committed with the transaction.
    expect(db.prepare('SELECT k FROM t ORDER BY k').all()).toEqual([{ k: 'a' }, { k: 'c' }]);
    expect(isInputError(new Error('not a database error'))).toBe(false);
  });

  it('aggregates values as a JSON array in the order asked, and [] for no rows', async () => {
    const { engine } = open();
    const { jsonArray } = engine.dialect;
    const out = await engine.each(function* () {
      yield* run(`INSERT INTO t (id, k) VALUES (1, 'z'), (2, 'y'), (3, 'x')`);
      return {
        some: yield* get<{ a: string }>(`SELECT ${jsonArray('k', 'id DESC')} AS a FROM t`),
        none: yield* get<{ a: string }>(`SELECT (SELECT ${jsonArray('k', 'id')} FROM t WHERE id > 9) AS a`),
      };
    });
    expect(out).toEqual({ some: { a: '["x","y","z"]' }, none: { a: '[]' } });
  });
});
