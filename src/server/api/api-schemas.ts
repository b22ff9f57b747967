// The JSON API's request and response bodies as zod schemas: routes validate with them, and the
// OpenAPI document is generated from them, so the two cannot drift apart.
import { z } from 'zod';
import { DATA_TYPES, DISCOVERY_CHANNELS, INCIDENT_TYPES, SECTORS } from '../../core/record.ts';
import { calendarDate, organisationListSchema, selectionShape } from '../../app/request-schemas.ts';
import { STAT_FIELDS } from '../../analyze/stats/stats-by.ts';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable();

export const incidentSchema = z.object({
  id: z.number().int(),
  number: z.string().nullable().describe('事件簿番号: a casebook header\'s YYYY-NNN, else the number jikenbo gave, JYYYY-NNNN (never the same form)'),
  export_key: z.string().describe('fixed when the incident was first stored: the VERIS, STIX and Atom ids are made from it, and it never changes'),
  casebook_id: z.string().nullable(),
  organization: z.string().nullable(),
  title: z.string().nullable(),
  disclosure_date: date,
  incident_types: z.array(z.enum(INCIDENT_TYPES)),
  affected_count: z.number().int().nullable(),
  data_types: z.array(z.enum(DATA_TYPES)),
  sector: z.enum(SECTORS).nullable(),
  reported_to_ppc: z.boolean(),
  reported_to_police: z.boolean(),
  contractor_involved: z.boolean(),
  attacker: z.string().nullable(),
  discovery: z.enum(DISCOVERY_CHANNELS).nullable(),
  occurred_date: date,
  discovered_date: date,
  organizations: z.array(z.string()),
  notice_ids: z.array(z.number().int()),
  review_state: z.enum(['unreviewed', 'reviewed']),
  dataset: z.string().optional().describe('only on an incident imported from another dataset (veris:vcdb): it has no casebook number'),
  external_id: z.string().nullable().optional().describe('an imported incident\'s own id there (its VERIS incident_id)'),
});

export const incidentPageSchema = z.object({
  items: z.array(incidentSchema),
  total: z.number().int().describe('incidents the filter picks, across all pages'),
  next_cursor: z.string().nullable().describe('pass as `cursor` for the next page; null on the last'),
});

export const noticeBriefSchema = z.object({
  id: z.number().int(), header: z.string(), title: z.string().nullable(), disclosure_date: date,
});

export const incidentDetailSchema = incidentSchema.extend({ notices: z.array(noticeBriefSchema) });

export const noticeSchema = z.object({
  id: z.number().int(),
  incident_id: z.number().int().nullable(),
  header: z.string(),
  title: z.string().nullable(),
  organization: z.string().nullable(),
  disclosure_date: date,
  text: z.string(),
  record: z.record(z.string(), z.unknown()).describe('the effective record (SPEC.md keys with evidence)'),
  extractor_version: z.string(),
  document: z.object({
    id: z.number().int(), sha256: z.string(), source: z.string(), media_type: z.string(),
    encoding: z.string().nullable(), byte_length: z.number().int(), ingested_at: z.string(),
  }),
});

export const searchResultSchema = z.object({
  items: z.array(z.object({
    notice_id: z.number().int(), incident_id: z.number().int().nullable(), header: z.string(), title: z.string().nullable(),
    organization: z.string().nullable(), disclosure_date: date,
    snippet: z.string().describe('the matched passage; matches between U+0001 and U+0002'), score: z.number(),
  })),
});

export const statsSchema = z.object({
  incidents: z.number().int(),
  by: z.enum(STAT_FIELDS).nullable(),
  stats: z.record(z.string(), z.unknown()).describe('one statistic (with `by`) or all of them'),
});

export const claimsSchema = z.object({
  items: z.array(z.object({
    id: z.number().int(), group: z.string(), victim: z.string(), domain: z.string().nullable(), country: z.string().nullable(),
    discovered: z.string(), discovered_date: z.string(), source: z.string(), imported_at: z.string(),
  })),
});

export const organisationSchema = z.object({
  id: z.number().int(),
  name: z.string().describe('the name its notices write most often'),
  key: z.string().describe('the organisation key its names share (legal forms, spaces and marks left out); two organisations a person split apart share one'),
  sector: z.enum(SECTORS).nullable(),
  notices: z.number().int(),
  incidents: z.number().int(),
  latest_disclosure: date,
  merged_into: z.number().int().nullable().describe('set when a person merged it into that organisation, which answers for it now'),
  split_by: z.string().nullable().describe('the person who split it off an organisation of the same name; null for the casebook\'s own'),
});

export const organisationPageSchema = z.object({
  items: z.array(organisationSchema),
  total: z.number().int().describe('organisations the query matches, across all pages'),
  next_cursor: z.string().nullable().describe('pass as `cursor` for the next page; null on the last'),
});

