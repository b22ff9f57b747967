// Leak-site claims: import in both forms (idempotent), the monthly list of Japanese victims, subsidiary
// mapping, match proposals and a person's confirmation.
import { join, resolve } from 'node:path';
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openCasebook, type Casebook } from '../../src/app/casebook.ts';
import {
  claimProposals, confirmClaim, confirmedClaimsOf, importClaimsFile, listClaims, mapClaimDomain, resolveIncident,
} from '../../src/app/claims.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { japaneseVerdict, looksRomanisedJapanese } from '../../src/analyze/japanese-victim.ts';
import { parseClaims } from '../../src/formats/leak-claims.ts';
import { RANSOM_NOTICE, USB_NOTICE } from '../helpers/notices.ts';
import { jikenbo } from '../helpers/run-cli.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const FIXTURES = resolve('test/fixtures/claims');
const RANSOMWATCH = join(FIXTURES, 'ransomwatch-posts.json');
const LIVE = join(FIXTURES, 'ransomware-live.json');
const AOZORA_NOTICE = `不正アクセスによる個人情報流出に関するお詫び
2024年9月25日
株式会社あおぞら企画

当社が運営するウェブサイト（https://www.aozora-kikaku.jp/）のサーバーが第三者による不正アクセスを受け、
お客様の氏名とメールアドレス約2,300件が流出した可能性があることが判明しました。
`;

const dir = tempDir();

describe('parseClaims', () => {
  it('reads the ransomwatch form; a bad record is a problem line', async () => {
    const { readFileSync } = await import('node:fs');
    const parsed = parseClaims(readFileSync(RANSOMWATCH, 'utf8'), 'posts.json');
    expect(parsed.claims.map((c) => [c.group, c.victim, c.domain, c.discovered])).toEqual([
      ['lockbit3', 'minato-seiki.co.th', 'minato-seiki.co.th', '2024-09-20T08:12:44'],
      ['blackbasta', 'Sakuragawa Shoji Co., Ltd.', null, '2024-09-02T10:00:00'],
      ['lockbit3', 'acme-widgets.example', 'acme-widgets.example', '2024-09-05T11:00:00'],
      ['akira', 'ヤマブキ電機株式会社', null, '2024-10-01T00:00:00'],
    ]);
    expect(parsed.claims[0]!.source).toBe('ransomwatch: posts.json');
    expect(parsed.problems.map((p) => p.index)).toEqual([4, 5]);
    expect(parsed.problems[1]!.reason).toMatch(/discovered/);
  });

  it('reads both ransomware.live key sets', async () => {
    const { readFileSync } = await import('node:fs');
    const parsed = parseClaims(readFileSync(LIVE, 'utf8'), 'live.json');
    expect(parsed.claims.map((c) => [c.group, c.victim, c.domain, c.country, c.discoveredDate, c.source])).toEqual([
      ['qilin', 'Minato Seiki Co., Ltd.', 'minato-seiki.co.jp', 'JP', '2024-09-10', 'ransomware.live v2: live.json'],
      ['play', 'Aozora Kikaku', 'aozora-kikaku.jp', 'JP', '2024-09-15', 'ransomware.live v2: live.json'],
      ['play', 'Golden Dragon Trading Co., Ltd.', 'goldendragon.example.com', 'HK', '2024-09-16', 'ransomware.live: live.json'],
    ]);
    expect(parsed.problems).toEqual([{ index: 3, reason: 'not a date: "2024-13-45"' }]);
  });

  it('reads the ransomware.live v2 layout with every documented key: description kept, unknown keys let through', async () => {
    const { readFileSync } = await import('node:fs');
    const parsed = parseClaims(readFileSync(join(FIXTURES, 'ransomware-live-v2.json'), 'utf8'), 'recentvictims.json');
    expect(parsed.claims.map((c) => [c.group, c.victim, c.domain, c.country, c.discovered, c.description])).toEqual([
      ['qilin', 'Kohaku Gauge', 'kohaku-gauge.example', 'JP', '2024-10-03T08:15:00', 'Kohaku Gauge Co., Ltd. is a Japanese maker of pressure gauges headquartered in Sendai.'],
      ['play', 'harbourview-hotel.example.com', 'harbourview-hotel.example.com', null, '2024-10-06T00:00:00', 'Harbourview Hotel is passionate about serving Cantonese, Japanese and Thai dishes.'],
      ['akira', 'Brightwell Pumps', 'brightwell.example', 'US', '2024-10-09T00:00:00', null],
      ['akira', 'Kohaku Attack-Date School', null, 'JP', '2024-10-10T00:00:00', null],
    ]);
    expect(parsed.claims.every((c) => c.source === 'ransomware.live v2: recentvictims.json')).toBe(true);
    // attackdate stands in for a missing discovered.
    expect(parsed.problems).toEqual([]);
    expect(parseClaims(JSON.stringify([{ victim: 'x', group: 'y', attackdate: '2024-02-30' }]), 'f').problems[0]!.reason).toMatch(/not a date/);
    const verdicts = parsed.claims.map((c) => japaneseVerdict(c, [])?.why ?? null);
    expect(verdicts).toEqual(['country JP in the claim', null, null, 'country JP in the claim']);
  });

  it('reports a file that is not a list of claims', () => {
    expect(parseClaims('{"x": 1}', 'f.json').problems[0]!.reason).toMatch(/expected a JSON array/);
    expect(parseClaims('nope', 'f.json').problems[0]!.reason).toMatch(/not JSON/);
  });

  it('holds every record to one layout when told which (a watched tracker\'s --format)', () => {
    const v1 = { post_title: 'Kingfisher Tools', group_name: 'play', discovered: '2025-03-11 09:00:00' };
    const v2 = { victim: 'Hotaru Clinic Group', group: 'play', discovered: '2025-03-09 02:00:00', country: 'JP' };
    const json = JSON.stringify([v1, v2]);
    const forms = (layout?: 'auto' | 'ransomwatch' | 'ransomware-live') => {
      const parsed = parseClaims(json, 'feed', layout);
      return [parsed.claims.map((c) => [c.victim, c.source]), parsed.problems];
    };
    expect(forms()).toEqual([[['Kingfisher Tools', 'ransomwatch: feed'], ['Hotaru Clinic Group', 'ransomware.live v2: feed']], []]);
    // ransomware.live's v1 records carry ransomwatch's three keys; told so, they are labelled as its.
    expect(forms('ransomware-live')).toEqual([[['Kingfisher Tools', 'ransomware.live: feed'], ['Hotaru Clinic Group', 'ransomware.live v2: feed']], []]);
    expect(forms('ransomwatch')).toEqual([[['Kingfisher Tools', 'ransomwatch: feed']], [{ index: 1, reason: 'no victim (post_title, as ransomwatch names it)' }]]);
  });
});

