// `jikenbo audit`: the audit log, newest first: who changed what, when, before and after.
import { z } from 'zod';
import { openCommandCasebook } from '../open-casebook.ts';
import { AUDIT_ACTIONS } from '../../store/account-types.ts';
import { parseCommand, validate } from '../options.ts';

export async function auditCommand(args: string[]): Promise<number> {
  const { values } = parseCommand('audit', args, {
    db: { type: 'string' }, limit: { type: 'string' }, actor: { type: 'string' }, action: { type: 'string' }, json: { type: 'boolean' },
  });
  const q = validate('audit', z.object({
    limit: z.coerce.number().int().min(1).max(500).default(50),
    actor: z.string().min(1).max(100).optional(),
    action: z.enum(AUDIT_ACTIONS, `expected one of ${AUDIT_ACTIONS.join(', ')}`).optional(),
  }), { limit: values.limit, actor: values.actor, action: values.action });
  const casebook = await openCommandCasebook(values.db);
  try {
    const entries = await casebook.store.listAudit(q);
    for (const e of entries) {
      process.stdout.write(values.json ? JSON.stringify(e) + '\n'
        : `${e.id}\t${e.at}\t${e.actor}\t${e.action}\t${e.subject}\t${JSON.stringify(e.before)} → ${JSON.stringify(e.after)}\n`);
    }
    return 0;
  } finally {
    await casebook.close();
  }
}
