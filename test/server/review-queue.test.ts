// The review queue over HTTP: values most in need of a person first, each with why, in Japanese and
// English; confirming one from the queue takes that value out (and back to the queue), leaves the
// incident's other values waiting, and readers see no confirm button.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Casebook } from '../../src/app/casebook.ts';
import { loadIncidentFacts } from '../../src/app/incident-facts.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { createApp } from '../../src/server/app.ts';
import { CARDS, HOSPITAL, SNS } from '../helpers/duty-notices.ts';
import { BCC_NOTICE, USB_NOTICE } from '../helpers/notices.ts';
import { signIn, type Client } from '../helpers/sign-in.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/** The queue's rows as the page writes them: incident, field, score and the reasons' text. */
function rowsOf(page: string): { incident: number; field: string; score: number; why: string; confirm: boolean }[] {
  return [...page.matchAll(/<tr data-incident="(\d+)" data-field="(\w+)">\s*<td class="num">(\d+)<\/td>[\s\S]*?<td class="why">([^<]*)<\/td>\s*<td class="act">([\s\S]*?)<\/td>\s*<\/tr>/g)]
    .map((m) => ({ incident: Number(m[1]), field: m[2]!, score: Number(m[3]), why: m[4]!, confirm: m[5]!.includes('name="action" value="confirm"') }));
}

describe.each(CASEBOOK_ENGINES)('review queue on $name', (engine) => {
  const dir = tempDir();
  let casebook: Casebook;
  let editor: Client;
  let reader: Client;

  beforeAll(async () => {
    for (const [name, text] of [['usb.txt', USB_NOTICE], ['bcc.txt', BCC_NOTICE], ['sns.txt', SNS], ['hospital.txt', HOSPITAL], ['cards.txt', CARDS]] as const) {
      writeFileSync(join(dir, name), text);
    }
    casebook = await engine.open(dir, 'queue');
    await ingestPaths([dir], casebook);
    const app = createApp(casebook);
    editor = await signIn(app, casebook.store, '佐藤', 'editor');
    reader = await signIn(app, casebook.store, 'yamada', 'viewer');
  });
  afterAll(async () => casebook.close());

  it('orders values by their need of a person and says why, in Japanese and in English', async () => {
    const page = await (await editor.get('/review')).text();
    const rows = rowsOf(page);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.map((r) => r.score)).toEqual([...rows.map((r) => r.score)].sort((a, b) => b - a));
    expect(rows.every((r) => r.confirm)).toBe(true);
    // The card leak mentions no report: the values its duty rests on are flagged.
    const cards = (await loadIncidentFacts(casebook.store)).find((f) => f.organization === '株式会社こなみ書店')!;
    expect(rows.find((r) => r.incident === cards.id && r.field === 'data_types')!.why).toContain('報告義務の判定で挙がった');
    expect(page).toMatch(/人の確認を待つ値 \d+ 件 \(確認済み 0 件・訂正済み 0 件 \/ 全 \d+ 件\)/);
    const en = await (await editor.get('/review?lang=en')).text();
    expect(en).toContain('<h1>Values waiting for review</h1>');
    expect(en).toContain('reporting-duty flag');
    expect(en).not.toContain('報告義務の判定で挙がった');
  });

  it('takes a value confirmed from the queue out of it, and leaves the incident\'s other values waiting', async () => {
    const before = rowsOf(await (await editor.get('/review')).text());
    const top = before[0]!;
    const page = await (await editor.get('/review')).text();
    const form = new RegExp(`<tr data-incident="${top.incident}" data-field="${top.field}">[\\s\\S]*?name="value" value="([^"]*)"[\\s\\S]*?name="notice" value="(\\d+)"`).exec(page)!;
    const res = await editor.post(`/incidents/${top.incident}/review`, {
      action: 'confirm', target: 'incident', back: 'queue', field: top.field, value: form[1]!.replaceAll('&amp;', '&'), notice: form[2]!,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/review#queue');
    const after = await (await editor.get('/review')).text();
    expect(rowsOf(after).some((r) => r.incident === top.incident && r.field === top.field)).toBe(false);
    expect(after).toMatch(/確認済み 1 件・訂正済み 0 件/);
    expect(rowsOf(after).some((r) => r.incident === top.incident)).toBe(true);
    const facts = (await loadIncidentFacts(casebook.store)).find((f) => f.id === top.incident)!;
    expect(facts).toMatchObject({ reviewState: 'unreviewed', review: { confirmed: 1 } });
    // The incident page says which value was confirmed, and by whom; the others say nothing of it.
    const incidentPage = await (await editor.get(`/incidents/${top.incident}`)).text();
    const row = (field: string) => new RegExp(`<tr data-field="${field}"[^>]*>[\\s\\S]*?</tr>`).exec(incidentPage)![0];
    expect(row(top.field)).toContain('<span class="review-confirmed">確認済み (佐藤)</span>');
    expect(incidentPage.match(/class="review-confirmed"/g)).toHaveLength(1);
  });

  it('shows readers the queue without confirm buttons', async () => {
    const rows = rowsOf(await (await reader.get('/review')).text());
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.confirm)).toBe(false);
  });
});
