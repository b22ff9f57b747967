// The web app on PostgreSQL with a pool far smaller than the load: 50 incident pages asked for at once
// over HTTP, each reading every member notice at once, all answer; a database that cannot answer in
// time gives a 503 that says why, not a hung request or a 500.

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCasebook, type Casebook } from '../../src/app/casebook.ts';
import { regroupIncidents } from '../../src/app/incidents.ts';
import { createApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/ports.ts';
import { FIRST_NOTICE, SECOND_REPORT, notice } from '../analyze/linkable.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts';
import { serveApp } from '../helpers/serve-app.ts';
import { makeDocument, makeNotice } from '../store/fixtures.ts';

const THIRD = notice(0, 'ランサムウェア被害に関するお知らせ(第3報)\n架空運輸株式会社\n復旧の見通しについてお知らせします。', {
  organization: '架空運輸株式会社', disclosure_date: '2024-10-01', incident_types: ['ransomware'],
});

async function put(store: Store, text: string, record: Parameters<typeof makeNotice>[1]): Promise<number> {
  return (await store.ingestDocument(makeDocument(text), [makeNotice(text, record)])).noticeIds[0]!;
}

function withParams(url: string, params: Record<string, string>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
}

describe('incident pages on a PostgreSQL pool of 2', () => {
  let database: TestDatabase;
  let casebook: Casebook;
  let incidentId = 0;
  let members: number[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('jikenbo_pages');
    // Opened as `jikenbo serve --db URL` opens it: the pool's size from the URL.
    casebook = await openCasebook(withParams(database.url, { pool_size: '2', acquire_timeout_ms: '10000' }));
    members = [
      await put(casebook.store, FIRST_NOTICE.text, FIRST_NOTICE.record),
      await put(casebook.store, SECOND_REPORT.text, SECOND_REPORT.record),
      await put(casebook.store, THIRD.text, THIRD.record),
    ];
    // People's links: one incident of three members whatever the automatic rules make of them.
    await casebook.store.linkNotices(members[0]!, members[1]!, 'tester');
    await casebook.store.linkNotices(members[0]!, members[2]!, 'tester');
    await regroupIncidents(casebook.store);
    incidentId = (await casebook.store.incidentOfNotice(members[0]!))!;
  });
  afterAll(async () => {
    await casebook?.close();
    await database?.drop();
  });

  it('answers 50 concurrent incident pages, each reading its 3 notices at once', async () => {
    expect((await casebook.store.getIncident(incidentId))!.members.map((m) => m.noticeId)).toEqual(members);
    const server = await serveApp(createApp(casebook, { publicRead: true }));
    try {
      const deadline = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the pages did not all answer within 20 s')), 20_000));
      const pages = Promise.all(Array.from({ length: 50 }, async (_, i) => {
        const res = await fetch(`${server.url}${i % 5 === 0 ? '/api/v1/incidents/' : '/incidents/'}${incidentId}`);
        return { status: res.status, body: await res.text() };
      }));
      const answers = await Promise.race([pages, deadline]);
      expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200));
      // Each page shows its members' notices (the page reads them all).
      for (const a of answers.filter((_, i) => i % 5 !== 0)) {
        for (const id of members) expect(a.body).toContain(`/notices/${id}`);
      }
    } finally {
      await server.close();
    }
  });

  it('answers 503 with the reason when a statement cannot finish within the statement timeout', async () => {
    const impatient = await openCasebook(withParams(database.url, { pool_size: '2', statement_timeout_ms: '300' }));
    const locker = new pg.Client({ connectionString: database.url });
    await locker.connect();
    try {
      // Someone holds the incidents table and their facts (what the API reads): every read of them
      // waits, and is cancelled after 300 ms.
      await locker.query('BEGIN; LOCK TABLE incidents, incident_facts, incident_facts_json IN ACCESS EXCLUSIVE MODE');
      const app = createApp(impatient, { publicRead: true });
      const page = await app.request(`/incidents/${incidentId}`);
      expect(page.status).toBe(503);
      expect(page.headers.get('retry-after')).toBe('5');
      const html = await page.text();
      expect(html).toContain('<h1>データベースが一時的に応答できません。しばらくしてからもう一度お試しください</h1>');
      expect(html).toContain(`PostgreSQL データベース「${database.name}」`);
      expect(html).toContain('文の実行が制限時間（statement_timeout_ms = 300 ms）を超えたため取り消されました');
      const api = await app.request(`/api/v1/incidents/${incidentId}`);
      expect(api.status).toBe(503);
      expect(api.headers.get('retry-after')).toBe('5');
      expect(await api.json()).toMatchObject({ status: 503, title: 'Service unavailable', detail: expect.stringMatching(/statement timeout/) });
      await locker.query('ROLLBACK');
      expect((await app.request(`/incidents/${incidentId}`)).status).toBe(200);
    } finally {
      await locker.end();
      await impatient.close();
    }
  });
});
