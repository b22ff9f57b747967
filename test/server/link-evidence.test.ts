import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/messages.ts';
import { linkEvidenceText } from '../../src/server/pages/link-evidence.ts';

describe('linkEvidenceText', () => {
  const ja = translator('ja');
  const en = translator('en');
  const rules = [
    '第2報 (refers to the notice of 2024-09-12)',
    '続報 (same event date 2024-09-03)',
    '(最終報告) (same kind of event (intrusion))',
    'same event date 2025-08-08; same kind of event (physical)',
    '#2023-413; 株式会社甲 names 株式会社乙',
    'similarity 0.93',
    'linked by 佐藤',
  ];

  it('says the rules\' facts in Japanese, keeping markers, dates, numbers and names', () => {
    expect(rules.map((e) => linkEvidenceText(ja, e))).toEqual([
      '第2報 (2024-09-12 の公表文に言及)',
      '続報 (同じ発生日・発覚日 2024-09-03)',
      '(最終報告) (同じ種類の事象(侵入・不正アクセス))',
      '同じ発生日・発覚日 2025-08-08; 同じ種類の事象(紛失・盗難)',
      '#2023-413; 株式会社甲 の公表文が 株式会社乙 に言及',
      '文面の類似度 0.93',
      '佐藤 が結び付け',
    ]);
  });

  it('gives the evidence back unchanged in English, and quoted notice text unchanged in both', () => {
    expect(rules.map((e) => linkEvidenceText(en, e))).toEqual(rules);
    const quoted = '委託しております株式会社あさひデータサービス';
    expect(linkEvidenceText(ja, quoted)).toBe(quoted);
    expect(linkEvidenceText(ja, 'same kind of event (unknown)')).toBe('same kind of event (unknown)');
  });
});
