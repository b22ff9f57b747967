// A correction of an incident's merged value (issue 19, item 1): a value picked from an earlier notice's
// text, in an incident whose latest notice states another, is what the incident shows afterwards. The
// page's own script (/static/review.js) runs over the rendered page in linkedom, as a browser would run
// it, and the form it leaves is sent as a browser would send it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Casebook } from '../../src/app/casebook.ts';
import { getMergedIncident } from '../../src/app/incidents.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { createApp } from '../../src/server/app.ts';
import { REVIEW_SCRIPT } from '../../src/server/static/review-script.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { ORIGIN, signIn, type Client } from '../helpers/sign-in.ts';
import { createApiToken } from '../../src/app/accounts.ts';
import { tempDir } from '../helpers/temp-dir.ts';

export const FIRST = `ランサムウェア被害に関するお知らせ
2024年9月12日
株式会社みなと精機
2024年9月3日、当社のファイルサーバーがランサムウェアにより暗号化されました。取引先情報4万8,215名分が流出した可能性があります。
`;
export const SECOND = `ランサムウェア被害に関するお知らせ(第2報)
2024年10月25日
株式会社みなと精機
2024年9月12日にお知らせいたしました当社サーバーへの不正アクセスについて、調査の結果、取引先情報約1万2千件が流出した可能性があることが判明しました。
`;

/** linkedom's <select> has a read-only value: give each one a browser's (setting it selects the option). */
type Doc = ReturnType<typeof parseHTML>['document'];
type El = ReturnType<Doc['querySelector']> & object;

function settableSelects(document: Doc): void {
  for (const select of document.querySelectorAll('select')) {
    const options = () => [...select.querySelectorAll('option')];
    Object.defineProperty(select, 'value', {
      get: () => (options().find((o) => o.hasAttribute('selected')) ?? options()[0])?.getAttribute('value') ?? '',
      set: (v: string) => { for (const o of options()) o.toggleAttribute('selected', o.getAttribute('value') === v); },
    });
  }
}

/** The named controls of a form, as a browser would send them. */
function formValues(form: El): Record<string, string> {
  const out: Record<string, string> = {};
  for (const el of form.querySelectorAll('input[name], select[name]')) {
    out[el.getAttribute('name')!] = (el as unknown as { value?: string }).value ?? el.getAttribute('value') ?? '';
  }
  return out;
}

