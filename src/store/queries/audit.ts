// The audit log's one write, shared by every converted port: a line appended inside the transaction
// of the change it describes.

import type { AuditInput } from '../account-types.ts';
import { auditValues, type AuditRow } from '../rows/account-row.ts';
import { get, type Sql } from '../sql/sql.ts';

export function* writeAudit(entry: AuditInput, now: () => Date): Sql<AuditRow> {
  return (yield* get<AuditRow>(/* sql */ `
    INSERT INTO audit_log (at, actor, action, subject, before_json, after_json)
    VALUES (@at, @actor, @action, @subject, @beforeJson, @afterJson) RETURNING *`, auditValues(entry, now().toISOString())))!;
}
