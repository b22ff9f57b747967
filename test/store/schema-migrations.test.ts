// The one migration list (src/store/migrations/schema-migrations.ts) gives both engines the same
// schema: after migrating an empty database on each, the tables, their columns (type family, NOT NULL,
// default, order), primary keys, unique constraints and named indexes agree, apart from the named
// differences listed below, each with its reason. A helper or a `byEngine` body that drifts (a column
// left out on one engine, an index named differently, a type widened on one side) fails here.

import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate as migratePostgres } from '../../src/store/migrations/postgres-migrate.ts';
import { latestVersion, migrationSql, MIGRATIONS } from '../../src/store/migrations/schema-migrations.ts';
import { migrate as migrateSqlite } from '../../src/store/migrations/sqlite-migrate.ts';
import { createPool } from '../../src/store/postgres/pg-database.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts';

interface Column {
  name: string;
  /** integer, text, real (SQLite's declared types; PostgreSQL's mapped to them), else the engine's own. */
  type: string;
  notNull: boolean;
  default: string | null;
}

interface Index {
  table: string;
  columns: string[];
  descending: boolean[];
  unique: boolean;
  partial: boolean;
}

interface Schema {
  tables: Record<string, { columns: Column[]; primaryKey: string[]; unique: string[] }>;
  /** Indexes made by CREATE INDEX, by name (not those behind a PRIMARY KEY or UNIQUE). */
  indexes: Record<string, Index>;
  /** SQLite's virtual tables (FTS5), left out of `tables` with their shadow tables. */
  virtual: string[];
}

/** Tables one engine has and the other has not, or has in another form: the full-text indexes and PostgreSQL's originals. */
const ENGINE_TABLES = {
  sqlite: ['notice_fts', 'grouping_windows'], // FTS5 virtual tables (and their shadow tables)
  postgres: ['notice_search', 'blobs', 'grouping_windows'], // tsvector tables in their place; originals shared by servers
};
/** Indexes of one engine only. */
const ENGINE_INDEXES = {
  sqlite: ['grouping_queue_by_seq'],
  postgres: ['records_by_notice', 'notice_search_body', 'grouping_windows_by_gram'],
};
/** Columns whose type or default is a named difference. */
const ENGINE_COLUMNS: Record<string, string> = {
  'grouping_links.link_json': 'TEXT checked by json_valid on SQLite, jsonb on PostgreSQL',
  'incidents.export_key': 'a trigger fills it on SQLite; a NOT NULL column with a gen_random_uuid() default on PostgreSQL',
};

const TYPE_FAMILY: Record<string, string> = { integer: 'integer', bigint: 'integer', text: 'text', 'double precision': 'real' };

function sqliteSchema(db: Database.Database): Schema {
  const all = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string; sql: string }>;
  const virtual = all.filter((t) => t.sql.startsWith('CREATE VIRTUAL TABLE')).map((t) => t.name);
  const tables: Schema['tables'] = {};
  for (const { name } of all) {
    if (virtual.some((v) => name === v || name.startsWith(`${v}_`))) continue;
    const info = db.prepare('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid').all(name) as Array<{ name: string; type: string; notnull: number; dflt_value: string | null; pk: number }>;
    const unique = (db.prepare("SELECT name FROM pragma_index_list(?) WHERE origin = 'u'").all(name) as Array<{ name: string }>)
      .map((i) => (db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(i.name) as Array<{ name: string }>).map((c) => c.name).join(','));
    tables[name] = {
      columns: info.map((c) => ({ name: c.name, type: c.type.toLowerCase(), notNull: c.notnull === 1 || c.pk > 0, default: c.dflt_value })),
      primaryKey: info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
      unique: unique.sort(),
    };
  }
  const indexes: Schema['indexes'] = {};
  for (const { name, table } of db.prepare("SELECT name, tbl_name AS \"table\" FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as Array<{ name: string; table: string }>) {
    const listed = db.prepare('SELECT "unique", partial FROM pragma_index_list(?) WHERE name = ?').get(table, name) as { unique: number; partial: number };
    const keys = db.prepare('SELECT name, "desc" FROM pragma_index_xinfo(?) WHERE "key" = 1 ORDER BY seqno').all(name) as Array<{ name: string; desc: number }>;
    indexes[name] = { table, columns: keys.map((k) => k.name), descending: keys.map((k) => k.desc === 1), unique: listed.unique === 1, partial: listed.partial === 1 };
  }
  return { tables, indexes, virtual };
}

