// Migration 15 (datasets) on a casebook of the schema before it, on both engines: VERIS files imported before
// (JSON documents read by the VERIS importer) become dataset 'veris:unknown' with their incident_id
// (read from the text the importer wrote), a notice read from text stays 'jp-notices', and the next
// regrouping splits the incident the notice rules had merged them into (their summaries are the same:
// real VCDB files, read in place from ../shared) into one per file, shown with no casebook number; the
// number jikenbo gave the merged one still finds the incident that kept it.
import Database from 'better-sqlite3';
import pg from 'pg';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { regroupIncidents } from '../../src/app/incidents.ts';
import { loadIncidentFacts } from '../../src/app/incident-facts.ts';
import { readableSummary } from '../../src/app/veris.ts';
import { recordFromVeris, type VerisIncident } from '../../src/formats/veris-mapping.ts';
import { migrate as migratePostgres } from '../../src/store/migrations/postgres-migrate.ts';
import { MIGRATIONS } from '../../src/store/migrations/schema-migrations.ts';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { migrate as migrateSqlite } from '../../src/store/migrations/sqlite-migrate.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/ports.ts';
import { createTestDatabase } from '../helpers/postgres.ts';
import { makeRecord, sha256Of } from './fixtures.ts';

const VCDB = resolve('../shared/vendor-data/vcdb/validated');
/** Two VCDB incidents of the Red October campaign: one summary, two victims. */
const FILES = ['18CFF554-A6C1-4B70-8651-647F85EB899B.json', '20DE2227-3738-4E4D-982F-4639A3B688CF.json'];
const isDatasets = (m: { name: string }) => m.name.startsWith('datasets:');
const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The rows an import before migration 15 wrote (app/veris.ts importOne then), and one Japanese notice. */
function rowsBefore(): { sql: string; ids: string[] } {
  const at = '2026-01-01T00:00:00.000Z';
  const docs = FILES.map((file) => {
    const bytes = readFileSync(join(VCDB, file));
    const incident = JSON.parse(bytes.toString('utf8')) as VerisIncident;
    const plain = recordFromVeris(incident);
    const text = readableSummary(incident, plain);
    const record = { ...plain, header: text.split('\n', 1)[0]!, evidence: {} };
    return { id: String(incident.incident_id), sha: sha256Of(bytes.toString('utf8')), media: 'application/json', text, record, version: 'veris-import/1' };
  });
  const jpText = '【架空】みどり電機株式会社　不正アクセスによる個人情報漏洩のお知らせ';
  docs.push({ id: '', sha: sha256Of(jpText), media: 'text/plain', text: jpText, version: 'jikenbo/test',
    record: makeRecord({ header: '【架空】みどり電機株式会社', organization: 'みどり電機株式会社', disclosure_date: '2024-03-15', incident_types: ['unauthorized_access'] }) });
  const sql = docs.map((d) => `
    INSERT INTO documents (sha256, source, media_type, encoding, byte_length, text, ingested_at)
      VALUES (${lit(d.sha)}, 'before.json', ${lit(d.media)}, 'UTF-8', ${d.text.length}, ${lit(d.text)}, '${at}');
    INSERT INTO notices (document_id, ordinal, start_offset, end_offset, text, header, organization, title, disclosure_date, kind)
      SELECT id, 0, 0, ${d.text.length}, ${lit(d.text)}, ${lit(d.record.header)}, ${d.record.organization === null ? 'NULL' : lit(d.record.organization)},
             NULL, ${d.record.disclosure_date === null ? 'NULL' : lit(d.record.disclosure_date)}, 'incident'
      FROM documents WHERE sha256 = ${lit(d.sha)};
    INSERT INTO records (notice_id, record_json, extractor_version, created_at)
      SELECT n.id, ${lit(JSON.stringify(d.record))}, ${lit(d.version)}, '${at}' FROM notices n JOIN documents x ON x.id = n.document_id WHERE x.sha256 = ${lit(d.sha)};`).join('\n');
  // The two VERIS notices merged into one incident numbered J2026-0002, as the notice rules did before.
  const merged = `
    INSERT INTO incidents (created_at, own_number, number_assigned_at, export_key) VALUES ('${at}', 'J2026-0002', '${at}', 'k-merged');
    INSERT INTO incident_notices (incident_id, notice_id)
      SELECT i.id, n.id FROM incidents i, notices n JOIN documents d ON d.id = n.document_id
      WHERE i.export_key = 'k-merged' AND d.media_type = 'application/json';
    INSERT INTO casebook_counters (year, last) VALUES (2026, 2);`;
  return { sql: sql + merged, ids: docs.slice(0, 2).map((d) => d.id) };
}

