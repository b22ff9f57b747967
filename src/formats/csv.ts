// Incidents as CSV that Excel opens correctly: UTF-8 with a BOM, RFC 4180 quoting, one row per
// incident, lists joined with ';', and cells that a spreadsheet would run as a formula defused.
import { stringify } from 'csv-stringify/sync';
import type { IncidentRow } from './incident-row.ts';

export const CSV_COLUMNS = [
  'number', 'id', 'organization', 'title', 'sector', 'disclosure_date', 'occurred_date', 'discovered_date',
  'incident_types', 'data_types', 'affected_count', 'reported_to_ppc', 'reported_to_police', 'contractor_involved',
  'attacker', 'discovery', 'organizations', 'notice_ids', 'review_state',
] as const;

const BOM = '\uFEFF';

/**
 * CSV formula injection (CWE-1236): a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return is read by Excel and LibreOffice as a formula, and notice text is untrusted. Such a cell gets
 * a leading apostrophe, which spreadsheets show as text (OWASP's advice); the value is otherwise kept.
 * Numbers we write ourselves (counts, ids) are never prefixed: a negative count cannot occur.
 */
export function defuseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function cells(row: IncidentRow): Record<(typeof CSV_COLUMNS)[number], string> {
  const text = (v: string | null) => defuseCell(v ?? '');
  const list = (v: readonly (string | number)[]) => defuseCell(v.join(';'));
  const flag = (b: boolean) => (b ? 'true' : 'false');
  return {
    number: text(row.number), id: String(row.id), organization: text(row.organization), title: text(row.title),
    sector: text(row.sector), disclosure_date: text(row.disclosureDate), occurred_date: text(row.occurredDate),
    discovered_date: text(row.discoveredDate), incident_types: list(row.incidentTypes), data_types: list(row.dataTypes),
    affected_count: row.affectedCount === null ? '' : String(row.affectedCount), reported_to_ppc: flag(row.reportedToPpc),
    reported_to_police: flag(row.reportedToPolice), contractor_involved: flag(row.contractorInvolved),
    attacker: text(row.attacker), discovery: text(row.discovery), organizations: list(row.organizations),
    notice_ids: list(row.noticeIds), review_state: row.reviewState,
  };
}

/** The whole file: BOM, header line, one line per incident, CRLF line ends (RFC 4180). */
export function incidentsToCsv(rows: readonly IncidentRow[]): string {
  return BOM + stringify(rows.map(cells), { header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows', quoted_match: /[",\r\n;]/ });
}
