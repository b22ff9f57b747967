// Hand-made incident rows for statistics tests: every field defaulted to "not stated".
import type { FactRow } from '../../src/analyze/stats/fact-row.ts';
import { dashboardFiguresOf } from '../../src/analyze/stats/dashboard-figures.ts';

export function fact(id: number, fields: Partial<FactRow> = {}): FactRow {
  return {
    id, number: null, exportKey: `key-${id}`, numberKept: false, numberClash: false, title: null, organization: null, organizations: [],
    sector: null, disclosureDate: null, occurredDate: null, discoveredDate: null, incidentTypes: [], dataTypes: [],
    affectedCount: null, reportedToPpc: false, reportedToPolice: false, contractorInvolved: false, attacker: null,
    discovery: null, noticeIds: [id], reviewState: 'unreviewed',
    ...fields,
  };
}

/**
 * Seven incidents whose statistics the tests work out by hand:
 * A ransomware at a manufacturer through a contractor, B a mis-sent mail, C a lost USB stick at a
 * hospital, D web skimming found by the card company, E a DDoS on a town, F a bare notice with no
 * dates or types, G staff taking data out of a bank.
 */
export const CASEBOOK: FactRow[] = [
  fact(1, { organization: 'A製作所', sector: 'manufacturing', disclosureDate: '2024-01-15', occurredDate: '2023-12-20', discoveredDate: '2024-01-05',
    incidentTypes: ['ransomware', 'unauthorized_access'], dataTypes: ['name', 'address'], affectedCount: 12000,
    contractorInvolved: true, attacker: 'LockBit', discovery: 'internal_detection', reportedToPpc: true }),
  fact(2, { organization: 'B書房', sector: 'ecommerce', disclosureDate: '2024-01-30', discoveredDate: '2024-01-29',
    incidentTypes: ['misdelivery'], dataTypes: ['email'], affectedCount: 312, discovery: 'customer_report' }),
  fact(3, { organization: 'C病院', sector: 'healthcare', disclosureDate: '2024-03-02', occurredDate: '2024-02-10', discoveredDate: '2024-02-12',
    incidentTypes: ['loss'], dataTypes: ['name', 'medical'], affectedCount: 128 }),
  fact(4, { organization: 'D商店', sector: 'ecommerce', disclosureDate: '2024-04-10', discoveredDate: '2024-01-10',
    incidentTypes: ['web_skimming'], dataTypes: ['credit_card', 'card_security_code', 'name'], affectedCount: 5000, discovery: 'card_company' }),
  fact(5, { organization: 'E町', sector: 'government', disclosureDate: '2024-07-01', discoveredDate: '2024-07-05',
    incidentTypes: ['ddos'], attacker: ' lockbit' }),
  fact(6, { discoveredDate: '2024-02-01' }),
  fact(7, { organization: 'G銀行', sector: 'finance', disclosureDate: '2024-05-01', occurredDate: '2024-04-20', discoveredDate: '2024-04-25',
    incidentTypes: ['insider', 'misdelivery'], affectedCount: 50, contractorInvolved: true }),
];

/** The dashboard's figures over rows, no duty counted: what the charts draw. */
export const figuresOf = (rows: readonly FactRow[]) => dashboardFiguresOf(rows, { reportable: 0, unmentioned: 0, doubtful: 0 });
