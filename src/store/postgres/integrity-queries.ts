// PostgreSQL side of `jikenbo check`, as sqlite/integrity-queries.ts, in one REPEATABLE READ
// transaction. Named differences: foreign keys are enforced by the server (no check to run), and the
// search index is compared exactly: each notice's tsvector against the one its text makes.

import { indexTokens } from '../../core/bigram.ts';
import type { IntegrityProblem, IntegrityReport } from '../integrity.ts';
import type { IntegrityStore } from '../ports.ts';
import { inTransaction, rows, type Pool } from './pg-database.ts';
import { tsvectorText } from './pg-text-search.ts';
import { offsetProblem, type NoticeSpan } from '../document-text.ts';

const PAGE = 500;

export function integrityQueries(pool: Pool): IntegrityStore {
  return {
    async checkIntegrity() {
      return inTransaction(pool, async (client): Promise<IntegrityReport> => {
        const problems: IntegrityProblem[] = [];
        const counted: IntegrityReport['counted'] = {};
        const add = (check: IntegrityProblem['check'], subject: string, detail: string) => problems.push({ check, subject, detail });

        for (const n of await rows<{ id: number }>(client, 'SELECT n.id FROM notices n LEFT JOIN documents d ON d.id = n.document_id WHERE d.id IS NULL')) {
          add('notice_document', `notice:${n.id}`, 'its document is missing');
        }
        for (const n of await rows<{ id: number }>(client, 'SELECT n.id FROM notices n WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.notice_id = n.id)')) {
          add('notice_record', `notice:${n.id}`, 'has no machine record');
        }

        let documentsRead = 0;
        for (let after = 0; ;) {
          const docs = await rows<{ id: number; lead_text: string; whole_text: string | null }>(client,
            'SELECT id, lead_text, whole_text FROM documents WHERE id > $1 ORDER BY id LIMIT $2', [after, PAGE]);
          if (docs.length === 0) break;
          after = docs[docs.length - 1]!.id;
          const spans = new Map<number, NoticeSpan[]>();
          for (const n of await rows<{ document_id: number; id: number; start_offset: number; end_offset: number; text: string }>(client,
            'SELECT document_id, id, start_offset, end_offset, text FROM notices WHERE document_id = ANY ($1::int[]) ORDER BY document_id, ordinal',
            [docs.map((d) => d.id)])) {
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
        counted.document_text = documentsRead;

        let notices = 0;
        for (let after = 0; ;) {
          const page = await rows<{ id: number; text: string }>(client, 'SELECT id, text FROM notices WHERE id > $1 ORDER BY id LIMIT $2', [after, PAGE]);
          if (page.length === 0) break;
          notices += page.length;
          after = page[page.length - 1]!.id;
          const wrong = await rows<{ id: number; indexed: boolean }>(client, /* sql */ `
            SELECT e.id, s.notice_id IS NOT NULL AS indexed
            FROM unnest($1::int[], $2::tsvector[]) AS e (id, v)
            LEFT JOIN notice_search s ON s.notice_id = e.id
            WHERE s.body IS DISTINCT FROM e.v`, [page.map((n) => n.id), page.map((n) => tsvectorText(indexTokens(n.text)))]);
          for (const w of wrong) add('search_index', `notice:${w.id}`, w.indexed ? 'its index entry does not hold its words' : 'not in the full-text index');
        }
        for (const s of await rows<{ notice_id: number }>(client, 'SELECT s.notice_id FROM notice_search s WHERE NOT EXISTS (SELECT 1 FROM notices n WHERE n.id = s.notice_id)')) {
          add('search_index', `notice:${s.notice_id}`, 'in the full-text index, but there is no such notice');
        }
        counted.search_index = notices;

        for (const n of await rows<{ id: number }>(client, `SELECT n.id FROM notices n WHERE n.kind = 'incident' AND NOT EXISTS (SELECT 1 FROM incident_notices m WHERE m.notice_id = n.id)`)) {
          add('incident_members', `notice:${n.id}`, 'an incident notice outside every incident');
        }
        for (const n of await rows<{ id: number; kind: string }>(client, `SELECT n.id, n.kind FROM notices n JOIN incident_notices m ON m.notice_id = n.id WHERE n.kind <> 'incident'`)) {
          add('incident_members', `notice:${n.id}`, `a ${n.kind} notice inside an incident`);
        }
        for (const i of await rows<{ id: number }>(client, 'SELECT i.id FROM incidents i WHERE NOT EXISTS (SELECT 1 FROM incident_notices m WHERE m.incident_id = i.id)')) {
          add('incident_members', `incident:${i.id}`, 'has no notices');
        }
        counted.incident_members = (await rows<{ n: number }>(client, 'SELECT count(*) AS n FROM incidents'))[0]!.n;

        for (const d of await rows<{ number: string; ids: string }>(client, `
          SELECT own_number AS number, string_agg(id::text, ',' ORDER BY id) AS ids FROM incidents
          WHERE own_number IS NOT NULL GROUP BY own_number HAVING count(*) > 1`)) {
          add('casebook_numbers', `number:${d.number}`, `handed out to incidents ${d.ids}`);
        }
        for (const c of await rows<{ year: number; last: number; highest: number }>(client, `
          WITH given (n) AS (
            SELECT own_number FROM incidents WHERE own_number IS NOT NULL
            UNION ALL SELECT alias FROM incident_aliases WHERE kind = 'number' AND alias LIKE 'J%')
          SELECT substr(g.n, 2, 4)::int AS year, coalesce(max(c.last), 0) AS last, max(substr(g.n, 7)::int) AS highest
          FROM given g LEFT JOIN casebook_counters c ON c.year = substr(g.n, 2, 4)::int
          GROUP BY 1 HAVING max(substr(g.n, 7)::int) > coalesce(max(c.last), 0)`)) {
          add('casebook_numbers', `year:${c.year}`, `the counter stands at ${c.last} but ${c.highest} was handed out`);
        }

        for (const c of await rows<{ id: number; target: string; target_id: number }>(client, `
          SELECT c.id, c.target, c.target_id FROM corrections c
          WHERE c.target = 'notice' AND NOT EXISTS (SELECT 1 FROM notices n WHERE n.id = c.target_id)`)) {
          add('references', `correction:${c.id}`, `corrects ${c.target} #${c.target_id}, which does not exist`);
        }
        const documents = await rows<{ id: number; sha256: string }>(client, 'SELECT id, sha256 FROM documents ORDER BY id');
        return { problems, counted, documents };
      }, { isolation: 'REPEATABLE READ', readOnly: true });
    },
  };
}
