// PostgreSQL side of leak-site claims, as sqlite/claim-queries.ts: the claims (one per natural key),
// the domain map, confirmed links.

import { JikenboError } from '../../core/errors.ts';
import { LINK_COLUMNS, confirmedElsewhere, toClaim, toLink, type ClaimRow, type LinkRow } from '../rows/claim-row.ts';
import { claimNaturalKey } from '../claim-key.ts';
import { inTransaction, isRowId, one, rows, type Pool } from './pg-database.ts';
import { SYSTEM_ACTOR } from '../account-types.ts';
import { writeAudit } from './account-queries.ts';
import type { ClaimStore } from '../ports.ts';

export function claimQueries(pool: Pool, now: () => Date): ClaimStore {
  const getClaim = async (id: number) =>
    isRowId(id) ? one<ClaimRow>(pool, 'SELECT * FROM claims WHERE id = $1', [id]) : undefined;

  return {
    async addClaims(claims, by = SYSTEM_ACTOR) {
      const at = now().toISOString();
      return inTransaction(pool, async (client) => {
        let added = 0;
        const sources = new Set(claims.map((c) => c.source));
        for (const c of claims) {
          const result = await client.query(/* sql */ `
            INSERT INTO claims (natural_key, group_name, victim, domain, country, discovered, discovered_date, source, imported_at, description)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (natural_key) DO NOTHING`,
          [claimNaturalKey(c), c.group, c.victim, c.domain, c.country, c.discovered, c.discoveredDate, c.source, at, c.description ?? null]);
          added += result.rowCount ?? 0;
          // The same claim from a second feed adds what the first lacked (ransomware.live's description, a domain).
          if (!result.rowCount) {
            await client.query(/* sql */ `
              UPDATE claims SET description = coalesce(description, $2), domain = coalesce(domain, $3), country = coalesce(country, $4)
              WHERE natural_key = $1 AND ((description IS NULL AND $2::text IS NOT NULL) OR (domain IS NULL AND $3::text IS NOT NULL) OR (country IS NULL AND $4::text IS NOT NULL))`,
            [claimNaturalKey(c), c.description ?? null, c.domain, c.country]);
          }
        }
        if (added > 0) {
          await writeAudit(client, { actor: by, action: 'claim.import', subject: [...sources].join(', ').slice(0, 500), before: null, after: { added, existing: claims.length - added } }, now);
        }
        return { added, existing: claims.length - added };
      });
    },
    async listClaims(range = {}) {
      const found = await rows<ClaimRow>(pool, 'SELECT * FROM claims WHERE discovered_date BETWEEN $1 AND $2 ORDER BY discovered, id',
        [range.from ?? '0000-00-00', range.to ?? '9999-99-99']);
      return found.map(toClaim);
    },
    async getClaim(id) {
      const row = await getClaim(id);
      return row ? toClaim(row) : null;
    },
    async setClaimDomainMapping(domain, parent, by) {
      const at = now().toISOString();
      return inTransaction(pool, async (client) => {
        const before = await one<{ parent: string }>(client, 'SELECT parent FROM claim_domain_map WHERE domain = $1 FOR UPDATE', [domain]);
        await client.query(/* sql */ `
          INSERT INTO claim_domain_map (domain, parent, added_by, added_at) VALUES ($1, $2, $3, $4)
          ON CONFLICT (domain) DO UPDATE SET parent = excluded.parent, added_by = excluded.added_by, added_at = excluded.added_at`,
        [domain, parent, by, at]);
        await writeAudit(client, { actor: by, action: 'claim.map_domain', subject: `domain:${domain}`, before: before ? { parent: before.parent } : null, after: { parent } }, now);
        return { domain, parent, by, at };
      });
    },
    async listClaimDomainMappings() {
      const found = await rows<{ domain: string; parent: string; added_by: string; added_at: string }>(pool, 'SELECT * FROM claim_domain_map ORDER BY domain');
      return found.map((r) => ({ domain: r.domain, parent: r.parent, by: r.added_by, at: r.added_at }));
    },
    async confirmClaimLink(input) {
      if (!(await getClaim(input.claimId))) throw new JikenboError('not_found', `no claim ${input.claimId}`, { subject: 'claim' });
      const anchor = isRowId(input.incidentId)
        ? await one<{ notice_id: number }>(pool,
          'SELECT min(notice_id) AS notice_id FROM incident_notices WHERE incident_id = $1 HAVING count(*) > 0', [input.incidentId])
        : undefined;
      if (!anchor) throw new JikenboError('not_found', `no incident ${input.incidentId}`, { subject: 'incident' });
      const by = input.by.trim();
      if (!by) throw new JikenboError('bad_input', 'a confirmation needs the name of who made it', { subject: 'by' });
      return inTransaction(pool, async (client) => {
        // The claim's row, locked: two confirmations of one claim at once are made one after the other.
        await client.query('SELECT id FROM claims WHERE id = $1 FOR UPDATE', [input.claimId]);
        const inForce = await one<LinkRow>(client, `SELECT ${LINK_COLUMNS} FROM claim_links l WHERE claim_id = $1 AND undone_at IS NULL`, [input.claimId]);
        if (inForce) {
          const link = toLink(inForce);
          if (link.incidentId === input.incidentId) return link;
          throw new JikenboError('conflict', confirmedElsewhere(input.claimId, link.incidentId), { subject: 'claim' });
        }
        const { id } = (await one<{ id: number }>(client, /* sql */ `
          INSERT INTO claim_links (claim_id, incident_id, notice_id, score, reason, confirmed_by, confirmed_at)
          VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [input.claimId, input.incidentId, anchor.notice_id, input.score, input.reason, by, now().toISOString()]))!;
        await writeAudit(client, { actor: by, action: 'claim.confirm', subject: `claim:${input.claimId}`, before: null, after: { incident: input.incidentId, notice: anchor.notice_id, link: id } }, now);
        return toLink((await one<LinkRow>(client, `SELECT ${LINK_COLUMNS} FROM claim_links l WHERE id = $1`, [id]))!);
      });
    },
    async unconfirmClaimLink(input) {
      const by = input.by.trim();
      if (!by) throw new JikenboError('bad_input', 'un-confirming needs the name of who does it', { subject: 'by' });
      const notConfirmed = () => new JikenboError('not_found', `claim ${input.claimId} is not confirmed for any incident`, { subject: 'claim' });
      if (!isRowId(input.claimId)) throw notConfirmed();
      return inTransaction(pool, async (client) => {
        const undone = await one<{ id: number }>(client, /* sql */ `
          UPDATE claim_links SET undone_by = $2, undone_at = $3, undo_reason = $4
          WHERE claim_id = $1 AND undone_at IS NULL RETURNING id`, [input.claimId, by, now().toISOString(), input.reason]);
        if (!undone) throw notConfirmed();
        const link = toLink((await one<LinkRow>(client, `SELECT ${LINK_COLUMNS} FROM claim_links l WHERE id = $1`, [undone.id]))!);
        await writeAudit(client, { actor: by, action: 'claim.unconfirm', subject: `claim:${input.claimId}`, before: { incident: link.incidentId, link: link.id }, after: { reason: input.reason } }, now);
        return link;
      });
    },
    async listClaimLinks(filter = {}) {
      const undone = filter.includeUndone === true;
      const found = filter.claimId !== undefined
        ? (isRowId(filter.claimId) ? await rows<LinkRow>(pool, `SELECT ${LINK_COLUMNS} FROM claim_links l WHERE claim_id = $1 AND ($2 OR undone_at IS NULL) ORDER BY id`, [filter.claimId, undone]) : [])
        : filter.incidentId !== undefined
          ? (isRowId(filter.incidentId) ? await rows<LinkRow>(pool, /* sql */ `
              SELECT ${LINK_COLUMNS} FROM claim_links l
              WHERE l.notice_id IN (SELECT notice_id FROM incident_notices WHERE incident_id = $1) AND ($2 OR undone_at IS NULL) ORDER BY l.id`, [filter.incidentId, undone]) : [])
          : await rows<LinkRow>(pool, `SELECT ${LINK_COLUMNS} FROM claim_links l WHERE $1 OR undone_at IS NULL ORDER BY l.id`, [undone]);
      return found.map(toLink).filter((l) => filter.incidentId === undefined || l.incidentId === filter.incidentId);
    },
  };
}
