// The incident page says why its notices are one incident (rule, the other notice, evidence, escaped)
// and which merged values a linked notice changed.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCasebook, type Casebook } from '../../src/app/casebook.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { createApp } from '../../src/server/app.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const SET = 'eval/grouping';
// A client's notice naming its contractor with markup between the cue and the name.
const HOSTILE_CLIENT = `委託先における情報流出の可能性について

2025年6月25日
みさと市

本市が通知書の発送業務を委託している<i onmouseover=alert(1)>株式会社あさひ印刷データにおいて、2025年6月11日にサーバーがランサムウェアに感染し、市民約900人の氏名と住所が流出した可能性があります。
`;

// Another incident of the same bank, two years earlier and of another kind: related, never linked.
const SAME_BANK_EARLIER = `お客様情報を記載した書類の紛失について

2023年4月14日
株式会社ひかり銀行

当行の東町支店において、お客様12名の氏名と口座番号を記載した書類を紛失したことが判明いたしました。2023年4月10日に紛失に気づき、行内を捜索しましたが発見に至っておりません。
`;

describe('incident page: links and the values they change', () => {
  const dir = tempDir();
  const notices = join(dir, 'notices');
  let casebook: Casebook;
  let app: ReturnType<typeof createApp>;
  const incidentOf = async (text: string) => casebook.store.incidentOfNotice((await casebook.store.search(text))[0]!.id);

  beforeAll(async () => {
    mkdirSync(notices);
    for (const f of ['g04-a-hikari-bank.txt', 'g04-b-hikari-bank-2nd.txt', 'g03-a-asahi-contractor.txt']) copyFileSync(join(SET, f), join(notices, f));
    writeFileSync(join(notices, 'client.txt'), HOSTILE_CLIENT);
    writeFileSync(join(notices, 'bank-2023.txt'), SAME_BANK_EARLIER);
    casebook = await openCasebook(join(dir, 'links.db'));
    const report = await ingestPaths([notices], casebook);
    expect(report.failures).toEqual([]);
    app = createApp(casebook, { publicRead: true });
  }, 60_000);
  afterAll(async () => casebook.close());

  it('shows each link\'s rule, the notice it ties to and its evidence', async () => {
    const id = await incidentOf('ワンタイムパスワード');
    const body = await (await app.request(`/incidents/${id}`)).text();
    const tags = [...body.matchAll(/<span class="tag" data-rule="follow_up">([\s\S]*?)<\/span>/g)].map((m) => m[1]!);
    // The link is shown on both notices, each pointing at the other.
    expect(tags).toHaveLength(2);
    for (const tag of tags) {
      expect(tag).toContain('続報');
      expect(tag).toMatch(/<a href="#notice-\d+">公表文 \d+<\/a>/);
      expect(tag).toContain('第2報');
      expect(tag).toContain('2025-02-10 の公表文に言及');
    }
  });

  it('shows the number jikenbo gave and the export id, which never change', async () => {
    const id = await incidentOf('ワンタイムパスワード');
    const incident = (await casebook.store.getIncident(id!))!;
    expect(incident.ownNumber).toMatch(/^J\d{4}-\d{4}$/);
    const body = await (await app.request(`/incidents/${id}`)).text();
    expect(body).toContain(`jikenbo の番号 ${incident.ownNumber}`);
    expect(body).toContain(`書き出し ID ${incident.exportKey}`);
  });

  it('lists the incidents of the same organisation beside it, found by the grouping index', async () => {
    const bank = await incidentOf('ワンタイムパスワード');
    const earlier = await incidentOf('東町支店');
    expect(earlier).not.toBe(bank);
    const section = (body: string) => body.slice(body.indexOf('id="related-h"'), body.indexOf('</section>', body.indexOf('id="related-h"')));
    // Linked by the number people cite (issue 19, item 4), not the internal id.
    const path = async (id: number | null) => `/incidents/${(await casebook.store.getIncident(id!))!.number}`;
    const related = section(await (await app.request(`/incidents/${bank}`)).text());
    expect([...related.matchAll(/href="(\/incidents\/[^"]+)"/g)].map((m) => m[1])).toEqual([await path(earlier)]);
    expect(related).toContain('同じ組織');
    // And back; the contractor, another organisation, is no relation of either.
    const back = section(await (await app.request(`/incidents/${earlier}`)).text());
    expect([...back.matchAll(/href="(\/incidents\/[^"]+)"/g)].map((m) => m[1])).toEqual([await path(bank)]);
  });

  it('says which merged value the follow-up changed, and not for the first notice', async () => {
    const id = await incidentOf('ワンタイムパスワード');
    const body = await (await app.request(`/incidents/${id}`)).text();
    const changes = [...body.matchAll(/<p class="merge-changes">([\s\S]*?)<\/p>/g)].map((m) => m[1]!);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toContain('この公表文で変わった統合値');
    expect(changes[0]).toMatch(/data-field="affected_count">[^<]*17[^<]*→[^<]*22/);
    // It sits in the second report's article.
    const second = body.slice(body.indexOf('(第2報)'));
    expect(second).toContain('class="merge-changes"');
  });

  it('escapes a client_contractor link\'s evidence taken from the notice text', async () => {
    const id = await incidentOf('みさと市');
    expect(await incidentOf('印刷データ管理サーバー')).toBe(id);
    const body = await (await app.request(`/incidents/${id}`)).text();
    const tag = body.match(/<span class="tag" data-rule="client_contractor">([\s\S]*?)<\/span>/)![1]!;
    expect(tag).toContain('委託元と委託先');
    expect(tag).toContain('&lt;i');
    expect(body).not.toMatch(/<i /);
  });
});
