// MISP use cases: gather each incident's notices and confirmed claims for its event.
import type { IncidentRow } from '../formats/incident-row.ts';
import { toMispEvent, type MispEvent, type MispIncident } from '../formats/misp.ts';
import type { Tlp } from '../formats/tlp.ts';
import { confirmedClaimFacts, type ExportStore } from './stix.ts';

export async function mispIncidents(store: ExportStore, rows: readonly IncidentRow[]): Promise<MispIncident[]> {
  const out: MispIncident[] = [];
  for (const row of rows) {
    const notices = [];
    for (const noticeId of row.noticeIds) {
      const n = await store.getNotice(noticeId);
      if (n) notices.push({ source: n.document.source, disclosureDate: n.disclosureDate, ingestedAt: n.document.ingestedAt });
    }
    out.push({ row, notices, claims: await confirmedClaimFacts(store, row.id) });
  }
  return out;
}

/** One event per incident. */
export async function buildMispEvents(store: ExportStore, rows: readonly IncidentRow[], options: { tlp?: Tlp } = {}): Promise<MispEvent[]> {
  return (await mispIncidents(store, rows)).map((i) => toMispEvent(i, options));
}
