// Two jikenbo servers on one PostgreSQL database, each with its own pool and caches (as two processes
// behind a load balancer): a correction made through one is what the other serves at its next request,
// on the incident page and in the API, also when two corrections commit out of the order of their ids.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Casebook } from '../../src/app/casebook.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { openPostgresCasebook } from '../../src/app/postgres-casebook.ts';
import { correctValue, revertCorrection } from '../../src/app/review.ts';
import { createApp } from '../../src/server/app.ts';
import { BCC_NOTICE, RANSOM_NOTICE, USB_NOTICE } from '../helpers/notices.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts';
import { tempDir } from '../helpers/temp-dir.ts';

interface IncidentJson {
  affected_count: number | null;
  sector: string | null;
  review_state: string;
}

describe('two servers on one PostgreSQL database', () => {
  const dir = tempDir();
  let database: TestDatabase;
  let one: Casebook;
  let two: Casebook;
  let appTwo: ReturnType<typeof createApp>;
  const ids = { usb: 0, bcc: 0, ransom: 0 };
  const incident = { usb: 0, bcc: 0, ransom: 0 };

  const apiIncident = async (id: number) => {
    const res = await appTwo.request(`/api/v1/incidents/${id}`);
    expect(res.status).toBe(200);
    return (await res.json()) as IncidentJson;
  };
  const page = async (id: number) => (await appTwo.request(`/incidents/${id}`)).text();
  const affectedRow = (html: string) => html.match(/<tr data-field="affected_count"[^>]*>[\s\S]*?<\/tr>/)?.[0] ?? '';

  beforeAll(async () => {
    database = await createTestDatabase('jikenbo_servers');
    writeFileSync(join(dir, 'usb.txt'), USB_NOTICE);
    writeFileSync(join(dir, 'bcc.txt'), BCC_NOTICE);
    writeFileSync(join(dir, 'ransom.txt'), RANSOM_NOTICE);
    one = await openPostgresCasebook(database.url, {});
    two = await openPostgresCasebook(database.url, {});
    await ingestPaths([dir], one);
    appTwo = createApp(two, { publicRead: true });
    ids.usb = (await one.store.search('遺失届'))[0]!.id;
    ids.bcc = (await one.store.search('ひかり書房'))[0]!.id;
    ids.ransom = (await one.store.search('みなと精機'))[0]!.id;
    for (const k of ['usb', 'bcc', 'ransom'] as const) incident[k] = (await one.store.incidentOfNotice(ids[k]))!;
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await database?.drop();
  });

  it('serves a correction made through the other server at the next request, and its revert', async () => {
    // Server two has read (and cached) the incident before the correction.
    const before = await appTwo.request(`/api/v1/incidents/${incident.usb}`);
    const etag = before.headers.get('etag')!;
    expect(((await before.json()) as IncidentJson).affected_count).toBe(128);
    expect(affectedRow(await page(incident.usb))).toContain('128人');

    const correction = await correctValue(one.store, { target: 'incident', id: incident.usb, field: 'affected_count', value: '2,500', by: '佐藤', reason: '公表文の記載による' });
    const after = await appTwo.request(`/api/v1/incidents/${incident.usb}`, { headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    // One value corrected: the incident is not yet reviewed as a whole (every stated value is).
    expect(((await after.json()) as IncidentJson)).toMatchObject({ affected_count: 2500, review_state: 'unreviewed' });
    expect(affectedRow(await page(incident.usb))).toContain('2,500人');

    await revertCorrection(one.store, correction.id, '鈴木');
    expect((await apiIncident(incident.usb)).affected_count).toBe(128);
    expect(affectedRow(await page(incident.usb))).toContain('128人');
  });

  it('serves a notice corrected through the other server, in the notice and in its incident', async () => {
    expect((await apiIncident(incident.bcc)).sector).not.toBe('nonprofit');
    await correctValue(one.store, { target: 'notice', id: ids.bcc, field: 'sector', value: 'nonprofit', by: 'tanaka', reason: '公表文の記載による' });
    const notice = (await (await appTwo.request(`/api/v1/notices/${ids.bcc}`)).json()) as { record: { sector: string } };
    expect(notice.record.sector).toBe('nonprofit');
    expect((await apiIncident((await two.store.incidentOfNotice(ids.bcc))!)).sector).toBe('nonprofit');
  });

  it('serves a correction that committed after a later one (ids taken in one order, committed in the other)', async () => {
    expect((await apiIncident(incident.ransom)).affected_count).toBe(12000);
    // A third server's correction takes its id first but commits last.
    const slow = new pg.Client({ connectionString: database.url });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      await slow.query(/* sql */ `
        INSERT INTO corrections (target, target_id, field, old_json, new_json, decided_by, decided_at)
        VALUES ('incident', $1, 'affected_count', '12000', '15000', 'yamada', $2)`, [incident.ransom, new Date().toISOString()]);
      await correctValue(one.store, { target: 'incident', id: incident.bcc, field: 'affected_count', value: '400', by: 'sato', reason: '公表文の記載による' });
      // Server two reads (and caches) everything between the two commits.
      expect((await apiIncident(incident.bcc)).affected_count).toBe(400);
      expect((await apiIncident(incident.ransom)).affected_count).toBe(12000);
      await slow.query('COMMIT');
    } finally {
      await slow.end();
    }
    expect((await apiIncident(incident.ransom)).affected_count).toBe(15000);
    expect(affectedRow(await page(incident.ransom))).toContain('15,000人');
  });
});
