// SQLite side of `jikenbo check`: SQLite's own integrity check, then the casebook's rules, in one read
// transaction so that a writer cannot make the checks disagree with each other.

import type Database from 'better-sqlite3';
import { indexTokens } from '../../core/bigram.ts';
import { probeTokens, type IntegrityProblem, type IntegrityReport } from '../integrity.ts';
import type { IntegrityStore } from '../ports.ts';
import { offsetProblem, type NoticeSpan, type StoredDocumentText } from '../document-text.ts';

interface DocumentTextRow {
  document_id: number;
  lead_text: string;
  whole_text: string | null;
  id: number;
  start_offset: number;
  end_offset: number;
  text: string;
}

const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;

export function integrityQueries(db: Database.Database): IntegrityStore {
  const run = db.transaction((): IntegrityReport => {
    const problems: IntegrityProblem[] = [];
    const counted: IntegrityReport['counted'] = {};
    const add = (check: IntegrityProblem['check'], subject: string, detail: string) => problems.push({ check, subject, detail });
    const all = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];

    for (const row of all<{ integrity_check: string }>('PRAGMA integrity_check')) {
      if (row.integrity_check !== 'ok') add('schema', 'database', row.integrity_check);
    }
    for (const row of all<{ table: string; rowid: number; parent: string }>('PRAGMA foreign_key_check')) {
      add('references', `${row.table}:${row.rowid}`, `names a missing row of ${row.parent}`);
    }
    try {
      db.prepare("INSERT INTO notice_fts (notice_fts) VALUES ('integrity-check')").run();
    } catch (err) {
      add('search_index', 'notice_fts', `FTS5 integrity check: ${(err as Error).message}`);
    }

    for (const n of all<{ id: number }>('SELECT n.id FROM notices n LEFT JOIN documents d ON d.id = n.document_id WHERE d.id IS NULL')) {
      add('notice_document', `notice:${n.id}`, 'its document is missing');
    }
    for (const n of all<{ id: number }>('SELECT n.id FROM notices n WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.notice_id = n.id)')) {
      add('notice_record', `notice:${n.id}`, 'has no machine record');
    }

    // Documents in id order, each with its notices in ordinal order, one row per notice.
    type Read = { id: number; stored: StoredDocumentText; notices: NoticeSpan[] };
    let current = null as Read | null;
    const finish = (doc: Read | null) => {
      const problem = doc && offsetProblem(doc.stored, doc.notices);
      if (problem) add('document_text', `notice:${problem.noticeId}`, problem.detail);
    };
    let documentsRead = 0;
    for (const r of db.prepare(/* sql */ `
      SELECT d.id AS document_id, d.lead_text, d.whole_text, n.id, n.start_offset, n.end_offset, n.text
      FROM documents d JOIN notices n ON n.document_id = d.id ORDER BY d.id, n.ordinal`).iterate() as Iterable<DocumentTextRow>) {
      if (current?.id !== r.document_id) {
        finish(current);
        documentsRead++;
        current = { id: r.document_id, stored: { leadText: r.lead_text, wholeText: r.whole_text }, notices: [] };
      }
      current.notices.push({ id: r.id, start: r.start_offset, end: r.end_offset, text: r.text });
    }
    finish(current);
    counted.document_text = documentsRead;

    const indexed = new Set(all<{ rowid: number }>('SELECT rowid FROM notice_fts').map((r) => r.rowid));
    const probe = db.prepare('SELECT 1 FROM notice_fts WHERE notice_fts MATCH ? AND rowid = ?').pluck();
    let notices = 0;
    for (const n of db.prepare('SELECT id, text FROM notices ORDER BY id').iterate() as Iterable<{ id: number; text: string }>) {
      notices++;
      if (!indexed.delete(n.id)) {
        add('search_index', `notice:${n.id}`, 'not in the full-text index');
        continue;
      }
      const missing = probeTokens(indexTokens(n.text)).find((tokens) => probe.get(quote(tokens.join(' ')), n.id) === undefined);
      if (missing) add('search_index', `notice:${n.id}`, `its own words "${missing.join(' ')}" do not find it`);
    }
    for (const id of indexed) add('search_index', `notice:${id}`, 'in the full-text index, but there is no such notice');
    counted.search_index = notices;

    for (const n of all<{ id: number }>(`SELECT n.id FROM notices n WHERE n.kind = 'incident' AND NOT EXISTS (SELECT 1 FROM incident_notices m WHERE m.notice_id = n.id)`)) {
      add('incident_members', `notice:${n.id}`, 'an incident notice outside every incident');
    }
    for (const n of all<{ id: number; kind: string }>(`SELECT n.id, n.kind FROM notices n JOIN incident_notices m ON m.notice_id = n.id WHERE n.kind <> 'incident'`)) {
      add('incident_members', `notice:${n.id}`, `a ${n.kind} notice inside an incident`);
    }
    for (const i of all<{ id: number }>('SELECT i.id FROM incidents i WHERE NOT EXISTS (SELECT 1 FROM incident_notices m WHERE m.incident_id = i.id)')) {
      add('incident_members', `incident:${i.id}`, 'has no notices');
    }
    counted.incident_members = (db.prepare('SELECT count(*) FROM incidents').pluck().get() as number);

    // Numbers jikenbo gave (JYYYY-NNNN): held by one incident each (a unique index too), and the year's
    // counter above every one given, also those a merge retired (kept as aliases).
    for (const d of all<{ number: string; ids: string }>(`
      SELECT own_number AS number, group_concat(id) AS ids FROM incidents
      WHERE own_number IS NOT NULL GROUP BY own_number HAVING count(*) > 1`)) {
      add('casebook_numbers', `number:${d.number}`, `handed out to incidents ${d.ids}`);
    }
    for (const c of all<{ year: number; last: number; highest: number }>(`
      WITH given (n) AS (
        SELECT own_number FROM incidents WHERE own_number IS NOT NULL
        UNION ALL SELECT alias FROM incident_aliases WHERE kind = 'number' AND alias GLOB 'J*')
      SELECT CAST(substr(g.n, 2, 4) AS INTEGER) AS year, coalesce(c.last, 0) AS last, max(CAST(substr(g.n, 7) AS INTEGER)) AS highest
      FROM given g LEFT JOIN casebook_counters c ON c.year = CAST(substr(g.n, 2, 4) AS INTEGER)
      GROUP BY 1 HAVING highest > last`)) {
      add('casebook_numbers', `year:${c.year}`, `the counter stands at ${c.last} but ${c.highest} was handed out`);
    }

    for (const c of all<{ id: number; target: string; target_id: number }>(`
      SELECT c.id, c.target, c.target_id FROM corrections c
      WHERE (c.target = 'notice' AND NOT EXISTS (SELECT 1 FROM notices n WHERE n.id = c.target_id))`)) {
      add('references', `correction:${c.id}`, `corrects ${c.target} #${c.target_id}, which does not exist`);
    }
    const documents = all<{ id: number; sha256: string }>('SELECT id, sha256 FROM documents ORDER BY id');
    return { problems, counted, documents };
  });
  return {
    async checkIntegrity() {
      return run.deferred();
    },
  };
}
