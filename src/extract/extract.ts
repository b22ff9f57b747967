// Placeholder until the extractor lands: splits nothing, reads nothing.
import type { IncidentRecord } from '../core/record.ts';
import type { Post } from './post.ts';

export const EXTRACTOR_VERSION = '0.0.0';

export interface Extraction {
  post: Post;
  record: IncidentRecord;
}

export function extractDocument(text: string): Extraction[] {
  const header = text.split('\n', 1)[0] ?? '';
  const post: Post = { header, text, start: 0, end: text.length };
  return [{
    post,
    record: {
      header, casebook_id: null, kind: 'incident', organization: null, title: null, disclosure_date: null,
      incident_types: [], affected_count: null, data_types: [], sector: null, reported_to_ppc: false,
      reported_to_police: false, contractor_involved: false, attacker: null, discovery: null,
      occurred_date: null, discovered_date: null, evidence: {},
    },
  }];
}
