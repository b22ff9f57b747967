// The audit line PostgreSQL's own (not yet shared) queries write: ingest.
// The shared ports write theirs with queries/audit.ts.

import type { AuditInput } from '../account-types.ts';
import { auditValues, type AuditRow } from '../rows/account-row.ts';
import { one, type Queryable } from './pg-database.ts';

/** Appends one audit line inside the transaction of the change it describes; returns the row. */
export async function writeAudit(db: Queryable, entry: AuditInput, now: () => Date): Promise<AuditRow> {
  const v = auditValues(entry, now().toISOString());
  return (await one<AuditRow>(db, /* sql */ `
    INSERT INTO audit_log (at, actor, action, subject, before_json, after_json) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
  [v.at, v.actor, v.action, v.subject, v.beforeJson, v.afterJson]))!;
}
