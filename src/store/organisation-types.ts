// The data the OrganisationStore port carries: the organisations the casebook knows (one per
// organisation key of analyze/org-name.ts, or more once a person splits one), their names as written,
// the names and domains people add, and what people changed (merges, splits) with who and when.

/** A notice whose organisation may have changed (new, corrected, read again), as queued by a trigger. */
export interface OrganisationWorkItem {
  noticeId: number;
  /** The queue's sequence number when taken: the item is done only if it has not changed since. */
  seq: number;
  /** The notice's organisation as people see it (corrections applied). */
  organization: string | null;
  /** Where its document came from: a file path or the URL it was fetched from. */
  source: string;
}

/** Where one notice belongs, as the app read its organisation's name. */
export interface OrganisationAssignment {
  noticeId: number;
  /** analyze/org-name.ts's key; null: the notice names no organisation, and belongs to none. */
  key: string | null;
  /** The name as written (the org created for a new key is called so). */
  name: string | null;
  /** The name folded for search (NFKC, lower case, no spaces). */
  nameFold: string;
  /** The name's romaji key (analyze/org-latin-key.ts), when it can be read. */
  latinKey: string | null;
  /** The host the notice was fetched from (no www.), when its document came from a URL. */
  domain: string | null;
}

export const ORGANISATION_NAME_KINDS = ['alias', 'former', 'domain'] as const;
/** What a person may add to an organisation: another name (romaji, English), a former name, a domain. */
export type OrganisationNameKind = (typeof ORGANISATION_NAME_KINDS)[number];

export interface OrganisationName {
  kind: OrganisationNameKind;
  value: string;
  by: string;
  at: string;
}

export interface OrganisationSummary {
  id: number;
  key: string;
  /** The name its notices write most often. */
  name: string;
  /** Its notices' most frequent sector. */
  sector: string | null;
  noticeCount: number;
  incidentCount: number;
  /** Its latest notice's disclosure date. */
  latestDate: string | null;
  /** Set when a person merged it into another: that organisation answers for it now. */
  mergedInto: number | null;
  /** null: the casebook made it for its key; else the person who split it off. */
  createdBy: string | null;
}

export const ORGANISATION_ACTIONS = ['alias', 'former', 'domain', 'merge', 'merged', 'split', 'split_from'] as const;
export type OrganisationAction = (typeof ORGANISATION_ACTIONS)[number];

/** One change a person made to an organisation, kept for ever. */
export interface OrganisationChange {
  id: number;
  organisationId: number;
  action: OrganisationAction;
  detail: Record<string, unknown>;
  by: string;
  at: string;
}

export interface OrganisationDetail extends OrganisationSummary {
  /** Its names as its notices write them, most frequent first. */
  names: Array<{ name: string; notices: number }>;
  /** The romaji keys its names read as. */
  latinKeys: string[];
  /** Names and domains people added. */
  added: OrganisationName[];
  /** Hosts its notices were fetched from. */
  noticeDomains: string[];
  /** Its incidents, newest notice first, each with the notices of this organisation in it. */
  incidents: Array<{ incidentId: number; noticeIds: number[] }>;
  changes: OrganisationChange[];
}

/** Organisations whose name, key, romaji, alias or domain holds any of `terms` (folded); every one when none. */
/** Every listed organisation, or only these (found by app/organisation-search.ts from their search texts). */
export interface OrganisationQuery {
  ids?: readonly number[];
}

/** A listed organisation's search text (names, romaji, domains, one per line), in the list's order. */
export interface OrganisationSearchText {
  id: number;
  text: string;
}

export interface OrganisationNameInput {
  organisationId: number;
  kind: OrganisationNameKind;
  value: string;
  /** The value folded as names are for search. */
  fold: string;
  by: string;
}

export interface OrganisationMergeInput {
  fromId: number;
  intoId: number;
  by: string;
  reason?: string | null;
}

export interface OrganisationSplitInput {
  organisationId: number;
  /** The notices that leave for the new organisation; each must be the organisation's. */
  noticeIds: readonly number[];
  by: string;
  reason?: string | null;
}