describe('japaneseVerdict', () => {
  const v = (victim: string, domain: string | null = null, country: string | null = null) => japaneseVerdict({ victim, domain, country }, []);
  it('tells strong and weak signs apart', () => {
    expect(v('example.co.jp', 'example.co.jp')?.strength).toBe('strong');
    expect(v('ヤマブキ電機')?.why).toMatch(/kana/);
    expect(v('山吹電機株式会社')?.why).toMatch(/legal form/);
    expect(v('华夏科技')?.strength).toBe('weak');
    expect(v('Sakuragawa Shoji Co., Ltd.')?.strength).toBe('weak');
    expect(v('Golden Dragon Trading Co., Ltd.')).toBeNull();
    expect(v('Acme Widgets', 'acme-widgets.example')).toBeNull();
    expect(v('Acme Widgets', null, 'JP')?.why).toMatch(/country JP/);
    expect(looksRomanisedJapanese('Hikari Shobo')).toBe(true);
    expect(looksRomanisedJapanese('Northgate Logistics')).toBe(false);
  });
});

describe('claims in a casebook', () => {
  let casebook: Casebook;
  let minato: number;
  let aozora: number;

  beforeAll(async () => {
    casebook = await openCasebook(join(dir, 'claims.db'));
    for (const [name, text] of [['minato.txt', RANSOM_NOTICE], ['aozora.txt', AOZORA_NOTICE], ['usb.txt', USB_NOTICE]] as const) {
      writeFileSync(join(dir, name), text);
    }
    await ingestPaths([join(dir, 'minato.txt'), join(dir, 'aozora.txt'), join(dir, 'usb.txt')], casebook);
    const incidentOf = async (source: string) => {
      const notices = await casebook.store.listNotices();
      const doc = await Promise.all(notices.map(async (n) => ({ n, d: await casebook.store.getDocument(n.documentId) })));
      return (await casebook.store.incidentOfNotice(doc.find((x) => x.d!.source.endsWith(source))!.n.id))!;
    };
    minato = await incidentOf('minato.txt');
    aozora = await incidentOf('aozora.txt');
    return () => casebook.close();
  });

  it('imports both forms, and a second import adds nothing', async () => {
    const first = await importClaimsFile(casebook.store, RANSOMWATCH);
    expect(first).toMatchObject({ records: 6, added: 4, existing: 0 });
    expect(first.problems).toHaveLength(2);
    expect(await importClaimsFile(casebook.store, LIVE)).toMatchObject({ records: 4, added: 3, existing: 0 });
    expect(await importClaimsFile(casebook.store, RANSOMWATCH)).toMatchObject({ added: 0, existing: 4 });
    expect(await importClaimsFile(casebook.store, LIVE)).toMatchObject({ added: 0, existing: 3 });
    expect(await casebook.store.listClaims()).toHaveLength(7);
  });

  it('lists the Japanese victims of a month; a subsidiary domain joins it by a casebook name in romaji, then by its mapping', async () => {
    const victims = async () => (await listClaims(casebook.store, { month: '2024-09', country: 'jp' })).map((c) => c.victim);
    // The subsidiary's domain reads as the casebook's みなと精機 in romaji: Japanese before anyone maps it.
    expect(await victims()).toEqual(['Sakuragawa Shoji Co., Ltd.', 'Minato Seiki Co., Ltd.', 'Aozora Kikaku', 'minato-seiki.co.th']);
    expect((await listClaims(casebook.store, { month: '2024-09', country: 'jp' })).at(-1)!.japanese?.why).toBe('the name of 株式会社みなと精機 in romaji');
    await mapClaimDomain(casebook.store, 'https://www.minato-seiki.co.th/', '株式会社みなと精機', 'sato');
    expect(await victims()).toEqual(['Sakuragawa Shoji Co., Ltd.', 'Minato Seiki Co., Ltd.', 'Aozora Kikaku', 'minato-seiki.co.th']);
    const mapped = (await listClaims(casebook.store, { month: '2024-09', country: 'jp' })).at(-1)!;
    expect(mapped.japanese).toEqual({ strength: 'strong', why: 'minato-seiki.co.th mapped to 株式会社みなと精機', parent: '株式会社みなと精機' });
    expect((await listClaims(casebook.store, { month: '2024-10', country: 'jp' })).map((c) => c.victim)).toEqual(['ヤマブキ電機株式会社']);
    expect(await listClaims(casebook.store, { month: '2024-09' })).toHaveLength(6);
    // Each row carries its group's name from the alias table; the stored key stays as the feed wrote it.
    const all = await listClaims(casebook.store);
    expect(all.find((c) => c.group === 'lockbit3')?.groupName).toBe('LockBit');
    expect(all.find((c) => c.group === 'blackbasta')?.groupName).toBe('Black Basta');
    expect(all.every((c) => c.groupName.length > 0)).toBe(true);
  });

  it('proposes incidents by name (romaji too), by domain in the text, by mapping; dates in the score', async () => {
    const list = await claimProposals(casebook.store, { month: '2024-09', country: 'jp' });
    const best = new Map(list.map(({ claim, proposals }) => [claim.victim, proposals[0]]));
    expect(best.get('Minato Seiki Co., Ltd.')).toMatchObject({ incidentId: minato });
    expect(best.get('Minato Seiki Co., Ltd.')!.reasons.join(' ')).toMatch(/in romaji/);
    expect(best.get('minato-seiki.co.th')).toMatchObject({ incidentId: minato });
    expect(best.get('minato-seiki.co.th')!.reasons[0]).toBe("minato-seiki.co.th is mapped to 株式会社みなと精機, the incident's 株式会社みなと精機");
    expect(best.get('Aozora Kikaku')).toMatchObject({ incidentId: aozora });
    expect(best.get('Aozora Kikaku')!.reasons).toContain('the notice text gives the domain aozora-kikaku.jp');
    expect(best.get('Aozora Kikaku')!.score).toBe(1);
    expect(best.get('Sakuragawa Shoji Co., Ltd.')).toBeUndefined();
    for (const { proposals } of list) for (const p of proposals) expect(p.score).toBeGreaterThanOrEqual(0.5);
  });

  it('links a claim only when a person confirms it; the incident then shows it', async () => {
    expect(await confirmedClaimsOf(casebook.store, minato)).toEqual([]);
    const claim = (await listClaims(casebook.store, { month: '2024-09' })).find((c) => c.victim === 'minato-seiki.co.th')!;
    const link = await confirmClaim(casebook.store, claim.id, minato, 'sato');
    expect(link).toMatchObject({ claimId: claim.id, incidentId: minato, by: 'sato' });
    expect(link.reason).toMatch(/mapped|similar/);
    const shown = await confirmedClaimsOf(casebook.store, minato);
    expect(shown.map((s) => [s.claim.victim, s.link.by])).toEqual([['minato-seiki.co.th', 'sato']]);
    expect((await claimProposals(casebook.store, { month: '2024-09' })).map((c) => c.claim.id)).not.toContain(claim.id);
    await expect(confirmClaim(casebook.store, 9999, minato, 'sato')).rejects.toThrow(/no claim 9999/);
    await expect(confirmClaim(casebook.store, claim.id, 9999, 'sato')).rejects.toThrow(/no incident 9999/);
    const incident = await casebook.store.getIncident(minato);
    expect(await resolveIncident(casebook.store, `#${incident!.number}`)).toBe(minato);
  });
});

