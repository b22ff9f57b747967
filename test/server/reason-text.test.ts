// The reasons the analysis writes in English (claims' Japanese-victim check and matcher, incident number
// clashes) said in Japanese on the pages, names and numbers kept; fed with what the analysis really writes.
import { describe, expect, it } from 'vitest';
import { proposeClaimMatches } from '../../src/analyze/claim-matching.ts';
import { japaneseVerdict } from '../../src/analyze/japanese-victim.ts';
import { translator } from '../../src/i18n/messages.ts';
import { claimReasonText, claimWhyText } from '../../src/server/pages/claim-reason-text.ts';
import { clashNoteText } from '../../src/server/pages/link-evidence.ts';
import { englishIn } from '../helpers/english-in-page.ts';

const ja = translator('ja');
const en = translator('en');

describe('claim reasons in Japanese', () => {
  it('says every Japanese-victim verdict in Japanese', () => {
    const claims = [
      { victim: 'Example', domain: 'example.co.jp', country: null },
      { victim: 'Example', domain: 'example-sub.co.th', country: null },
      { victim: 'Example', domain: null, country: 'JP' },
      { victim: 'みなと精機', domain: null, country: null },
      { victim: '南海精機株式会社', domain: null, country: null },
      { victim: '南海精机', domain: null, country: null },
      { victim: 'Minato Seiki Co., Ltd.', domain: null, country: null },
    ];
    const verdicts = claims.map((c) => japaneseVerdict(c as never, [{ domain: 'example-sub.co.th', parent: '株式会社エグザンプル' }] as never));
    const said = verdicts.map((v) => (v ? claimWhyText(ja, v.why) : ''));
    expect(said.filter((s) => s === '')).toEqual([]);
    for (const s of said) expect(englishIn(s, ['example', 'co', 'jp', 'sub', 'th'])).toEqual([]);
    expect(said[0]).toBe('.jp ドメイン（example.co.jp）');
    expect(verdicts.map((v) => claimWhyText(en, v!.why))).toEqual(verdicts.map((v) => v!.why));
  });

  it('says every reason of a proposal in Japanese', () => {
    const proposals = proposeClaimMatches(
      [{ id: 1, victim: 'Minato Seiki', domain: 'minato-seiki.co.jp', discoveredDate: '2024-09-10', parent: null },
        { id: 2, victim: 'みなと精機', domain: null, discoveredDate: '2025-09-10', parent: null },
        { id: 3, victim: 'minato-seiki.co.th', domain: 'minato-seiki.co.th', discoveredDate: '2024-09-12', parent: '株式会社みなと精機' }],
      [{ id: 7, number: '2024-001', organizations: ['株式会社みなと精機'], dates: ['2024-09-03'], ransomware: true, text: '詳細は minato-seiki.co.jp をご覧ください' },
        { id: 8, number: null, organizations: ['みなと精機'], dates: [], ransomware: false, text: '' }],
    );
    const reasons = proposals.flatMap((p) => p.reasons);
    expect(reasons.length).toBeGreaterThan(4);
    // Every kind of evidence and every date reason is among them.
    for (const kind of [/^same name as written/, /^same name in romaji/, /is mapped to/, /gives the domain/, /outside/, /^dates \d+ days apart$/, /no incident date/]) {
      expect(reasons.some((r) => kind.test(r)), String(kind)).toBe(true);
    }
    for (const r of reasons) expect(englishIn(claimReasonText(ja, r), ['Minato', 'Seiki', 'minato-seiki', 'co', 'jp', 'th']), r).toEqual([]);
    expect(reasons.map((r) => claimReasonText(en, r))).toEqual(reasons);
  });
});

describe('number clash notes in Japanese', () => {
  it('names the other notices and organisations', () => {
    const notes = '#2024-001 is also the number of notice 12 (株式会社A), notice 15 (organisation unknown)';
    expect(clashNoteText(ja, notes)).toBe('#2024-001 は 公表文 12（株式会社A）、公表文 15（（組織不明）） の番号でもあります');
    expect(clashNoteText(en, notes)).toBe('#2024-001 is also the number of notice 12 (株式会社A); notice 15 (organisation unknown)'.replace('organisation unknown', en('common.unknown_org')));
  });
});