describe.each(CASEBOOK_ENGINES)('correcting an incident\'s merged value on $name', (engine) => {
  const dir = tempDir();
  let casebook: Casebook;
  let app: ReturnType<typeof createApp>;
  let sato: Client;
  let first = 0;
  let incident = 0;

  beforeAll(async () => {
    writeFileSync(join(dir, 'first.txt'), FIRST);
    writeFileSync(join(dir, 'second.txt'), SECOND);
    casebook = await engine.open(dir, 'merged_value');
    await ingestPaths([dir], casebook);
    app = createApp(casebook);
    first = (await casebook.store.search('4万8,215'))[0]!.id;
    const second = (await casebook.store.search('1万2千件'))[0]!.id;
    incident = (await casebook.store.incidentOfNotice(first))!;
    expect(await casebook.store.incidentOfNotice(second)).toBe(incident);
    sato = await signIn(app, casebook.store, '佐藤', 'editor');
  });
  afterAll(async () => casebook.close());

  it('starts with the latest notice\'s count as the incident\'s', async () => {
    expect((await getMergedIncident(casebook.store, incident))!.merged.affected_count).toMatchObject({ value: 12000, rule: 'latest_stated' });
  });

  it('a value taken from the earlier notice\'s text with "use selection" becomes the incident\'s value', async () => {
    const page = await (await sato.get(`/incidents/${incident}`)).text();
    const { window, document } = parseHTML(page);
    // The reader selects 「4万8,215名」 in the first notice's text and presses the button.
    const text = document.querySelector(`pre.notice-text[data-notice="${first}"]`)!;
    const node = [...text.childNodes].find((n) => n.textContent?.includes('4万8,215名'))!;
    (window as unknown as { getSelection: () => unknown }).getSelection = () => ({
      isCollapsed: false, rangeCount: 1, toString: () => '4万8,215名', getRangeAt: () => ({ commonAncestorContainer: node }),
    });
    settableSelects(document);
    new Function('window', 'document', REVIEW_SCRIPT)(window, document);
    const form = document.getElementById('correct-form')!;
    (form.querySelector('select[name="field"]') as unknown as { value: string }).value = 'affected_count';
    document.getElementById('use-selection')!.dispatchEvent(new window.Event('click'));
    const sent = formValues(form);
    expect(sent).toMatchObject({ value: '4万8,215名', target: 'incident', field: 'affected_count' });

    const res = await sato.post(`/incidents/${incident}/review`, { ...sent, reason: '公表文に4万8,215名とある' });
    expect(res.status).toBe(303);
    const merged = (await getMergedIncident(casebook.store, incident))!.merged.affected_count;
    expect(merged).toMatchObject({ value: 48215, rule: 'person' });
    const after = await (await sato.get(`/incidents/${incident}`)).text();
    expect(after).toMatch(/<tr data-field="affected_count"[^>]*>[\s\S]*?48,215人/);
  });

  it('the API corrects the merged value too, by the incident\'s number, for an editor only', async () => {
    const number = (await casebook.store.getIncident(incident))!.number!;
    const api = (body: unknown, headers: Record<string, string> = {}, who: Client = sato) =>
      app.request(`${ORIGIN}/api/v1/incidents/${number}/corrections`, {
        method: 'POST', body: JSON.stringify(body),
        headers: { 'Content-Type': 'application/json', Origin: ORIGIN, Cookie: who.cookie, 'X-CSRF-Token': who.csrf, ...headers },
      });
    const res = await api({ field: 'affected_count', value: '3万5,000名', reason: '第2報に3万5,000名とある' });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ target: 'incident', target_id: incident, field: 'affected_count', new_value: 35000, by: '佐藤', reason: '第2報に3万5,000名とある' });
    expect((await getMergedIncident(casebook.store, incident))!.merged.affected_count).toMatchObject({ value: 35000, rule: 'person' });

    const bad = await api({ field: 'affected_count', value: 'たくさん', reason: 'test' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect((await api({ field: 'affected_count' })).status).toBe(400);
    // A token of scope read does not write (test/server/api-corrections.test.ts covers an editor's token); a viewer neither.
    const { token } = await createApiToken(casebook.store, '佐藤', { label: 'script', scope: 'read', madeIn: 'cli' }, 'test');
    const byToken = await app.request(`${ORIGIN}/api/v1/incidents/${number}/corrections`, {
      method: 'POST', body: JSON.stringify({ field: 'affected_count', value: '1', reason: 'test' }), headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    });
    expect(byToken.status).toBe(403);
    const viewer = await signIn(app, casebook.store, 'yamada', 'viewer');
    expect((await api({ field: 'affected_count', value: '1', reason: 'test' }, {}, viewer)).status).toBe(403);
    expect((await getMergedIncident(casebook.store, incident))!.merged.affected_count.value).toBe(35000);
  });

  it('a value that does not fit is a 400 in the page\'s language naming the field, never a 500', async () => {
    const send = (field: string, value: string, headers: Record<string, string> = {}) =>
      sato.post(`/incidents/${incident}/review`, { action: 'correct', target: 'incident', field, value, notice: String(first), reason: 'test' }, headers);
    const cases: [string, string, RegExp, RegExp][] = [
      ['affected_count', 'たくさん', /影響人数（affected_count）: 「たくさん」を数として読めません/, /Affected people \(affected_count\): “たくさん” is not a whole number/],
      ['disclosure_date', '1月22日', /（disclosure_date）: 「1月22日」には年がありません/, /\(disclosure_date\): “1月22日” has no year/],
      ['occurred_date', '2023-02-29', /（occurred_date）: 「2023-02-29」は暦にない日付です/, /is not a day of the calendar/],
      ['sector', '宇宙', /（sector）: 「宇宙」は選べる値ではありません/, /is none of this field’s values/],
      ['reported_to_ppc', 'たぶん', /（reported_to_ppc）: 「たぶん」ではなく「はい」か「いいえ」/, /answer yes or no/],
      ['colour', 'red', /項目「colour」はありません/, /there is no field “colour”/],
    ];
    for (const [field, value, ja, en] of cases) {
      const res = await send(field, value);
      expect(res.status, `${field} ${value}`).toBe(400);
      expect(await res.text()).toMatch(ja);
      const english = await send(field, value, { 'Accept-Language': 'en' });
      expect(english.status).toBe(400);
      expect(await english.text()).toMatch(en);
    }
  });

  it('the form says which value each target changes, in the page\'s language', async () => {
    const ja = await (await sato.get(`/incidents/${incident}`)).text();
    expect(ja).toContain('<option value="incident" selected>事案の値');
    expect(ja).toContain(`<option value="notice:${first}">公表文 ${first} の読み取りだけ`);
    const en = await (await sato.get(`/incidents/${incident}?lang=en`)).text();
    expect(en).toContain('<option value="incident" selected>the incident’s value');
  });
});
