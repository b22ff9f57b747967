// The 20 representative searches: two-character words, long phrases, rare and common terms, with and without facets.
import type { IncidentType, Sector } from '../src/core/record.ts';

export interface BenchQuery {
  label: string;
  /** What a person types: words separated by spaces, each a phrase. */
  text: string;
  filters?: { type?: IncidentType; sector?: Sector; from?: string; to?: string };
}

export const QUERIES: BenchQuery[] = [
  { label: '2-char common', text: '漏洩' },
  { label: '2-char common', text: '紛失' },
  { label: '2-char', text: '病院' },
  { label: '2-char', text: '委託' },
  { label: 'common term', text: '個人情報' },
  { label: 'common term', text: 'ランサムウェア' },
  { label: 'long phrase', text: '個人情報保護委員会へ報告' },
  { label: 'long phrase', text: '本来BCC欄に入力すべき宛先' },
  { label: 'long phrase', text: '決済画面が第三者による不正アクセスにより改ざん' },
  { label: 'rare term', text: 'Emotet' },
  { label: 'rare term', text: '車上荒らし' },
  { label: 'rare term', text: '遠隔操作ソフト' },
  { label: 'absent term', text: '量子暗号鍵配送' },
  { label: 'two words', text: '病院 メール' },
  { label: 'two words', text: 'USBメモリ 遺失届' },
  { label: 'filter sector', text: '漏洩', filters: { sector: 'healthcare' } },
  { label: 'filter type', text: '紛失', filters: { type: 'loss' } },
  { label: 'filter dates', text: '委託', filters: { from: '2020-01-01', to: '2022-12-31' } },
  { label: 'filter type+sector', text: '不正アクセス', filters: { type: 'ransomware', sector: 'manufacturing' } },
  { label: 'filter type, rare', text: 'フィッシング', filters: { type: 'phishing', from: '2024-01-01' } },
];
