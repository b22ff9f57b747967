// The reporting duty on the pages: the incident timeline gives the 速報/確報 dates a notice states and
// whether each came by its due date (no longer 「日付は公表文に記載なし」), and the dashboard counts
// doubtful incidents apart from the non-reporters.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Casebook } from '../../src/app/casebook.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { createApp } from '../../src/server/app.ts';
import { CARDS, HOSPITAL, SNS, SPAM } from '../helpers/duty-notices.ts';
import { signIn, type Client } from '../helpers/sign-in.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe.each(CASEBOOK_ENGINES)('duty on the pages on $name', (engine) => {
  const dir = tempDir();
  let casebook: Casebook;
  let reader: Client;

  beforeAll(async () => {
    for (const [name, text] of [['sns.txt', SNS], ['spam.txt', SPAM], ['hospital.txt', HOSPITAL], ['cards.txt', CARDS]] as const) writeFileSync(join(dir, name), text);
    casebook = await engine.open(dir, 'duty-pages');
    await ingestPaths([dir], casebook);
    reader = await signIn(createApp(casebook), casebook.store, 'yamada', 'viewer');
  });
  afterAll(async () => casebook.close());

  it('puts the stated 速報 and 確報 on the timeline with their due dates', async () => {
    const notice = (await casebook.store.search('はまべ病院'))[0]!.id;
    const id = (await casebook.store.incidentOfNotice(notice))!;
    const page = await (await reader.get(`/incidents/${id}`)).text();
    const timeline = page.slice(page.indexOf('<ol class="timeline">'), page.indexOf('</ol>', page.indexOf('<ol class="timeline">')));
    expect(timeline).not.toContain('日付は公表文に記載なし');
    expect(timeline).toMatch(/<time datetime="2024-04-05">2024-04-05<\/time>\s*<strong>個人情報保護委員会へ速報<\/strong> <span class="meta">期限内/);
    expect(timeline).toMatch(/<time datetime="2024-06-20">2024-06-20<\/time>\s*<strong>個人情報保護委員会へ確報<\/strong> <span class="meta">期限より後/);
    expect(timeline).toMatch(/<time datetime="2024-05-31">2024-05-31<\/time>\s*<strong>確報の期限 \(発覚から60日\)<\/strong>/);
    const en = await (await reader.get(`/incidents/${id}?lang=en`)).text();
    expect(en).toMatch(/確報 \(final report\) to the PPC<\/strong> <span class="meta">after the due date/);
  });

  it('says on the incident page whether the duty holds or is in doubt, with the sentence', async () => {
    const sns = (await casebook.store.incidentOfNotice((await casebook.store.search('あさひ町'))[0]!.id))!;
    const page = await (await reader.get(`/incidents/${sns}`)).text();
    expect(page).toContain('<span class="duty-doubtful">疑わしい');
    expect(page).toMatch(/<ul class="duty-doubts"><li>SNS・メールのアカウントの不正利用で、個人データの漏えいの記載なし — 「[^」]*Xアカウント[^」]*」<\/li>/);
    const en = await (await reader.get(`/incidents/${sns}?lang=en`)).text();
    expect(en).toContain('an SNS or mail account misused; no leak of personal data stated');
    const cards = (await casebook.store.incidentOfNotice((await casebook.store.search('こなみ書店'))[0]!.id))!;
    const held = await (await reader.get(`/incidents/${cards}`)).text();
    expect(held).toContain('<span class="duty-reportable">条件に当たる</span>');
    expect(held).toMatch(/財産的被害のおそれ \(第2号\) — 「[^」]*クレジットカード番号[^」]*」/);
  });

  it('counts doubtful incidents apart on the dashboard and in the API', async () => {
    const page = await (await reader.get('/dashboard')).text();
    expect(page).toContain('報告対象と見られる事案 2 件のうち、報告の記載なし 1 件 (条件に当たるが疑わしい事案 2 件は含みません)');
    const duty = await (await reader.get('/api/stats/duty')).json() as { reportable: number; doubtful: { organization: string }[]; unmentioned: { organization: string }[] };
    expect(duty.reportable).toBe(2);
    expect(duty.unmentioned.map((a) => a.organization)).toEqual(['株式会社こなみ書店']);
    expect(duty.doubtful.map((a) => a.organization).sort()).toEqual(['あさひ町', '株式会社ゆうなぎ物産']);
  });
});