async function postgresSchema(client: pg.Client): Promise<Schema> {
  const columns = await client.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null }>(`
    SELECT c.table_name, c.column_name, c.data_type, c.is_nullable, c.column_default
    FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
    WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' ORDER BY c.table_name, c.ordinal_position`);
  const keys = await client.query<{ table_name: string; constraint_type: string; columns: string }>(`
    SELECT tc.table_name, tc.constraint_type, string_agg(k.column_name, ',' ORDER BY k.ordinal_position) AS columns
    FROM information_schema.table_constraints tc
    JOIN information_schema.key_column_usage k USING (constraint_schema, constraint_name, table_name)
    WHERE tc.table_schema = 'public' AND tc.constraint_type IN ('PRIMARY KEY', 'UNIQUE')
    GROUP BY tc.table_name, tc.constraint_name, tc.constraint_type`);
  const tables: Schema['tables'] = {};
  for (const c of columns.rows) {
    const table = (tables[c.table_name] ??= { columns: [], primaryKey: [], unique: [] });
    table.columns.push({
      name: c.column_name,
      type: TYPE_FAMILY[c.data_type] ?? `postgres ${c.data_type}`,
      notNull: c.is_nullable === 'NO',
      default: c.column_default?.replace(/::[a-z ]+$/, '') ?? null,
    });
  }
  for (const k of keys.rows) {
    if (k.constraint_type === 'PRIMARY KEY') tables[k.table_name]!.primaryKey = k.columns.split(',');
    else tables[k.table_name]!.unique.push(k.columns);
  }
  for (const t of Object.values(tables)) t.unique.sort();
  const found = await client.query<{ name: string; table: string; columns: string[]; descending: boolean[]; unique: boolean; partial: boolean }>(`
    SELECT i.relname AS name, t.relname AS "table", ix.indisunique AS "unique", ix.indpred IS NOT NULL AS partial,
      array(SELECT coalesce(a.attname::text, '(expression)') FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
            LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n) AS columns,
      array(SELECT (o & 1) = 1 FROM unnest(ix.indoption::int2[]) WITH ORDINALITY AS x(o, n) ORDER BY x.n) AS descending
    FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
    JOIN pg_namespace ns ON ns.oid = t.relnamespace
    WHERE ns.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = ix.indexrelid)`);
  const indexes: Schema['indexes'] = {};
  for (const { name, ...index } of found.rows) indexes[name] = index;
  return { tables, indexes, virtual: [] };
}

/** The schema less one engine's named differences. */
function comparable(schema: Schema, engine: 'sqlite' | 'postgres'): Schema {
  const tables = Object.fromEntries(
    Object.entries(schema.tables)
      .filter(([name]) => !ENGINE_TABLES[engine].includes(name))
      .map(([name, t]) => [name, { ...t, columns: t.columns.map((c) => (`${name}.${c.name}` in ENGINE_COLUMNS ? { name: c.name, type: '(engine)', notNull: false, default: null } : c)) }]),
  );
  const indexes = Object.fromEntries(Object.entries(schema.indexes).filter(([name]) => !ENGINE_INDEXES[engine].includes(name)));
  return { tables, indexes, virtual: schema.virtual };
}

