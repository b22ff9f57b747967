// The claims and claim_links rows both engines read, and their mapping to StoredClaim and ClaimLink.

import type { ClaimLink, StoredClaim } from '../source-types.ts';

export interface ClaimRow {
  id: number;
  group_name: string;
  victim: string;
  domain: string | null;
  country: string | null;
  discovered: string;
  discovered_date: string;
  source: string;
  imported_at: string;
}

export interface LinkRow {
  id: number;
  claim_id: number;
  incident_id: number;
  notice_id: number;
  score: number | null;
  reason: string;
  confirmed_by: string;
  confirmed_at: string;
  current_incident: number | null;
}

export const toClaim = (row: ClaimRow): StoredClaim => ({
  id: row.id, group: row.group_name, victim: row.victim, domain: row.domain, country: row.country,
  discovered: row.discovered, discoveredDate: row.discovered_date, source: row.source, importedAt: row.imported_at,
});

/** A link's columns plus the incident its notice is in now (incidents are regrouped after a link is confirmed). */
export const LINK_COLUMNS = /* sql */ `
  l.*, (SELECT incident_id FROM incident_notices i WHERE i.notice_id = l.notice_id) AS current_incident`;

export const toLink = (row: LinkRow): ClaimLink => ({
  id: row.id, claimId: row.claim_id, incidentId: row.current_incident ?? row.incident_id, noticeId: row.notice_id,
  score: row.score, reason: row.reason, by: row.confirmed_by, at: row.confirmed_at,
});
