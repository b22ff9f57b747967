// The PostgreSQL casebook as plain tables (see raw-database.ts), for migrate-store and its checksums.

import { tokenize } from '../../core/bigram.ts';
import { quoteIdent, type RawDatabase, type RawTable, type RawValue } from '../raw-database.ts';
import { createPool, inTransaction, one, rows } from './pg-database.ts';
import { tsvectorText } from './pg-text-search.ts';

/** The search index is rebuilt from the notices; originals move through the archives. */
/** Grouping's index is rebuilt too: its queue triggers refill as the notices arrive. */
const GROUPING_TABLES = ['grouping_blocks', 'grouping_links', 'grouping_windows', 'grouping_queue'];
// The incidents' facts are made again from the copied rows (their queue refilled below), never copied.
const FACTS_TABLES = ['incident_facts', 'incident_facts_json', 'incident_facts_queue'];
// The organisations' queue is refilled by its trigger as the notices arrive.
const ENGINE_TABLES = new Set(['schema_migrations', 'notice_search', 'blobs', 'organisation_queue', ...GROUPING_TABLES, ...FACTS_TABLES]);
/** Keeps each INSERT under PostgreSQL's 65,535 bound parameters. */
const MAX_PARAMS = 30_000;

export function openPostgresRaw(url: string): RawDatabase {
  const pool = createPool(url, { poolSize: 2 });
  return {
    engine: 'postgres',
    async tables() {
      const columns = await rows<{ table_name: string; column_name: string }>(pool, /* sql */ `
        SELECT c.table_name, c.column_name FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'`);
      const foreign = await rows<{ child: string; parent: string }>(pool, /* sql */ `
        SELECT conrelid::regclass::text AS child, confrelid::regclass::text AS parent
        FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace`);
      const byTable = new Map<string, RawTable>();
      for (const c of columns) {
        if (ENGINE_TABLES.has(c.table_name)) continue;
        const t = byTable.get(c.table_name) ?? byTable.set(c.table_name, { name: c.table_name, columns: [], dependsOn: [] }).get(c.table_name)!;
        t.columns.push(c.column_name);
      }
      for (const f of foreign) {
        const t = byTable.get(f.child.replaceAll('"', ''));
        if (t && !t.dependsOn.includes(f.parent)) t.dependsOn.push(f.parent.replaceAll('"', ''));
      }
      return [...byTable.values()].map((t) => ({ ...t, columns: t.columns.sort() })).sort((a, b) => a.name.localeCompare(b.name));
    },
    async schemaVersion() {
      return (await one<{ v: number }>(pool, 'SELECT coalesce(max(version), 0)::int AS v FROM schema_migrations'))!.v;
    },
    async readRows(table) {
      const result = await pool.query({
        text: `SELECT ${table.columns.map(quoteIdent).join(', ')} FROM ${quoteIdent(table.name)}`, rowMode: 'array',
      });
      return result.rows as RawValue[][];
    },
    async replaceAll(tables, rowsOf) {
      await inTransaction(pool, async (client) => {
        // Replacing a whole casebook (--force) replaces its audit log too: its append-only triggers
        // are off for this transaction only (ALTER TABLE is transactional).
        // A whole casebook is copied in this one transaction: not held to the statement timeout of requests.
        await client.query('SET LOCAL statement_timeout = 0');
        const audited = tables.some((t) => t.name === 'audit_log');
        if (audited) await client.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
        await client.query('DELETE FROM notice_search');
        for (const t of [...GROUPING_TABLES, ...FACTS_TABLES, 'organisation_queue']) await client.query(`DELETE FROM ${t}`);
        for (const t of [...tables].reverse()) await client.query(`DELETE FROM ${quoteIdent(t.name)}`);
        for (const t of tables) {
          const all = rowsOf(t);
          const perInsert = Math.max(1, Math.floor(MAX_PARAMS / t.columns.length));
          for (let i = 0; i < all.length; i += perInsert) {
            const batch = all.slice(i, i + perInsert);
            const params: RawValue[] = [];
            const values = batch.map((row) => `(${row.map((v) => `$${params.push(v)}`).join(', ')})`);
            await client.query(`INSERT INTO ${quoteIdent(t.name)} (${t.columns.map(quoteIdent).join(', ')}) VALUES ${values.join(', ')}`, params);
          }
        }
        for (const n of await rows<{ id: number; text: string }>(client, 'SELECT id, text FROM notices')) {
          await client.query('INSERT INTO notice_search (notice_id, body) VALUES ($1, $2::tsvector)', [n.id, tsvectorText(tokenize(n.text))]);
        }
        await client.query(`INSERT INTO incident_facts_queue (incident_id, seq) SELECT id, nextval('incident_facts_seq') FROM incidents
          ON CONFLICT (incident_id) DO UPDATE SET seq = excluded.seq`);
        if (audited) await client.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
        // Rows came with their ids: the identity counters must start after them.
        const identities = await rows<{ table_name: string; column_name: string }>(client, /* sql */ `
          SELECT table_name, column_name FROM information_schema.columns
          WHERE table_schema = current_schema() AND is_identity = 'YES'`);
        for (const { table_name: table, column_name: column } of identities) {
          await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${quoteIdent(column)}) FROM ${quoteIdent(table)}), 0) + 1, false)`,
            [quoteIdent(table), column]);
        }
      });
    },
    async close() {
      await pool.end();
    },
  };
}
