// SQLite side of leak-site claims: the claims themselves (one per natural key), the domain map, confirmed links.

import type Database from 'better-sqlite3';
import { JikenboError } from '../../core/errors.ts';
import type { ClaimInput, ClaimLinkInput } from '../source-types.ts';
import type { ClaimStore } from '../ports.ts';
import { LINK_COLUMNS, confirmedElsewhere, toClaim, toLink, type ClaimRow, type LinkRow } from '../rows/claim-row.ts';
import { SYSTEM_ACTOR } from '../account-types.ts';
import type { AuditWriter } from './account-queries.ts';
import { claimNaturalKey } from '../claim-key.ts';

export function claimQueries(db: Database.Database, now: () => Date, audit: AuditWriter): ClaimStore {
  const insert = db.prepare(/* sql */ `
    INSERT OR IGNORE INTO claims (natural_key, group_name, victim, domain, country, discovered, discovered_date, source, imported_at, description)
    VALUES (@key, @group, @victim, @domain, @country, @discovered, @discoveredDate, @source, @at, @description)`);
  // The same claim from a second feed adds what the first lacked (ransomware.live's description, a domain).
  const fillIn = db.prepare(/* sql */ `
    UPDATE claims SET description = coalesce(description, @description), domain = coalesce(domain, @domain), country = coalesce(country, @country)
    WHERE natural_key = @key AND ((description IS NULL AND @description IS NOT NULL) OR (domain IS NULL AND @domain IS NOT NULL) OR (country IS NULL AND @country IS NOT NULL))`);
  const insertAll = db.transaction((claims: readonly ClaimInput[], at: string, by: string) => {
    let added = 0;
    const sources = new Set<string>();
    for (const c of claims) {
      const row = { ...c, description: c.description ?? null, key: claimNaturalKey(c), at };
      const inserted = insert.run(row).changes;
      added += inserted;
      if (inserted === 0) fillIn.run(row);
      sources.add(c.source);
    }
    if (added > 0) audit({ actor: by, action: 'claim.import', subject: [...sources].join(', ').slice(0, 500), before: null, after: { added, existing: claims.length - added } });
    return { added, existing: claims.length - added };
  });
  const setMapping = db.transaction((domain: string, parent: string, by: string) => {
    const before = db.prepare<[string], { parent: string }>('SELECT parent FROM claim_domain_map WHERE domain = ?').get(domain);
    const at = now().toISOString();
    upsertMap.run(domain, parent, by, at);
    audit({ actor: by, action: 'claim.map_domain', subject: `domain:${domain}`, before: before ? { parent: before.parent } : null, after: { parent } });
    return { domain, parent, by, at };
  });
  const confirm = db.transaction((input: ClaimLinkInput, by: string, noticeId: number) => {
    const inForce = linkInForce.get(input.claimId);
    if (inForce) {
      const link = toLink(inForce);
      if (link.incidentId === input.incidentId) return link;
      throw new JikenboError('conflict', confirmedElsewhere(input.claimId, link.incidentId), { subject: 'claim' });
    }
    const id = Number(insertLink.run({ ...input, by, noticeId, at: now().toISOString() }).lastInsertRowid);
    audit({ actor: by, action: 'claim.confirm', subject: `claim:${input.claimId}`, before: null, after: { incident: input.incidentId, notice: noticeId, link: id } });
    return toLink(linkById.get(id)!);
  });
  const unconfirm = db.transaction((claimId: number, by: string, reason: string) => {
    const inForce = linkInForce.get(claimId);
    if (!inForce) throw new JikenboError('not_found', `claim ${claimId} is not confirmed for any incident`, { subject: 'claim' });
    undoLink.run({ id: inForce.id, by, reason, at: now().toISOString() });
    const link = toLink(linkById.get(inForce.id)!);
    audit({ actor: by, action: 'claim.unconfirm', subject: `claim:${claimId}`, before: { incident: link.incidentId, link: link.id }, after: { reason } });
    return link;
  });
  const selectRange = db.prepare<{ from: string; to: string }, ClaimRow>(
    'SELECT * FROM claims WHERE discovered_date BETWEEN @from AND @to ORDER BY discovered, id');
  const selectOne = db.prepare<[number], ClaimRow>('SELECT * FROM claims WHERE id = ?');
  const upsertMap = db.prepare(/* sql */ `
    INSERT INTO claim_domain_map (domain, parent, added_by, added_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (domain) DO UPDATE SET parent = excluded.parent, added_by = excluded.added_by, added_at = excluded.added_at`);
  const selectMap = db.prepare<[], { domain: string; parent: string; added_by: string; added_at: string }>(
    'SELECT * FROM claim_domain_map ORDER BY domain');
  const firstNotice = db.prepare<[number], { notice_id: number }>(
    'SELECT min(notice_id) AS notice_id FROM incident_notices WHERE incident_id = ? HAVING count(*) > 0');
  // No OR IGNORE: the unique index on the claim's confirmation in force refuses a second one.
  const insertLink = db.prepare(/* sql */ `
    INSERT INTO claim_links (claim_id, incident_id, notice_id, score, reason, confirmed_by, confirmed_at)
    VALUES (@claimId, @incidentId, @noticeId, @score, @reason, @by, @at)`);
  const undoLink = db.prepare('UPDATE claim_links SET undone_by = @by, undone_at = @at, undo_reason = @reason WHERE id = @id AND undone_at IS NULL');
  const linkById = db.prepare<[number], LinkRow>(`SELECT ${LINK_COLUMNS} FROM claim_links l WHERE id = ?`);
  const linkInForce = db.prepare<[number], LinkRow>(`SELECT ${LINK_COLUMNS} FROM claim_links l WHERE claim_id = ? AND undone_at IS NULL`);
  const linksOfClaim = db.prepare<[number, number], LinkRow>(`SELECT ${LINK_COLUMNS} FROM claim_links l WHERE claim_id = ? AND (? OR undone_at IS NULL) ORDER BY id`);
  const linksOfIncident = db.prepare<[number, number], LinkRow>(/* sql */ `
    SELECT ${LINK_COLUMNS} FROM claim_links l
    WHERE l.notice_id IN (SELECT notice_id FROM incident_notices WHERE incident_id = ?) AND (? OR undone_at IS NULL) ORDER BY l.id`);
  const allLinks = db.prepare<[number], LinkRow>(`SELECT ${LINK_COLUMNS} FROM claim_links l WHERE ? OR undone_at IS NULL ORDER BY l.id`);

  return {
    async addClaims(claims, by = SYSTEM_ACTOR) {
      return insertAll.immediate(claims, now().toISOString(), by);
    },
    async listClaims(range = {}) {
      return selectRange.all({ from: range.from ?? '0000-00-00', to: range.to ?? '9999-99-99' }).map(toClaim);
    },
    async getClaim(id) {
      const row = selectOne.get(id);
      return row ? toClaim(row) : null;
    },
    async setClaimDomainMapping(domain, parent, by) {
      return setMapping.immediate(domain, parent, by);
    },
    async listClaimDomainMappings() {
      return selectMap.all().map((r) => ({ domain: r.domain, parent: r.parent, by: r.added_by, at: r.added_at }));
    },
    async confirmClaimLink(input) {
      if (!selectOne.get(input.claimId)) throw new JikenboError('not_found', `no claim ${input.claimId}`, { subject: 'claim' });
      const anchor = firstNotice.get(input.incidentId);
      if (!anchor) throw new JikenboError('not_found', `no incident ${input.incidentId}`, { subject: 'incident' });
      const by = input.by.trim();
      if (!by) throw new JikenboError('bad_input', 'a confirmation needs the name of who made it', { subject: 'by' });
      return confirm.immediate(input, by, anchor.notice_id);
    },
    async unconfirmClaimLink(input) {
      const by = input.by.trim();
      if (!by) throw new JikenboError('bad_input', 'un-confirming needs the name of who does it', { subject: 'by' });
      return unconfirm.immediate(input.claimId, by, input.reason);
    },
    async listClaimLinks(filter = {}) {
      const undone = filter.includeUndone ? 1 : 0;
      const rows = filter.claimId !== undefined ? linksOfClaim.all(filter.claimId, undone)
        : filter.incidentId !== undefined ? linksOfIncident.all(filter.incidentId, undone) : allLinks.all(undone);
      return rows.map(toLink).filter((l) => filter.incidentId === undefined || l.incidentId === filter.incidentId);
    },
  };
}