describe('claims CLI', () => {
  it('imports, maps, lists, proposes and confirms through the real command', async () => {
    const db = join(dir, 'cli.db');
    writeFileSync(join(dir, 'cli-minato.txt'), RANSOM_NOTICE);
    expect((await jikenbo(['ingest', join(dir, 'cli-minato.txt'), '--db', db])).code).toBe(0);
    const imported = await jikenbo(['claims', 'import', RANSOMWATCH, LIVE, '--db', db]);
    expect(imported.stdout).toMatch(/ransomwatch-posts\.json: 6 records, 4 new claims, 0 already stored, 2 problems/);
    expect(imported.stderr).toMatch(/record 4: no victim/);
    expect(imported.code).toBe(1);
    const again = await jikenbo(['claims', 'import', LIVE, '--db', db]);
    expect(again.stdout).toMatch(/4 records, 0 new claims, 3 already stored/);
    expect((await jikenbo(['claims', 'map', 'add', 'minato-seiki.co.th', '株式会社みなと精機', '--by', 'sato', '--db', db])).stdout).toMatch(/minato-seiki\.co\.th → 株式会社みなと精機/);
    const list = await jikenbo(['claims', 'list', '--month', '2024-09', '--country', 'jp', '--db', db]);
    expect(list.stdout.trim().split('\n')).toHaveLength(4);
    expect(list.stdout).toMatch(/minato-seiki\.co\.th\t\[minato-seiki\.co\.th mapped to 株式会社みなと精機\]/);
    expect(list.stdout).toMatch(/Sakuragawa Shoji Co\., Ltd\.\t\[weak: /);
    const proposals = await jikenbo(['claims', 'proposals', '--month', '2024-09', '--json', '--db', db]);
    const parsed = JSON.parse(proposals.stdout) as Array<{ claim: { id: number; victim: string }; proposals: Array<{ incidentId: number }> }>;
    const mapped = parsed.find((p) => p.claim.victim === 'minato-seiki.co.th')!;
    const confirm = await jikenbo(['claims', 'confirm', String(mapped.claim.id), String(mapped.proposals[0]!.incidentId), '--by', 'sato', '--db', db]);
    expect(confirm.stdout).toMatch(/confirmed for incident \d+ by sato/);
    const noReason = await jikenbo(['claims', 'unconfirm', String(mapped.claim.id), '--by', 'sato', '--db', db]);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toMatch(/--reason/);
    const unconfirm = await jikenbo(['claims', 'unconfirm', String(mapped.claim.id), '--reason', 'a subsidiary of another firm', '--by', 'sato', '--db', db]);
    expect(unconfirm.stdout).toMatch(/no longer confirmed for incident \d+ \(un-confirmed by sato: a subsidiary of another firm\)/);
    const history = await jikenbo(['claims', 'history', String(mapped.claim.id), '--db', db]);
    expect(history.stdout).toMatch(/confirmed by sato at .*\n\s+un-confirmed by sato at .*: a subsidiary of another firm/);
    const bad = await jikenbo(['claims', 'list', '--month', '2024-13', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--month: expected a month as YYYY-MM/);
  }, 120_000); // seven child processes: slow on a busy machine
});