interface Before {
  open(): Promise<Store>;
  documents(): Promise<{ media_type: string; dataset: string; external_id: string | null }[]>;
  dispose(): Promise<void>;
}

const ENGINES = [
  {
    name: 'sqlite',
    async before(sql: string): Promise<Before> {
      const dir = mkdtempSync(join(tmpdir(), 'jikenbo-datasets-'));
      const path = join(dir, 'casebook.db');
      const db = new Database(path);
      migrateSqlite(db, MIGRATIONS.filter((m) => m.version < MIGRATIONS.find(isDatasets)!.version));
      db.exec(sql);
      db.close();
      const documents = async () => {
        const check = new Database(path, { readonly: true });
        try {
          return check.prepare('SELECT media_type, dataset, external_id FROM documents ORDER BY id').all() as Awaited<ReturnType<Before['documents']>>;
        } finally {
          check.close();
        }
      };
      return { open: () => openSqliteStore(path), documents, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'postgres',
    async before(sql: string): Promise<Before> {
      const database = await createTestDatabase('jikenbo_migration_datasets', { empty: true });
      const pool = new pg.Pool({ connectionString: database.url, max: 2 });
      try {
        await migratePostgres(pool, MIGRATIONS.filter((m) => m.version < MIGRATIONS.find(isDatasets)!.version));
        await pool.query(sql);
      } finally {
        await pool.end();
      }
      const documents = async () => {
        const check = new pg.Pool({ connectionString: database.url, max: 1 });
        try {
          return (await check.query('SELECT media_type, dataset, external_id FROM documents ORDER BY id')).rows as Awaited<ReturnType<Before['documents']>>;
        } finally {
          await check.end();
        }
      };
      return { open: () => openPostgresStore(database.url, { maxConnections: 2 }), documents, dispose: () => database.drop() };
    },
  },
];

describe.skipIf(!existsSync(VCDB)).each(ENGINES)('migration to datasets on $name', (engine) => {
  it('marks earlier VERIS imports as imported with their incident_id, and regroups them one incident each, unnumbered', async () => {
    const { sql, ids } = rowsBefore();
    const { open, documents, dispose } = await engine.before(sql);
    try {
      const store = await open();
      try {
        expect(await documents()).toEqual([
          { media_type: 'application/json', dataset: 'veris:unknown', external_id: ids[0] },
          { media_type: 'application/json', dataset: 'veris:unknown', external_id: ids[1] },
          { media_type: 'text/plain', dataset: 'jp-notices', external_id: null },
        ]);
        await regroupIncidents(store);
        const facts = await loadIncidentFacts(store);
        expect(facts).toHaveLength(3);
        const imported = facts.filter((f) => f.dataset === 'veris:unknown');
        expect(imported.map((f) => f.externalId).sort()).toEqual([...ids].sort());
        expect(imported.every((f) => f.number === null && f.noticeIds.length === 1)).toBe(true);
        const kept = imported.filter((f) => f.ownNumber === 'J2026-0002');
        expect(kept).toHaveLength(1);
        expect(await store.findIncidentsByNumber('J2026-0002')).toEqual([kept[0]!.id]);
        expect(facts.find((f) => f.dataset === 'jp-notices')).toMatchObject({ organization: 'みどり電機株式会社', number: 'J2024-0001' });
      } finally {
        await store.close();
      }
    } finally {
      await dispose();
    }
  }, 60_000);
});