export const organisationDetailSchema = organisationSchema.extend({
  names: z.array(z.object({ name: z.string(), notices: z.number().int() })).describe('its names as its notices write them, most frequent first'),
  romaji: z.array(z.string()).describe('the romaji keys its names read as'),
  aliases: z.array(z.object({ kind: z.enum(['alias', 'former']), value: z.string(), by: z.string(), at: z.string() })).describe('other and former names people added'),
  domains: z.array(z.object({ domain: z.string(), from: z.enum(['notice', 'claims_map', 'person']) })),
  incidents: z.array(z.object({
    id: z.number().int(), number: z.string().nullable(), title: z.string().nullable(), disclosure_date: date,
    incident_types: z.array(z.enum(INCIDENT_TYPES)), data_types: z.array(z.enum(DATA_TYPES)), affected_count: z.number().int().nullable(),
    notice_ids: z.array(z.number().int()).describe('its notices of this organisation'),
  })).describe('latest notice first'),
  changes: z.array(z.object({ action: z.string(), detail: z.record(z.string(), z.unknown()), by: z.string(), at: z.string() })).describe('what people changed: names, merges, splits'),
});

/** A person's confirmation that a claim is about an incident; `undone` once taken back. */
export const claimLinkSchema = z.object({
  id: z.number().int(), claim_id: z.number().int(), incident_id: z.number().int(), notice_id: z.number().int(),
  score: z.number().nullable(), reason: z.string(), by: z.string(), at: z.string(),
  undone: z.object({ by: z.string(), at: z.string(), reason: z.string() }).nullable(),
});
export const claimConfirmBody = z.object({
  incident: z.union([
    z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    z.string().regex(/^#?J?\d{4}-\d{3,}$/, 'expected an incident id or a number such as 2024-078 or J2024-0078'),
  ]).describe('the incident the claim is about: its id or its number'),
}).strict();
export const claimUnconfirmBody = z.object({
  reason: z.string().trim().min(1, 'un-confirming needs a reason').max(500).describe('why the claim is not about that incident'),
}).strict();

export const ingestReportSchema = z.object({
  status: z.enum(['new', 'duplicate']),
  document_id: z.number().int().nullable(),
  posts: z.number().int(),
});

export const correctionSchema = z.object({
  id: z.number().int(),
  target: z.enum(['incident', 'notice']),
  target_id: z.number().int(),
  field: z.string(),
  old_value: z.unknown(),
  new_value: z.unknown(),
  by: z.string(),
  at: z.string(),
  reason: z.string().nullable().describe('why the person changed or confirmed the value; null on corrections made before reasons were asked for'),
  reverted_at: z.string().nullable(),
  reverted_by: z.string().nullable(),
});
export const correctionsSchema = z.object({ corrections: z.array(correctionSchema) });

export const problemSchema = z.object({
  type: z.string(), title: z.string(), status: z.number().int(), detail: z.string(),
  instance: z.string().optional().describe('this occurrence: urn:jikenbo:request:<id>, the X-Request-Id of the response and the id of the server\'s log line'),
  field: z.string().optional().describe('the input the problem is about'),
});

// ---- requests ----

export const pagingShape = {
  limit: z.coerce.number().int().min(1).max(500).optional().describe('page size, 50 by default'),
  cursor: z.string().max(200).optional().describe('from next_cursor of the previous page'),
};
export const incidentListQuery = z.object({ ...selectionShape, ...pagingShape });
export const organisationListQuery = z.object({ q: organisationListSchema.shape.q, ...pagingShape }).strict();
export const idPath = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
/** An incident by its id (12) or by a number of either form (2024-078, J2024-0078; '#' allowed). */
export const incidentRefPath = z.object({
  id: z.union([
    z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    z.string().regex(/^#?J?\d{4}-\d{3,}$/, 'expected an incident id or a number such as 2024-078 or J2024-0078'),
  ]).describe('an incident id, or a number of either form; a number two incidents share is a conflict (409)'),
});
/** A person's correction or confirmation of one value, sent as JSON. */
export const correctionBody = z.object({
  target: z.string().regex(/^(incident|notice:\d{1,15})$/, 'incident or notice:N').default('incident')
    .describe('the incident\'s merged value, or one of its notices as notice:N'),
  field: z.string().min(1).max(40),
  value: z.string().max(500).describe('typed as the pages take it: 令和6年1月22日, 4万8,215名, labels or codes; empty clears'),
  reason: z.string().max(500).optional().describe('why: needed for every change of a value, optional when confirming the value already there'),
}).strict();
export const searchQuery = z.object({
  q: z.string().min(1).max(200).describe('words of two or more characters; all must match'),
  limit: z.coerce.number().int().min(1).max(200).optional(),
}).strict();
export const statsQuery = z.object({ ...selectionShape, by: z.enum(STAT_FIELDS).optional() });
export const claimsQuery = z.object({
  from: calendarDate.optional().describe('claims discovered on or after, YYYY-MM-DD'),
  to: calendarDate.optional().describe('claims discovered on or before, YYYY-MM-DD'),
}).strict();
export const ingestQuery = z.object({
  filename: z.string().min(1).max(200).regex(/^[^/\\\u0000]+$/, 'a file name, not a path').optional()
    .describe('the file name for a raw body (its extension tells the format)'),
}).strict();
