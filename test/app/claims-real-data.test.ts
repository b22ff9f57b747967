// Figures on real leak-site data (../shared/vendor-data/leak-claims: ransomwatch, January 2023;
// ransomware.live, published June 2023) against the seed casebook (../shared/corpus/seeds):
// - every proposal at or above the default threshold names the same organisation (listed here);
// - the Japanese-victim lists hold every victim whose own record says Japan. Which records say so is
//   derived here from the raw fields, by a test of its own (no rule code): a .jp host, Japan or
//   Japanese script in the name, Japan/Japanese/Tokyo/Osaka/kana/+81 in the description; the few
//   descriptions that mention Japan about someone or something else are listed with why.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MIN_SCORE } from '../../src/analyze/claim-matching.ts';
import { openCasebook, type Casebook } from '../../src/app/casebook.ts';
import { claimProposals, importClaimsFile, listClaims } from '../../src/app/claims.ts';
import { loadIncidentFacts } from '../../src/app/incident-facts.ts';
import { ingestPaths } from '../../src/app/ingest.ts';
import { claimNaturalKey } from '../../src/store/claim-key.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const DATA = resolve('../shared/vendor-data/leak-claims');
const SEEDS = resolve('../shared/corpus/seeds');
const FILES = ['ransomwatch-posts-2023-01.json', 'ransomware-live-posts-2023-06.json'];
const present = existsSync(join(DATA, FILES[0]!)) && existsSync(SEEDS);

interface RawPost { post_title?: string; group_name?: string; discovered?: string; website?: string; description?: string }

// Descriptions that name Japan as one market, office, cuisine or partner among others: not where the victim is.
const MENTIONS_JAPAN_ABOUT_ANOTHER: Record<string, string> = {
  'nicklaus.com': "a partner is 'Japan's Kosugi'",
  'hkri.com': 'Japan is one of the places it invests in',
  'princepalace.co.th': 'Japanese is one of the cuisines it serves',
  'Faraday Technology': 'headquartered in Taiwan, with an office in Japan among others',
  'hep global GmbH': 'Japan is one of the countries of its sites',
};

function host(value: string | undefined): string {
  return (value ?? '').trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/[/?#:].*$/, '').replace(/^www\./, '');
}

/** Whether the record's own fields say Japan: written without the rule code. */
function recordSaysJapan(p: RawPost): boolean {
  const name = p.post_title ?? '';
  if ([host(name), host(p.website)].some((h) => h.endsWith('.jp'))) return true;
  if (/japan|nippon/i.test(name) || /[\u3040-\u30ff]/u.test(name)) return true;
  return /\bjapan(ese)?\b|\btokyo\b|\bosaka\b|[\u3040-\u30ff]|\+81/i.test(p.description ?? '');
}

const keyOf = (p: RawPost) => claimNaturalKey({ group: p.group_name!.toLowerCase(), victim: p.post_title!.trim(), discoveredDate: p.discovered!.slice(0, 10) });

describe.skipIf(!present)('claims on real leak-site data against the seed casebook', () => {
  let casebook: Casebook;
  const posts: RawPost[] = present ? FILES.flatMap((f) => JSON.parse(readFileSync(join(DATA, f), 'utf8')) as RawPost[]) : [];

  beforeAll(async () => {
    casebook = await openCasebook(join(tempDir(), 'real-claims.db'));
    await ingestPaths([SEEDS], casebook);
    for (const f of FILES) expect((await importClaimsFile(casebook.store, join(DATA, f))).problems).toEqual([]);
    return () => casebook.close();
  }, 300_000);

  it('proposes, at or above the default threshold, only the same organisation: this list', async () => {
    const facts = new Map((await loadIncidentFacts(casebook.store)).map((f) => [f.id, f]));
    const proposed = (await claimProposals(casebook.store)).flatMap(({ claim, proposals }) => proposals
      .filter((p) => p.score >= MIN_SCORE)
      .map((p) => [claim.victim, `#${p.incidentNumber}`, facts.get(p.incidentId)!.organization]));
    expect(proposed).toEqual([
      ['fujikura.co.jp', '#2023-038', '株式会社フジクラ'],
    ]);
  }, 120_000);

  it('lists every victim whose own record says Japan, over both files and in January and June 2023', async () => {
    const listed = new Set((await listClaims(casebook.store, { country: 'jp' })).map((c) => claimNaturalKey(c)));
    const saysJapan = posts.filter((p) => recordSaysJapan(p) && !(p.post_title!.trim() in MENTIONS_JAPAN_ABOUT_ANOTHER));
    expect(saysJapan.length).toBeGreaterThanOrEqual(30); // the derivation finds them at all
    expect(saysJapan.filter((p) => !listed.has(keyOf(p))).map((p) => p.post_title)).toEqual([]);
    for (const month of ['2023-01', '2023-06']) {
      const monthList = new Set((await listClaims(casebook.store, { month, country: 'jp' })).map((c) => claimNaturalKey(c)));
      const expected = saysJapan.filter((p) => p.discovered!.startsWith(month));
      expect(expected.length, month).toBeGreaterThan(0);
      expect(expected.filter((p) => !monthList.has(keyOf(p))).map((p) => p.post_title), month).toEqual([]);
    }
    // The ones whose description speaks of Japan only about another firm or a place among others stay out.
    const others = posts.filter((p) => p.post_title!.trim() in MENTIONS_JAPAN_ABOUT_ANOTHER);
    expect(others).toHaveLength(Object.keys(MENTIONS_JAPAN_ABOUT_ANOTHER).length);
    expect(others.filter((p) => listed.has(keyOf(p))).map((p) => p.post_title)).toEqual([]);
  }, 120_000);

  it('names the victims the issue found missed: by description, and the .co domain of a Japanese firm', async () => {
    const jp = await listClaims(casebook.store, { country: 'jp' });
    const why = (victim: string) => jp.find((c) => c.victim === victim)?.japanese?.why;
    expect(why('audio-technica.com')).toMatch(/description/);
    expect(why('KONICA')).toMatch(/description/);
    expect(why('ykk.com')).toMatch(/description/);
    expect(why('SEMITEC Corporation')).toMatch(/description/);
    expect(why('takamiya.co')).toMatch(/company form in Hepburn romaji/);
  }, 120_000);
});
