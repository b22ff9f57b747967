// How people name things (issue 19, item 4): an incident by the number it is cited by (2024-504, or
// jikenbo's own J2024-0078), a notice by N and its id (N56), so that a notice's id is never read as an
// incident's number. Internal incident ids stay accepted everywhere, but are shown nowhere.

/** N56: how a notice is shown and cited. */
export const noticeLabel = (id: number): string => `N${id}`;

/** 'N56', 'n56', '56' and (as printed before) '#56' → 56; null when it is not a notice's id. */
export function parseNoticeRef(text: string | null | undefined): number | null {
  const m = /^(?:[Nn]|#)?([1-9][0-9]{0,15})$/.exec(text?.trim() ?? '');
  if (!m) return null;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) ? n : null;
}

export interface NumberedIncident {
  id: number;
  number: string | null;
  ownNumber?: string | null;
  numberClash?: boolean;
}

/**
 * The one identifier an incident is cited by, and the one in its page's address: its number (the
 * casebook header's, else jikenbo's own). When another incident has the same header number (a clash a
 * person decides), jikenbo's own number, which nothing else has. The internal id only for an incident
 * not numbered yet (between an ingest and its regrouping).
 */
export function publicIncidentId(i: NumberedIncident): string {
  if (i.numberClash && i.ownNumber) return i.ownNumber;
  return i.number ?? i.ownNumber ?? String(i.id);
}

/**
 * How an incident is named where people read it: '#' and its number, else (an incident imported from
 * VERIS, which gets no casebook number: core/dataset.ts) 'VERIS ' and its own incident_id; null when
 * it has neither (between an ingest and its regrouping).
 */
export function incidentLabel(i: { number: string | null; externalId?: string | null | undefined }): string | null {
  if (i.number) return `#${i.number}`;
  return i.externalId ? `VERIS ${i.externalId}` : null;
}

/** The incident's page. */
export const incidentPath = (i: NumberedIncident): string => `/incidents/${encodeURIComponent(publicIncidentId(i))}`;
