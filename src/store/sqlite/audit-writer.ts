// The audit line SQLite's own (not yet shared) queries write: ingest.
// The shared ports write theirs with queries/audit.ts.

import type Database from 'better-sqlite3';
import type { AuditInput } from '../account-types.ts';
import { auditValues } from '../rows/account-row.ts';

/** Appends one audit line; called inside the transaction of the change it describes. Returns its id. */
export type AuditWriter = (entry: AuditInput) => number;

export function auditWriter(db: Database.Database, now: () => Date): AuditWriter {
  const insert = db.prepare(/* sql */ `
    INSERT INTO audit_log (at, actor, action, subject, before_json, after_json)
    VALUES (@at, @actor, @action, @subject, @beforeJson, @afterJson)`);
  return (entry) => Number(insert.run(auditValues(entry, now().toISOString())).lastInsertRowid);
}
