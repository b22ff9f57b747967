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
  description: string | null;
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
  undone_by: string | null;
  undone_at: string | null;
  undo_reason: string | null;
  current_incident: number | null;
}

export const toClaim = (row: ClaimRow): StoredClaim => ({
  id: row.id, group: row.group_name, victim: row.victim, domain: row.domain, country: row.country,
  discovered: row.discovered, discoveredDate: row.discovered_date, source: row.source, importedAt: row.imported_at,
  description: row.description ?? null,
});

/** A link's columns plus the incident its notice is in now (incidents are regrouped after a link is confirmed). */
export const LINK_COLUMNS = /* sql */ `
  l.*, (SELECT incident_id FROM incident_notices i WHERE i.notice_id = l.notice_id) AS current_incident`;

export const toLink = (row: LinkRow): ClaimLink => ({
  id: row.id, claimId: row.claim_id, incidentId: row.current_incident ?? row.incident_id, noticeId: row.notice_id,
  score: row.score, reason: row.reason, by: row.confirmed_by, at: row.confirmed_at,
  undone: row.undone_at ? { by: row.undone_by!, at: row.undone_at, reason: row.undo_reason ?? '' } : null,
});

/** The message of a second confirmation of a claim. */
export const confirmedElsewhere = (claimId: number, incidentId: number) =>
  `claim ${claimId} is confirmed for incident ${incidentId} already: a claim is about one incident (un-confirm it first)`;
