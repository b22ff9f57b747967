// Fictional notices and hand-made records for the store tests; every name and number here is invented.

import { createHash } from 'node:crypto';
import type { IncidentRecord } from '../../src/core/record.ts';
import type { DocumentInput, LinkableNotice, NoticeInput } from '../../src/store/store.ts';
import type { Store } from '../../src/store/ports.ts';

export function makeRecord(overrides: Partial<IncidentRecord> = {}): IncidentRecord {
  return {
    header: '架空の見出し',
    casebook_id: null,
    kind: 'incident',
    organization: null,
    title: null,
    disclosure_date: null,
    incident_types: [],
    affected_count: null,
    data_types: [],
    sector: null,
    reported_to_ppc: false,
    reported_to_police: false,
    contractor_involved: false,
    attacker: null,
    discovery: null,
    occurred_date: null,
    discovered_date: null,
    evidence: {},
    ...overrides,
  };
}

export function sha256Of(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function makeDocument(text: string, source = 'fixture.txt'): DocumentInput {
  return { sha256: sha256Of(text), source, mediaType: 'text/plain', encoding: 'UTF-8', byteLength: Buffer.byteLength(text), text };
}

export function makeNotice(text: string, record: IncidentRecord, ordinal = 0, start = 0): NoticeInput {
  return { ordinal, start, end: start + text.length, text, record, extractorVersion: 'test-1' };
}

/** Four short fictional notices, each with its own two-character keyword. */
export const NOTICES = {
  leak: {
    text: '【架空】みどり電機株式会社　不正アクセスによる個人情報漏洩のお知らせ\n当社サーバーが不正アクセスを受け、顧客情報が漏洩した可能性があります。',
    record: makeRecord({
      header: '【架空】みどり電機株式会社', organization: 'みどり電機株式会社', title: '不正アクセスによる個人情報漏洩のお知らせ',
      disclosure_date: '2024-03-15', incident_types: ['unauthorized_access', 'malware'], affected_count: 1200,
      data_types: ['name', 'email'], sector: 'manufacturing', casebook_id: '#2024-101',
      evidence: { organization: [[4, 13]], disclosure_date: [[0, 4]] },
    }),
  },
  lost: {
    text: '【架空】さくら市役所　USBメモリ紛失について\n職員が住民情報を保存したUSBメモリを紛失しました。',
    record: makeRecord({
      header: '【架空】さくら市役所', organization: 'さくら市役所', title: 'USBメモリ紛失について',
      disclosure_date: '2023-11-02', incident_types: ['loss'], affected_count: 350, sector: 'government',
    }),
  },
  hospital: {
    text: '【架空】あおば総合病院　メール誤送信のお詫び\n患者様宛てのメールを誤って別の方へ送信しました。',
    record: makeRecord({
      header: '【架空】あおば総合病院', organization: 'あおば総合病院', title: 'メール誤送信のお詫び',
      disclosure_date: '2024-06-30', incident_types: ['misdelivery'], affected_count: 12, sector: 'healthcare',
    }),
  },
  contractor: {
    text: '【架空】ひかり商事　委託先でのランサムウェア被害について\n業務の委託先がランサムウェアに感染しました。',
    record: makeRecord({
      header: '【架空】ひかり商事', organization: 'ひかり商事', title: '委託先でのランサムウェア被害について',
      disclosure_date: null, incident_types: ['ransomware'], sector: 'services', contractor_involved: true,
    }),
  },
} as const;

/** Stores a notice as a document of its own; returns the notice's id. */
export async function putNotice(store: Store, l: LinkableNotice): Promise<number> {
  return (await store.ingestDocument(makeDocument(l.text), [makeNotice(l.text, l.record)])).noticeIds[0]!;
}
