// Leak-site claims, on both engines: the claims themselves (one per natural key), the domain map,
// confirmed links. Each change writes its audit line in its own transaction.

import { JikenboError } from '../../core/errors.ts';
import { SYSTEM_ACTOR } from '../account-types.ts';
import { claimNaturalKey } from '../claim-key.ts';
import type { ClaimStore } from '../ports.ts';
import { LINK_COLUMNS, confirmedElsewhere, toClaim, toLink, type ClaimRow, type LinkRow } from '../rows/claim-row.ts';
import { all, get, isRowId, run, type SqlEngine } from '../sql/sql.ts';
import { writeAudit } from './audit.ts';

const INSERT_CLAIM = /* sql */ `
  INSERT INTO claims (natural_key, group_name, victim, domain, country, discovered, discovered_date, source, imported_at, description)
  VALUES (@key, @group, @victim, @domain, @country, @discovered, @discoveredDate, @source, @at, @description)
  ON CONFLICT (natural_key) DO NOTHING`;
// The same claim from a second feed adds what the first lacked (ransomware.live's description, a domain).
const FILL_IN_CLAIM = /* sql */ `
  UPDATE claims SET description = coalesce(description, @description), domain = coalesce(domain, @domain), country = coalesce(country, @country)
  WHERE natural_key = @key AND ((description IS NULL AND CAST(@description AS TEXT) IS NOT NULL)
    OR (domain IS NULL AND CAST(@domain AS TEXT) IS NOT NULL) OR (country IS NULL AND CAST(@country AS TEXT) IS NOT NULL))`;
const LINK_BY_ID = `SELECT ${LINK_COLUMNS} FROM claim_links l WHERE id = @id`;

type MappingRow = { domain: string; parent: string; added_by: string; added_at: string };

