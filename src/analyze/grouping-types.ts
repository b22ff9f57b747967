// What grouping notices into incidents reads and plans (link-notices.ts, group-notices.ts,
// plan-incidents.ts): plain data, declared here so that analyze never imports the store; the store's
// ports (store/ports.ts) take and return these.
import type { IncidentRecord } from '../core/record.ts';

/** Why two notices were put in one incident: a rule's name and what it read (`{rule:'follow_up', evidence:'第2報'}`). */
export interface NoticeLink {
  rule: 'follow_up' | 'same_event' | 'client_contractor' | 'same_casebook_number' | 'near_duplicate' | 'manual_link';
  evidence: string;
  notices: [number, number];
  /** For client_contractor where the wording shows it: the client's notice (委託元). */
  client?: number;
  /** For manual_link: who decided, and when. */
  by?: string;
  at?: string;
}

export type LinkOrigin = 'auto' | 'manual';

/** A person's decision about grouping; automatic regrouping never undoes one. */
export interface ManualDecision {
  id: number;
  /** link: put `otherNoticeId`'s incident with `noticeId`'s; unlink: `noticeId` stands alone. */
  action: 'link' | 'unlink';
  noticeId: number;
  otherNoticeId: number | null;
  by: string;
  at: string;
}

/** What linking reads about one notice. */
export interface LinkableNotice {
  id: number;
  record: IncidentRecord;
  text: string;
  ingestedAt: string;
  /** The document's media type (`application/json`: imported from VERIS, not read from a notice); set by loadLinkable. */
  mediaType?: string;
  /** Its document's dataset (core/dataset.ts); absent or 'jp-notices' for a notice jikenbo read. */
  dataset?: string;
}

export interface ExistingIncident {
  id: number;
  /** The casebook header's number when it has one, else its own number; null until first regrouped. */
  number: string | null;
  numberKept: boolean;
  /** The number jikenbo gave it (JYYYY-NNNN), kept for ever once given, also beside a header number. */
  ownNumber: string | null;
  /** When its own number was given. */
  numberAssignedAt: string | null;
  noticeIds: number[];
}

/** One item of the grouping queue and the sequence number of its last change. */
export interface GroupingItem {
  item: string;
  seq: number;
}

/** Everything regrouping reads, taken at one moment; `basis` tells the store whether it is still current. */
export interface IncidentSnapshot {
  basis: string;
  notices: LinkableNotice[];
  decisions: ManualDecision[];
  incidents: ExistingIncident[];
  /** The last running number handed out per year. */
  counters: Map<number, number>;
}

export interface PlannedMember {
  noticeId: number;
  origin: LinkOrigin;
  /** The links that tie this notice to others of its incident; empty for a notice alone. */
  links: NoticeLink[];
}

export interface PlannedIncident {
  /** An existing incident to keep (with its number and export id), or null for a new one. */
  id: number | null;
  members: PlannedMember[];
  /** The header's number (numberKept) or else its own number; null for an imported incident (no casebook number). */
  number: string | null;
  numberKept: boolean;
  /** Its own number (JYYYY-NNNN): the keeper's, never changed once given; null while a header number serves. */
  ownNumber: string | null;
  /** true when its own number was handed out in this plan (its time is recorded). */
  numberNew: boolean;
  /** Set when another incident has the same number: for a person to look at. */
  clashNotes: string | null;
  /** The earliest disclosure date of its notices, for ordering. */
  firstDisclosure: string | null;
}

export interface IncidentPlan {
  basis: string;
  incidents: PlannedIncident[];
  /** Incidents whose notices all went elsewhere. */
  retire: number[];
  /** Of `retire`, those merged into a kept incident: their export ids and numbers now resolve to `into`. */
  absorbed: Array<{ id: number; into: number }>;
  counters: Map<number, number>;
  /** Stage 3 items of the grouping queue this plan settles (removed with it, unless changed since). */
  settled?: GroupingItem[];
}
