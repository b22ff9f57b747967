// `jikenbo check`, on both engines: the engine's own checks, then the casebook's rules, in one read
// transaction so that a writer cannot make the checks disagree with each other. The engine's own
// checks and how the full-text index is compared with the notices are the engine's (handed in).

import type { IntegrityProblem, IntegrityReport } from '../integrity.ts';
import type { IntegrityStore } from '../ports.ts';
import { offsetProblem, type NoticeSpan } from '../document-text.ts';
import { all, get, type Sql, type SqlEngine } from '../sql/sql.ts';

export type AddProblem = (check: IntegrityProblem['check'], subject: string, detail: string) => void;

export interface EngineIntegrity {
  /** The engine's own checks, first (SQLite: its integrity check, foreign keys, FTS5's own check; none on PostgreSQL). */
  own(add: AddProblem): Sql<void>;
  /** Each notice against the full-text index, and index entries of no notice; how many notices were checked. */
  searchIndex(add: AddProblem): Sql<number>;
}

const PAGE = 500;

export function integrityQueries(engine: SqlEngine, checks: EngineIntegrity): IntegrityStore {
  const { inList, list, stringAgg } = engine.dialect;
  const spansOf = `SELECT document_id, id, start_offset, end_offset, text FROM notices WHERE document_id ${inList('ids', 'integer')} ORDER BY document_id, ordinal`;

  const documentText = function* (add: AddProblem): Sql<number> {
    let documentsRead = 0;
    for (let after = 0; ;) {
      const docs = yield* all<{ id: number; lead_text: string; whole_text: string | null }>(
        'SELECT id, lead_text, whole_text FROM documents WHERE id > @after ORDER BY id LIMIT @limit', { after, limit: PAGE });
      if (docs.length === 0) break;
      after = docs[docs.length - 1]!.id;
      const spans = new Map<number, NoticeSpan[]>();
      for (const n of yield* all<{ document_id: number; id: number; start_offset: number; end_offset: number; text: string }>(spansOf, { ids: list(docs.map((d) => d.id)) })) {
        (spans.get(n.document_id) ?? spans.set(n.document_id, []).get(n.document_id)!).push({ id: n.id, start: n.start_offset, end: n.end_offset, text: n.text });
      }
      for (const d of docs) {
        const own = spans.get(d.id);
        if (!own) continue;
        documentsRead++;
        const problem = offsetProblem({ leadText: d.lead_text, wholeText: d.whole_text }, own);
        if (problem) add('document_text', `notice:${problem.noticeId}`, problem.detail);
      }
    }
    return documentsRead;
  };

  return {
    async checkIntegrity() {
      return engine.transaction(function* (): Sql<IntegrityReport> {
        const problems: IntegrityProblem[] = [];
        const counted: IntegrityReport['counted'] = {};
        const add: AddProblem = (check, subject, detail) => problems.push({ check, subject, detail });

        yield* checks.own(add);
        for (const n of yield* all<{ id: number }>('SELECT n.id FROM notices n LEFT JOIN documents d ON d.id = n.document_id WHERE d.id IS NULL')) {
          add('notice_document', `notice:${n.id}`, 'its document is missing');
        }
        for (const n of yield* all<{ id: number }>('SELECT n.id FROM notices n WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.notice_id = n.id)')) {
          add('notice_record', `notice:${n.id}`, 'has no machine record');
        }
        counted.document_text = yield* documentText(add);
        counted.search_index = yield* checks.searchIndex(add);

        for (const n of yield* all<{ id: number }>(`SELECT n.id FROM notices n WHERE n.kind = 'incident' AND NOT EXISTS (SELECT 1 FROM incident_notices m WHERE m.notice_id = n.id)`)) {
          add('incident_members', `notice:${n.id}`, 'an incident notice outside every incident');
        }
        for (const n of yield* all<{ id: number; kind: string }>(`SELECT n.id, n.kind FROM notices n JOIN incident_notices m ON m.notice_id = n.id WHERE n.kind <> 'incident'`)) {
          add('incident_members', `notice:${n.id}`, `a ${n.kind} notice inside an incident`);
        }
        for (const i of yield* all<{ id: number }>('SELECT i.id FROM incidents i WHERE NOT EXISTS (SELECT 1 FROM incident_notices m WHERE m.incident_id = i.id)')) {
          add('incident_members', `incident:${i.id}`, 'has no notices');
        }
        counted.incident_members = Number((yield* get<{ n: number }>('SELECT count(*) AS n FROM incidents'))!.n);

        // Numbers jikenbo gave (JYYYY-NNNN): held by one incident each (a unique index too), and the year's
        // counter above every one given, also those a merge retired (kept as aliases).
        for (const d of yield* all<{ number: string; ids: string }>(`
          SELECT own_number AS number, ${stringAgg('CAST(id AS TEXT)', "','", 'id')} AS ids FROM incidents
          WHERE own_number IS NOT NULL GROUP BY own_number HAVING count(*) > 1`)) {
          add('casebook_numbers', `number:${d.number}`, `handed out to incidents ${d.ids}`);
        }
        for (const c of yield* all<{ year: number; last: number; highest: number }>(`
          WITH given (n) AS (
            SELECT own_number FROM incidents WHERE own_number IS NOT NULL
            UNION ALL SELECT alias FROM incident_aliases WHERE kind = 'number' AND substr(alias, 1, 1) = 'J')
          SELECT CAST(substr(g.n, 2, 4) AS INTEGER) AS year, coalesce(max(c.last), 0) AS last, max(CAST(substr(g.n, 7) AS INTEGER)) AS highest
          FROM given g LEFT JOIN casebook_counters c ON c.year = CAST(substr(g.n, 2, 4) AS INTEGER)
          GROUP BY 1 HAVING max(CAST(substr(g.n, 7) AS INTEGER)) > coalesce(max(c.last), 0)`)) {
          add('casebook_numbers', `year:${c.year}`, `the counter stands at ${c.last} but ${c.highest} was handed out`);
        }

        for (const c of yield* all<{ id: number; target: string; target_id: number }>(`
          SELECT c.id, c.target, c.target_id FROM corrections c
          WHERE c.target = 'notice' AND NOT EXISTS (SELECT 1 FROM notices n WHERE n.id = c.target_id)`)) {
          add('references', `correction:${c.id}`, `corrects ${c.target} #${c.target_id}, which does not exist`);
        }
        const documents = yield* all<{ id: number; sha256: string }>('SELECT id, sha256 FROM documents ORDER BY id');
        return { problems, counted, documents };
      }, { isolation: 'REPEATABLE READ', readOnly: true });
    },
  };
}
