// `jikenbo user …` and `jikenbo token …`: accounts and API tokens from the server's own shell, where
// the first admin is made. Every change is audited under `cli:<system user>`.
import { z } from 'zod';
import { addAccount, changeAccount, createApiToken, revokeApiToken } from '../../app/accounts.ts';
import { openCommandCasebook } from '../open-casebook.ts';
import { ROLES } from '../../core/access.ts';
import { JikenboError } from '../../core/errors.ts';
import { cliActor, parseCommand, validate } from '../options.ts';
import { readNewPassword } from '../read-password.ts';

const USER_USAGE = 'user add NAME --role viewer|editor|admin | user list | user role NAME ROLE | user disable NAME | user enable NAME | user passwd NAME';
const TOKEN_USAGE = 'token add ACCOUNT --label TEXT [--scope read|ingest] | token list [--user NAME] | token revoke ID';

export async function userCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('user', args, { db: { type: 'string' }, role: { type: 'string' }, json: { type: 'boolean' } });
  const [action, name, extra] = positionals;
  if (!action || !['add', 'list', 'role', 'disable', 'enable', 'passwd'].includes(action)) {
    throw new JikenboError('bad_input', `user: expected ${USER_USAGE}`, { subject: 'action' });
  }
  if (action !== 'list' && !name) throw new JikenboError('bad_input', `user ${action}: give the account name`, { subject: 'NAME' });
  const casebook = await openCommandCasebook(values.db);
  const by = cliActor();
  try {
    const { store } = casebook;
    switch (action) {
      case 'list': {
        const accounts = await store.listAccounts();
        if (values.json) process.stdout.write(JSON.stringify(accounts) + '\n');
        else for (const a of accounts) process.stdout.write(`${a.name}\t${a.role}${a.disabled ? '\tdisabled' : ''}\tsince ${a.createdAt}\n`);
        if (!values.json && accounts.length === 0) process.stdout.write('no accounts yet: jikenbo user add NAME --role admin\n');
        return 0;
      }
      case 'add': {
        const { role } = validate('user add', z.object({ role: z.enum(ROLES, `expected one of ${ROLES.join(', ')}`) }), { role: values.role });
        const password = await readNewPassword();
        const account = await addAccount(store, { name: name!, role, password }, by);
        process.stdout.write(`added ${account.name} (${account.role})\n`);
        return 0;
      }
      case 'role': {
        const { role } = validate('user role', z.object({ role: z.enum(ROLES, `expected one of ${ROLES.join(', ')}`) }), { role: extra ?? values.role });
        const account = await changeAccount(store, name!, { role }, by);
        process.stdout.write(`${account.name} is now ${account.role}\n`);
        return 0;
      }
      case 'disable':
      case 'enable': {
        const account = await changeAccount(store, name!, { disabled: action === 'disable' }, by);
        process.stdout.write(`${account.name} ${account.disabled ? 'disabled: its sessions are ended' : 'enabled'}\n`);
        return 0;
      }
      default: {
        const password = await readNewPassword();
        const account = await changeAccount(store, name!, { password }, by);
        process.stdout.write(`password of ${account.name} changed: its sessions are ended\n`);
        return 0;
      }
    }
  } finally {
    await casebook.close();
  }
}

export async function tokenCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('token', args, {
    db: { type: 'string' }, label: { type: 'string' }, scope: { type: 'string' }, user: { type: 'string' }, json: { type: 'boolean' },
  });
  const [action, subject] = positionals;
  if (!action || !['add', 'list', 'revoke'].includes(action)) throw new JikenboError('bad_input', `token: expected ${TOKEN_USAGE}`, { subject: 'action' });
  const casebook = await openCommandCasebook(values.db);
  try {
    const { store } = casebook;
    if (action === 'add') {
      if (!subject) throw new JikenboError('bad_input', 'token add: give the account the token acts as', { subject: 'ACCOUNT' });
      // Read-only unless asked: a script that uploads says so with --scope ingest.
      const { token, info } = await createApiToken(store, subject, { label: values.label ?? 'script', scope: values.scope ?? 'read', madeIn: 'cli' }, cliActor());
      process.stderr.write(`token #${info.id} for ${info.account} (${info.label}, scope ${info.scope}); it is shown this once:\n`);
      process.stdout.write(`${token}\n`);
      return 0;
    }
    if (action === 'revoke') {
      const { id } = validate('token revoke', z.object({ id: z.coerce.number().int().positive('expected a token number') }), { id: subject });
      const revoked = await revokeApiToken(store, id, cliActor());
      process.stdout.write(`token #${revoked.id} of ${revoked.account} revoked\n`);
      return 0;
    }
    const account = values.user ? await store.getAccountByName(values.user) : null;
    if (values.user && !account) throw new JikenboError('not_found', `no account named ${values.user}`, { subject: '--user' });
    const tokens = await store.listApiTokens(account?.id);
    if (values.json) process.stdout.write(JSON.stringify(tokens) + '\n');
    else for (const t of tokens) process.stdout.write(`#${t.id}\t${t.account}\t${t.label}\t${t.scope}\t${t.revokedAt ? `revoked ${t.revokedAt}` : `last used ${t.lastUsedAt ?? 'never'}`}\n`);
    return 0;
  } finally {
    await casebook.close();
  }
}
