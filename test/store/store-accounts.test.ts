// Accounts, sessions, API tokens and the audit log on every engine: one suite, real databases.
// The audit log gets a line for each kind of change, written with the change, and refuses to be
// rewritten or deleted even by someone with database access.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JikenboError } from '../../src/core/errors.ts';
import type { AuditAction } from '../../src/store/account-types.ts';
import type { Store } from '../../src/store/ports.ts';
import { ENGINES, type OpenedStore } from './engines.ts';
import { makeDocument, makeNotice, makeRecord, sha256Of } from './fixtures.ts';

const HASH = 'scrypt$32768$8$1$c2FsdA==$aGFzaA==';
const hex = (s: string) => sha256Of(s);
const at = (iso: string) => new Date(iso).toISOString();

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(JikenboError);
  expect((err as JikenboError).code).toBe(code);
}

describe.each(ENGINES)('accounts and audit on $name', (engine) => {
  let opened: OpenedStore;
  let store: Store;
  beforeEach(async () => {
    opened = await engine.open();
    store = opened.store;
  });
  afterEach(async () => opened.dispose());

  it('adds accounts once per name, keeps only the hash, lists them by name', async () => {
    const a = await store.addAccount({ name: 'yamada', role: 'editor', passwordHash: HASH }, 'cli:root');
    expect(a).toMatchObject({ name: 'yamada', role: 'editor', disabled: false });
    await store.addAccount({ name: 'abe', role: 'viewer', passwordHash: HASH }, 'cli:root');
    await expectCode(store.addAccount({ name: 'yamada', role: 'admin', passwordHash: HASH }, 'cli:root'), 'conflict');
    expect((await store.listAccounts()).map((x) => x.name)).toEqual(['abe', 'yamada']);
    expect((await store.getAccountByName('yamada'))?.passwordHash).toBe(HASH);
    expect(await store.getAccountByName('nobody')).toBeNull();
  });

  it('opens sessions until they expire, the account is disabled, or its password changes', async () => {
    const a = await store.addAccount({ name: 'yamada', role: 'editor', passwordHash: HASH }, 'cli:root');
    const later = at('2100-01-01T00:00:00Z');
    await store.createSession({ tokenHash: hex('s1'), accountId: a.id, csrfToken: 'c1', expiresAt: later });
    expect(await store.findSession(hex('s1'), at('2099-12-31T00:00:00Z'))).toMatchObject({ account: { name: 'yamada' }, csrfToken: 'c1' });
    expect(await store.findSession(hex('s1'), at('2100-01-01T00:00:01Z'))).toBeNull();
    expect(await store.findSession(hex('other'), at('2000-01-01T00:00:00Z'))).toBeNull();

    await store.changeAccount('yamada', { role: 'admin' }, 'cli:root');
    expect((await store.findSession(hex('s1'), at('2000-01-01T00:00:00Z')))?.account.role).toBe('admin');
    await store.changeAccount('yamada', { passwordHash: HASH + 'x' }, 'yamada');
    expect(await store.findSession(hex('s1'), at('2000-01-01T00:00:00Z'))).toBeNull();

    await store.createSession({ tokenHash: hex('s2'), accountId: a.id, csrfToken: 'c2', expiresAt: later });
    await store.addAccount({ name: 'kanri', role: 'admin', passwordHash: HASH }, 'cli:root');
    await store.changeAccount('yamada', { disabled: true }, 'cli:root');
    expect(await store.findSession(hex('s2'), at('2000-01-01T00:00:00Z'))).toBeNull();
    await store.changeAccount('yamada', { disabled: false }, 'cli:root');
    await store.createSession({ tokenHash: hex('s3'), accountId: a.id, csrfToken: 'c3', expiresAt: later });
    await store.deleteSession(hex('s3'));
    expect(await store.findSession(hex('s3'), at('2000-01-01T00:00:00Z'))).toBeNull();
    await expectCode(store.changeAccount('nobody', { role: 'viewer' }, 'cli:root'), 'not_found');
  });

  it('keeps API tokens by hash: used, listed, revoked once', async () => {
    const a = await store.addAccount({ name: 'bot', role: 'editor', passwordHash: HASH }, 'cli:root');
    const token = await store.addApiToken({ accountId: a.id, label: 'nightly import', scope: 'ingest', madeIn: 'cli', tokenHash: hex('t1') }, 'cli:root');
    expect(token).toMatchObject({ account: 'bot', label: 'nightly import', scope: 'ingest', madeIn: 'cli', revokedAt: null, lastUsedAt: null });
    expect(await store.useApiToken(hex('t1'), at('2030-05-01T00:00:00Z'))).toMatchObject({ account: { name: 'bot' }, scope: 'ingest' });
    expect((await store.listApiTokens(a.id))[0]?.lastUsedAt).toBe(at('2030-05-01T00:00:00Z'));
    expect(await store.useApiToken(hex('nope'), at('2030-05-01T00:00:00Z'))).toBeNull();
    await store.changeAccount('bot', { disabled: true }, 'cli:root');
    expect(await store.useApiToken(hex('t1'), at('2030-05-01T00:00:00Z'))).toBeNull();
    await store.changeAccount('bot', { disabled: false }, 'cli:root');
    expect((await store.revokeApiToken(token.id, 'cli:root')).revokedAt).not.toBeNull();
    expect(await store.useApiToken(hex('t1'), at('2030-05-01T00:00:00Z'))).toBeNull();
    await expectCode(store.revokeApiToken(token.id, 'cli:root'), 'conflict');
    await expectCode(store.revokeApiToken(99999, 'cli:root'), 'not_found');
    expect(await store.listApiTokens()).toHaveLength(1);
  });

  it('writes one audit line per change, with who, what, before and after', async () => {
    const text = '【架空】みどり商事　お知らせ\n不正アクセスにより顧客情報が流出しました。';
    const doc = await store.ingestDocument({ ...makeDocument(text), by: 'uploader' }, [makeNotice(text, makeRecord({ organization: 'みどり商事' }))]);
    const text2 = '【架空】あおば運輸　お知らせ\nメールの誤送信がありました。';
    const doc2 = await store.ingestDocument(makeDocument(text2), [makeNotice(text2, makeRecord({ organization: 'あおば運輸' }))]);
    // The same bytes again add nothing, and write nothing to the log.
    await store.ingestDocument({ ...makeDocument(text), by: 'someone-else' }, [makeNotice(text, makeRecord())]);
    const [a, b] = [doc.noticeIds[0]!, doc2.noticeIds[0]!];

    const c = await store.addCorrection({ target: 'notice', targetId: a, field: 'affected_count', oldValue: null, newValue: 120, by: 'sato' });
    await store.revertCorrection(c.id, 'suzuki');
    await store.linkNotices(a, b, 'kato');
    await store.unlinkNotice(b, 'kato');
    await store.saveMachineRecord(a, makeRecord({ organization: 'みどり商事', affected_count: 99 }), 'test-2', 'cli:ops');
    await store.addClaims([{ group: 'g', victim: 'Midori', domain: null, country: 'JP', discovered: '2030-01-01T00:00:00', discoveredDate: '2030-01-01', source: 'feed.json' }], 'watch');
    const claim = (await store.listClaims())[0]!;
    const incident = (await store.incidentOfNotice(a))!;
    await store.confirmClaimLink({ claimId: claim.id, incidentId: incident, score: 0.9, reason: 'name', by: 'sato' });
    await store.setClaimDomainMapping('midori.co.th', 'みどり商事', 'sato');
    await store.addWatchSource({ url: 'https://example.jp/news.rss', everySeconds: 3600, allowPrivate: false }, 'admin1');
    const acct = await store.addAccount({ name: 'newbie', role: 'viewer', passwordHash: HASH }, 'admin1');
    await store.changeAccount('newbie', { role: 'editor' }, 'admin1');
    const tok = await store.addApiToken({ accountId: acct.id, label: 'x', scope: 'read', madeIn: 'session', tokenHash: hex('t') }, 'admin1');
    await store.revokeApiToken(tok.id, 'admin1');
    await store.appendAudit({ actor: 'newbie', action: 'session.sign_in', subject: 'account:newbie', before: null, after: { ip: '127.0.0.1' } });

    const log = (await store.listAudit({ limit: 500 })).reverse();
    const line = (action: AuditAction) => log.filter((e) => e.action === action);
    expect(log.map((e) => e.action)).toEqual([
      'document.ingest', 'document.ingest', 'correction.add', 'correction.revert', 'incident.link', 'incident.unlink',
      'record.reextract', 'claim.import', 'claim.confirm', 'claim.map_domain', 'watch.add',
      'account.add', 'account.change', 'token.add', 'token.revoke', 'session.sign_in',
    ]);
    expect(line('document.ingest').map((e) => [e.actor, e.subject])).toEqual([['uploader', `document:${doc.documentId}`], ['system', `document:${doc2.documentId}`]]);
    expect(line('document.ingest')[0]!.after).toMatchObject({ sha256: sha256Of(text), notices: [a] });
    expect(line('correction.add')[0]).toMatchObject({ actor: 'sato', subject: `notice:${a}`, before: { field: 'affected_count', value: null }, after: { field: 'affected_count', value: 120 } });
    expect(line('correction.revert')[0]).toMatchObject({ actor: 'suzuki', before: { value: 120 }, after: { value: null } });
    expect(line('incident.link')[0]).toMatchObject({ actor: 'kato', subject: `notice:${a}`, after: { with: `notice:${b}` } });
    expect(Object.keys((line('incident.link')[0]!.before as { incidents: object }).incidents)).toEqual([`notice:${a}`, `notice:${b}`]);
    expect(line('record.reextract')[0]).toMatchObject({ actor: 'cli:ops', before: { organization: 'みどり商事', affected_count: null }, after: { affected_count: 99, extractor_version: 'test-2' } });
    expect(line('claim.import')[0]).toMatchObject({ actor: 'watch', subject: 'feed.json', after: { added: 1 } });
    expect(line('claim.confirm')[0]).toMatchObject({ actor: 'sato', subject: `claim:${claim.id}` });
    expect(line('claim.map_domain')[0]).toMatchObject({ before: null, after: { parent: 'みどり商事' } });
    expect(line('watch.add')[0]).toMatchObject({ actor: 'admin1', before: null, after: { url: 'https://example.jp/news.rss', everySeconds: 3600 } });
    expect(line('account.change')[0]).toMatchObject({ before: { role: 'viewer' }, after: { role: 'editor' } });
    expect(JSON.stringify(log)).not.toContain(HASH);
    for (const e of log) expect(e.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    // Filters and paging, newest first.
    expect((await store.listAudit({ actor: 'kato' })).map((e) => e.action)).toEqual(['incident.unlink', 'incident.link']);
    const page1 = await store.listAudit({ limit: 5 });
    const page2 = await store.listAudit({ limit: 5, beforeId: page1.at(-1)!.id });
    expect(page2[0]!.id).toBeLessThan(page1.at(-1)!.id);
    expect(new Set([...page1, ...page2].map((e) => e.id)).size).toBe(10);
  });

  it('writes nothing to the log for a change that fails, and nothing half', async () => {
    await expectCode(store.linkNotices(1, 2, 'kato'), 'not_found');
    await expectCode(store.revertCorrection(42, 'kato'), 'not_found');
    await expect(store.appendAudit({ actor: ' ', action: 'session.sign_in', subject: 'x', before: null, after: null })).rejects.toThrow(/who/);
    expect(await store.listAudit()).toEqual([]);
  });

  it('refuses to update or delete audit lines, even with direct database access', async () => {
    await store.addAccount({ name: 'yamada', role: 'editor', passwordHash: HASH }, 'cli:root');
    await expect(opened.exec("UPDATE audit_log SET actor = 'someone-else'")).rejects.toThrow(/append-only/);
    await expect(opened.exec('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    if (engine.name === 'postgres') await expect(opened.exec('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect((await store.listAudit()).map((e) => e.actor)).toEqual(['cli:root']);
  });
});