describe('the migration list', () => {
  it('numbers its versions 1, 2, 3, … once each, and gives each engine SQL of its own', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(latestVersion(MIGRATIONS)).toBe(MIGRATIONS.length);
    // Versions that change one engine only (a PostgreSQL index's storage setting), and the engine left alone.
    const leftAlone = new Map([[24, 'sqlite']]);
    for (const m of MIGRATIONS) {
      for (const engine of ['sqlite', 'postgres'] as const) {
        const sql = migrationSql(m, engine);
        if (leftAlone.get(m.version) === engine) {
          expect(sql.replace(/--.*$/gm, '').trim(), `version ${m.version} on ${engine}`).toBe('');
          continue;
        }
        expect(sql, `version ${m.version} on ${engine}`).toMatch(/\b(CREATE|ALTER|DROP|INSERT|UPDATE)\b/);
        expect(sql, `version ${m.version} on ${engine}`).not.toMatch(/undefined|\[object |\$\{/);
      }
    }
    // The named helpers give each engine its own text: SQLite's row ids, PostgreSQL's identity columns.
    expect(migrationSql(MIGRATIONS[0]!, 'sqlite')).toContain('id           INTEGER PRIMARY KEY,');
    expect(migrationSql(MIGRATIONS[0]!, 'postgres')).toContain('id           integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,');
    expect(migrationSql(MIGRATIONS[0]!, 'postgres')).not.toMatch(/fts5|json_valid|WITHOUT ROWID/);
    expect(migrationSql(MIGRATIONS[0]!, 'sqlite')).not.toMatch(/tsvector|::json|COLLATE "C"/);
  });
});

describe('a database migrated from empty', () => {
  let database: TestDatabase;
  let sqlite: Schema;
  let postgres: Schema;

  beforeAll(async () => {
    const db = new Database(':memory:');
    try {
      expect(migrateSqlite(db).current).toBe(latestVersion(MIGRATIONS));
      sqlite = sqliteSchema(db);
    } finally {
      db.close();
    }
    database = await createTestDatabase('jikenbo_schema', { empty: true });
    const pool = createPool(database.url, { poolSize: 1 });
    try {
      expect((await migratePostgres(pool)).current).toBe(latestVersion(MIGRATIONS));
    } finally {
      await pool.end();
    }
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      postgres = await postgresSchema(client);
    } finally {
      await client.end();
    }
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('has each engine\'s own tables and indexes, named above', () => {
    expect(sqlite.virtual).toEqual(['grouping_windows', 'notice_fts']);
    expect(postgres.virtual).toEqual([]);
    for (const t of ENGINE_TABLES.postgres) expect(Object.keys(postgres.tables)).toContain(t);
    for (const t of ['notice_search', 'blobs']) expect(Object.keys(sqlite.tables)).not.toContain(t);
    for (const [engine, own, other] of [['sqlite', sqlite, postgres], ['postgres', postgres, sqlite]] as const) {
      for (const i of ENGINE_INDEXES[engine]) {
        expect(Object.keys(own.indexes), `${engine} index ${i}`).toContain(i);
        expect(Object.keys(other.indexes), `${engine}-only index ${i}`).not.toContain(i);
      }
    }
    // Many tables and indexes, so that an empty catalog query cannot pass the comparison below.
    expect(Object.keys(sqlite.tables).length).toBeGreaterThan(30);
    expect(Object.keys(sqlite.indexes).length).toBeGreaterThan(50);
  });

  it('keeps the pending list of the grouping windows\' GIN index short on PostgreSQL (each lookup reads it whole)', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ relname: string; reloptions: string[] | null }>(
        "SELECT relname, reloptions FROM pg_class WHERE relname IN ('grouping_windows_by_gram', 'notice_search_body') ORDER BY relname");
      expect(rows).toEqual([
        { relname: 'grouping_windows_by_gram', reloptions: ['gin_pending_list_limit=256'] },
        { relname: 'notice_search_body', reloptions: null },
      ]);
    } finally {
      await client.end();
    }
  });

  it('has the same tables, columns, keys and indexes on both engines', () => {
    const a = comparable(sqlite, 'sqlite');
    const b = comparable(postgres, 'postgres');
    expect(Object.keys(b.tables).sort()).toEqual(Object.keys(a.tables).sort());
    for (const name of Object.keys(a.tables)) expect(b.tables[name], `table ${name}`).toEqual(a.tables[name]);
    expect(Object.keys(b.indexes).sort()).toEqual(Object.keys(a.indexes).sort());
    for (const name of Object.keys(a.indexes)) expect(b.indexes[name], `index ${name}`).toEqual(a.indexes[name]);
  });
});
