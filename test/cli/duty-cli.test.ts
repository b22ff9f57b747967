// `jikenbo duty` and the annual report on three invented notices, as a user runs them: an SNS account
// takeover and a spam-mail notice with no personal data stated are doubtful, never listed as
// non-reporters; a hospital's notice that dates its 速報 and 確報 is compared with the due dates.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jikenbo } from '../helpers/run-cli.ts';
import { CASEBOOK_ENGINES } from '../helpers/casebook-engines.ts';
import { CARDS, HOSPITAL, SNS, SPAM } from '../helpers/duty-notices.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe.each(CASEBOOK_ENGINES)('jikenbo duty on $name', (engine) => {
  const dir = tempDir();
  let db = '';
  let dispose = async () => {};
  afterAll(() => dispose());

  beforeAll(async () => {
    ({ db, dispose } = await engine.locate(dir, 'duty'));
    const notices = join(dir, 'notices');
    mkdirSync(notices);
    for (const [name, text] of [['sns.txt', SNS], ['spam.txt', SPAM], ['hospital.txt', HOSPITAL], ['cards.txt', CARDS]] as const) writeFileSync(join(notices, name), text);
    expect((await jikenbo(['ingest', notices, '--db', db])).code).toBe(0);
  }, 60_000);

  it('keeps the SNS takeover and the spam mail apart as doubtful, each with its reason and sentence', async () => {
    const duty = JSON.parse((await jikenbo(['duty', '--db', db, '--all', '--json'])).stdout);
    expect(duty).toMatchObject({ incidents: 4, reportable: 2 });
    expect(duty.unmentioned.map((a: { organization: string }) => a.organization)).toEqual(['株式会社こなみ書店']);
    const byOrg = new Map(duty.assessments.map((a: { organization: string }) => [a.organization, a]));
    expect(byOrg.get('あさひ町')).toMatchObject({ status: 'doubtful', reportable: false });
    expect((byOrg.get('あさひ町') as { doubts: { kind: string; sentence: string }[] }).doubts[0]).toMatchObject({ kind: 'account_only', sentence: expect.stringContaining('Xアカウント') });
    expect(byOrg.get('株式会社ゆうなぎ物産')).toMatchObject({ status: 'doubtful', doubts: expect.arrayContaining([
      expect.objectContaining({ kind: 'no_personal_data', sentence: 'なお、現時点では個人情報の漏洩は確認されておりません。' })]) });
    expect(duty.doubtful.map((a: { organization: string }) => a.organization).sort()).toEqual(['あさひ町', '株式会社ゆうなぎ物産']);
  });

  it('reads the dates of the stated 速報 and 確報 and compares them with the due dates', async () => {
    const duty = JSON.parse((await jikenbo(['duty', '--db', db, '--all', '--json'])).stdout);
    const hospital = duty.assessments.find((a: { organization: string }) => /はまべ病院/.test(a.organization));
    // Discovered 1 April; 要配慮 + 不正の目的: 速報 due 6 April, 確報 60 days: 31 May.
    expect(hospital).toMatchObject({ status: 'reportable', reportedToPpc: true, sokuhoDue: '2024-04-06', kakuhoDue: '2024-05-31' });
    expect(hospital.sokuho).toMatchObject({ report: { kind: 'sokuho', date: '2024-04-05' }, late: false });
    expect(hospital.kakuho).toMatchObject({ report: { kind: 'kakuho', date: '2024-06-20' }, late: true });
    expect(duty.lateReports).toEqual({ sokuho: { late: 0, of: 1 }, kakuho: { late: 1, of: 1 } });
    const text = (await jikenbo(['duty', '--db', db, '--all'])).stdout;
    expect(text).toMatch(/確報 stated on 2024-06-20, after its due date 2024-05-31/);
    expect(text).toMatch(/doubtful, not counted as reportable \(2\)/);
    expect(text).toMatch(/^2 of 4 incidents meet a reporting condition with nothing in doubt \(2 more are doubtful\)/);
  });

  it('names in the annual report only the incidents that hold', async () => {
    const out = join(dir, 'report.html');
    expect((await jikenbo(['report', '--year', '2024', '--out', out, '--db', db])).code).toBe(0);
    const doc = readFileSync(out, 'utf8');
    const section = doc.slice(doc.indexOf('<section id="reporting">'), doc.indexOf('</section>', doc.indexOf('<section id="reporting">')));
    expect(section).toContain('株式会社こなみ書店');
    expect(section).not.toContain('あさひ町');
    expect(section).not.toContain('ゆうなぎ物産');
    expect(section).toMatch(/疑わしく、一覧に含めなかった事案 \(2 件\)/);
    expect(section).toContain('SNS・メールのアカウントの不正利用で、個人データの漏えいの記載なし');
    expect(section).toMatch(/確報 1 件のうち 1 件が期限より後/);
  });
});