export function claimQueries(engine: SqlEngine, now: () => Date): ClaimStore {
  const { lockRows } = engine.dialect;
  const claimById = (id: number) => get<ClaimRow>('SELECT * FROM claims WHERE id = @id', { id });
  const getClaim = (id: number) => (isRowId(id) ? engine.each(() => claimById(id)) : Promise.resolve(undefined));

  return {
    async addClaims(claims, by = SYSTEM_ACTOR) {
      const at = now().toISOString();
      return engine.transaction(function* () {
        let added = 0;
        const sources = new Set(claims.map((c) => c.source));
        for (const c of claims) {
          const row = {
            key: claimNaturalKey(c), group: c.group, victim: c.victim, domain: c.domain, country: c.country, discovered: c.discovered,
            discoveredDate: c.discoveredDate, source: c.source, at, description: c.description ?? null,
          };
          const inserted = (yield* run(INSERT_CLAIM, row)).changes;
          added += inserted;
          if (inserted === 0) yield* run(FILL_IN_CLAIM, row);
        }
        if (added > 0) {
          yield* writeAudit({ actor: by, action: 'claim.import', subject: [...sources].join(', ').slice(0, 500), before: null, after: { added, existing: claims.length - added } }, now);
        }
        return { added, existing: claims.length - added };
      });
    },
    async listClaims(range = {}) {
      return engine.each(function* () {
        return (yield* all<ClaimRow>('SELECT * FROM claims WHERE discovered_date BETWEEN @from AND @to ORDER BY discovered, id',
          { from: range.from ?? '0000-00-00', to: range.to ?? '9999-99-99' })).map(toClaim);
      });
    },
    async getClaim(id) {
      const row = await getClaim(id);
      return row ? toClaim(row) : null;
    },
    async setClaimDomainMapping(domain, parent, by) {
      const at = now().toISOString();
      return engine.transaction(function* () {
        const before = yield* get<{ parent: string }>(`SELECT parent FROM claim_domain_map WHERE domain = @domain ${lockRows()}`, { domain });
        yield* run(/* sql */ `
          INSERT INTO claim_domain_map (domain, parent, added_by, added_at) VALUES (@domain, @parent, @by, @at)
          ON CONFLICT (domain) DO UPDATE SET parent = excluded.parent, added_by = excluded.added_by, added_at = excluded.added_at`,
        { domain, parent, by, at });
        yield* writeAudit({ actor: by, action: 'claim.map_domain', subject: `domain:${domain}`, before: before ? { parent: before.parent } : null, after: { parent } }, now);
        return { domain, parent, by, at };
      });
    },
    async listClaimDomainMappings() {
      return engine.each(function* () {
        return (yield* all<MappingRow>('SELECT * FROM claim_domain_map ORDER BY domain')).map((r) => ({ domain: r.domain, parent: r.parent, by: r.added_by, at: r.added_at }));
      });
    },
    async confirmClaimLink(input) {
      if (!(await getClaim(input.claimId))) throw new JikenboError('not_found', `no claim ${input.claimId}`, { subject: 'claim' });
      const anchor = isRowId(input.incidentId)
        ? await engine.each(() => get<{ notice_id: number }>(
          'SELECT min(notice_id) AS notice_id FROM incident_notices WHERE incident_id = @incidentId HAVING count(*) > 0', { incidentId: input.incidentId }))
        : undefined;
      if (!anchor) throw new JikenboError('not_found', `no incident ${input.incidentId}`, { subject: 'incident' });
      const by = input.by.trim();
      if (!by) throw new JikenboError('bad_input', 'a confirmation needs the name of who made it', { subject: 'by' });
      return engine.transaction(function* () {
        // The claim's row, locked on PostgreSQL: two confirmations of one claim at once are made one after the other.
        yield* get(`SELECT id FROM claims WHERE id = @claimId ${lockRows()}`, { claimId: input.claimId });
        const inForce = yield* get<LinkRow>(`SELECT ${LINK_COLUMNS} FROM claim_links l WHERE claim_id = @claimId AND undone_at IS NULL`, { claimId: input.claimId });
        if (inForce) {
          const link = toLink(inForce);
          if (link.incidentId === input.incidentId) return link;
          throw new JikenboError('conflict', confirmedElsewhere(input.claimId, link.incidentId), { subject: 'claim' });
        }
        // No ON CONFLICT: the unique index on the claim's confirmation in force refuses a second one.
        const { id } = (yield* get<{ id: number }>(/* sql */ `
          INSERT INTO claim_links (claim_id, incident_id, notice_id, score, reason, confirmed_by, confirmed_at)
          VALUES (@claimId, @incidentId, @noticeId, @score, @reason, @by, @at) RETURNING id`,
        { claimId: input.claimId, incidentId: input.incidentId, noticeId: anchor.notice_id, score: input.score, reason: input.reason, by, at: now().toISOString() }))!;
        yield* writeAudit({ actor: by, action: 'claim.confirm', subject: `claim:${input.claimId}`, before: null, after: { incident: input.incidentId, notice: anchor.notice_id, link: id } }, now);
        return toLink((yield* get<LinkRow>(LINK_BY_ID, { id }))!);
      });
    },
    async unconfirmClaimLink(input) {
      const by = input.by.trim();
      if (!by) throw new JikenboError('bad_input', 'un-confirming needs the name of who does it', { subject: 'by' });
      const notConfirmed = () => new JikenboError('not_found', `claim ${input.claimId} is not confirmed for any incident`, { subject: 'claim' });
      if (!isRowId(input.claimId)) throw notConfirmed();
      return engine.transaction(function* () {
        const undone = yield* get<{ id: number }>(/* sql */ `
          UPDATE claim_links SET undone_by = @by, undone_at = @at, undo_reason = @reason
          WHERE claim_id = @claimId AND undone_at IS NULL RETURNING id`, { claimId: input.claimId, by, at: now().toISOString(), reason: input.reason });
        if (!undone) throw notConfirmed();
        const link = toLink((yield* get<LinkRow>(LINK_BY_ID, { id: undone.id }))!);
        yield* writeAudit({ actor: by, action: 'claim.unconfirm', subject: `claim:${input.claimId}`, before: { incident: link.incidentId, link: link.id }, after: { reason: input.reason } }, now);
        return link;
      });
    },
    async listClaimLinks(filter = {}) {
      const undone = filter.includeUndone === true;
      const found = await engine.each(function* () {
        if (filter.claimId !== undefined) {
          if (!isRowId(filter.claimId)) return [];
          return yield* all<LinkRow>(`SELECT ${LINK_COLUMNS} FROM claim_links l WHERE claim_id = @id AND (@undone OR undone_at IS NULL) ORDER BY id`, { id: filter.claimId, undone });
        }
        if (filter.incidentId !== undefined) {
          if (!isRowId(filter.incidentId)) return [];
          return yield* all<LinkRow>(/* sql */ `
            SELECT ${LINK_COLUMNS} FROM claim_links l
            WHERE l.notice_id IN (SELECT notice_id FROM incident_notices WHERE incident_id = @id) AND (@undone OR undone_at IS NULL) ORDER BY l.id`,
          { id: filter.incidentId, undone });
        }
        return yield* all<LinkRow>(`SELECT ${LINK_COLUMNS} FROM claim_links l WHERE @undone OR undone_at IS NULL ORDER BY l.id`, { undone });
      });
      return found.map(toLink).filter((l) => filter.incidentId === undefined || l.incidentId === filter.incidentId);
    },
  };
}
