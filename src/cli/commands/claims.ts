// `jikenbo claims …`: import leak-site claims, the monthly list of Japanese victims, the domain map,
// match proposals, and a person's confirmation that a claim is about an incident.
import { z } from 'zod';
import { openCommandCasebook } from '../open-casebook.ts';
import {
  claimHistory, claimProposals, confirmClaim, importClaimsFile, listClaims, mapClaimDomain, resolveIncident, unconfirmClaim, type ClaimRow,
} from '../../app/claims.ts';
import { addClaimSource, listClaimSources, parseInterval, removeClaimSource } from '../../app/watch.ts';
import { canonicalGroup } from '../../analyze/ransomware-groups.ts';
import { JikenboError } from '../../core/errors.ts';
import { CLAIM_FORMATS, type ClaimFormat, type WatchSource } from '../../store/source-types.ts';
import type { Store } from '../../store/ports.ts';
import { cliActor, decider, parseCommand, validate } from '../options.ts';
import { interval } from './watch.ts';

const USAGE = `usage: jikenbo claims import FILE...
       jikenbo claims list [--month YYYY-MM] [--country jp] [--json]
       jikenbo claims proposals [--month YYYY-MM] [--country jp] [--json]
       jikenbo claims confirm CLAIM INCIDENT [--by NAME]
       jikenbo claims unconfirm CLAIM --reason TEXT [--by NAME]
       jikenbo claims history CLAIM [--json]
       jikenbo claims map add DOMAIN PARENT [--by NAME] | claims map list
       jikenbo claims watch add URL [--every 6h] [--format auto|ransomwatch|ransomware-live] [--allow-private]
       jikenbo claims watch list [--json] | claims watch remove ID|URL
       (watched trackers are polled by jikenbo watch run and by jikenbo serve's watcher)`;

const listSchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM').optional(),
  country: z.enum(['jp'], 'only jp is known').optional(),
});
const id = (what: string) => z.string(`expected a ${what} number`).regex(/^#?[1-9]\d*$/, `expected a ${what} number such as 3`).transform((s) => Number(s.replace('#', '')));

export async function claimsCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseCommand(`claims ${sub ?? ''}`.trim(), rest, {
    db: { type: 'string' }, month: { type: 'string' }, country: { type: 'string' }, json: { type: 'boolean' }, by: { type: 'string' },
    reason: { type: 'string' }, every: { type: 'string' }, format: { type: 'string' }, 'allow-private': { type: 'boolean' },
  });
  if (!sub || !['import', 'list', 'proposals', 'confirm', 'unconfirm', 'history', 'map', 'watch'].includes(sub)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const filters = validate(`claims ${sub}`, listSchema, { month: values.month, country: values.country?.toLowerCase() });
  if (sub === 'import' && positionals.length === 0) throw new JikenboError('bad_input', `claims import: expected a FILE\n${USAGE}`);
  const watch = sub === 'watch' ? watchRequest(positionals, values) : null;
  const casebook = await openCommandCasebook(values.db, { actor: cliActor() });
  const out = (line: string) => process.stdout.write(`${line}\n`);
  try {
    switch (sub) {
      case 'import': {
        let failed = false;
        for (const file of positionals) {
          const r = await importClaimsFile(casebook.store, file);
          out(`${file}: ${r.records} records, ${r.added} new claims, ${r.existing} already stored, ${r.problems.length} problems`);
          for (const p of r.problems) process.stderr.write(`  ${p.index >= 0 ? `record ${p.index}` : 'file'}: ${p.reason}\n`);
          failed ||= r.problems.length > 0;
        }
        return failed ? 1 : 0;
      }
      case 'list': {
        const rows = await listClaims(casebook.store, filters);
        if (values.json) out(JSON.stringify(rows, null, 2));
        else if (rows.length === 0) out('no claims');
        else for (const r of rows) out(renderClaim(r));
        return 0;
      }
      case 'proposals': {
        const list = await claimProposals(casebook.store, filters);
        if (values.json) {
          out(JSON.stringify(list, null, 2));
          return 0;
        }
        if (list.length === 0) out('no unconfirmed claims');
        for (const { claim, proposals } of list) {
          out(renderClaim(claim));
          if (proposals.length === 0) out('    no matching incident');
          for (const p of proposals) out(`    → incident ${p.incidentNumber ? `#${p.incidentNumber}` : `(id ${p.incidentId})`} score ${p.score.toFixed(2)}: ${p.reasons.join('; ')}`);
        }
        return 0;
      }
      case 'confirm': {
        const claimId = validate('claims confirm', z.object({ claim: id('claim') }), { claim: positionals[0] }).claim;
        if (!positionals[1]) throw new JikenboError('bad_input', 'claims confirm: expected CLAIM INCIDENT (an incident id or a number like 2023-042)');
        const by = validate('claims confirm', z.object({ by: z.string().trim().min(1, 'expected a name').max(200) }), { by: decider(values.by) }).by;
        const incidentId = await resolveIncident(casebook.store, positionals[1]);
        const link = await confirmClaim(casebook.store, claimId, incidentId, by);
        out(`claim ${claimId} confirmed for incident ${link.incidentId} by ${link.by} (${link.reason})`);
        return 0;
      }
      case 'unconfirm': {
        const input = validate('claims unconfirm', z.object({
          claim: id('claim'),
          reason: z.string('expected --reason TEXT (why the claim is not about that incident)').trim().min(1, 'expected a reason').max(500),
          by: z.string().trim().min(1, 'expected a name').max(200),
        }), { claim: positionals[0], reason: values.reason, by: decider(values.by) });
        const link = await unconfirmClaim(casebook.store, input.claim, input.by, input.reason);
        out(`claim ${input.claim} no longer confirmed for incident ${link.incidentId} (un-confirmed by ${link.undone!.by}: ${oneLine(link.undone!.reason)})`);
        return 0;
      }
      case 'history': {
        const claimId = validate('claims history', z.object({ claim: id('claim') }), { claim: positionals[0] }).claim;
        const { claim, links } = await claimHistory(casebook.store, claimId);
        if (values.json) {
          out(JSON.stringify({ claim, links }, null, 2));
          return 0;
        }
        out(`${claim.id}\t${claim.discoveredDate}\t${canonicalGroup(claim.group)}\t${oneLine(claim.victim)}`);
        if (links.length === 0) out('    never confirmed');
        for (const l of links) {
          out(`    incident ${l.incidentId}: confirmed by ${l.by} at ${l.at} (${oneLine(l.reason)})`);
          if (l.undone) out(`      un-confirmed by ${l.undone.by} at ${l.undone.at}: ${oneLine(l.undone.reason)}`);
        }
        return 0;
      }
      case 'watch':
        return await claimsWatch(casebook.store, watch!, values.json === true, out);
      case 'map': {
        const [action, domain, ...parent] = positionals;
        if (action === 'list') {
          const mappings = await casebook.store.listClaimDomainMappings();
          if (mappings.length === 0) out('no mappings (jikenbo claims map add DOMAIN PARENT)');
          for (const m of mappings) out(`${m.domain}\t${m.parent}\t(by ${m.by}, ${m.at})`);
          return 0;
        }
        if (action !== 'add' || !domain || parent.length === 0) throw new JikenboError('bad_input', `claims map: ${USAGE.split('\n').pop()!.trim()}`);
        const m = await mapClaimDomain(casebook.store, domain, parent.join(' '), decider(values.by));
        out(`${m.domain} → ${m.parent}`);
        return 0;
      }
    }
    return 2;
  } finally {
    await casebook.close();
  }
}

type WatchRequest =
  | { action: 'add'; url: string; everySeconds?: number; format: ClaimFormat; allowPrivate: boolean }
  | { action: 'list' }
  | { action: 'remove'; ref: string };

/** `claims watch …`'s words checked before the casebook is opened. */
function watchRequest(positionals: string[], values: { every?: string; format?: string; 'allow-private'?: boolean }): WatchRequest {
  const [action, ...args] = positionals;
  const usage = USAGE.split('\n').filter((l) => l.includes('claims watch')).map((l) => l.trim()).join('\n');
  if (action === 'add') {
    if (args.length !== 1) throw new JikenboError('bad_input', `claims watch add: expected one URL\n${usage}`);
    const { format } = validate('claims watch add', z.object({
      format: z.enum(CLAIM_FORMATS as [ClaimFormat, ...ClaimFormat[]], `expected one of ${CLAIM_FORMATS.join(', ')}`).default('auto'),
    }), { format: values.format?.trim().toLowerCase() });
    return {
      action, url: args[0]!, format, allowPrivate: values['allow-private'] === true,
      ...(values.every === undefined ? {} : { everySeconds: parseInterval(values.every) }),
    };
  }
  if (action === 'list' && args.length === 0) return { action };
  if (action === 'remove' && args.length === 1) return { action, ref: args[0]! };
  if (action === 'remove') throw new JikenboError('bad_input', `claims watch remove: expected one source, its id or URL\n${usage}`);
  throw new JikenboError('bad_input', `claims watch: expected add, list or remove; usage:\n${usage}`);
}

async function claimsWatch(store: Store, request: WatchRequest, json: boolean, out: (line: string) => void): Promise<number> {
  if (request.action === 'add') {
    const source = await addClaimSource(store, request.url, {
      format: request.format, allowPrivate: request.allowPrivate, ...(request.everySeconds ? { everySeconds: request.everySeconds } : {}),
    });
    out(`watching ${source.url} for leak-site claims (${source.claimFormat}) every ${interval(source.everySeconds)} (source ${source.id}); next check ${source.nextCheckAt}`);
    return 0;
  }
  if (request.action === 'remove') {
    const source = await removeClaimSource(store, request.ref);
    out(`no longer watching ${source.url} for claims (source ${source.id}); the ${source.totalAdded} claims it brought stay`);
    return 0;
  }
  const sources = await listClaimSources(store);
  if (json) out(JSON.stringify(sources, null, 2));
  else if (sources.length === 0) out('no watched claims sources (jikenbo claims watch add URL)');
  else for (const s of sources) out(renderClaimSource(s));
  return 0;
}

function renderClaimSource(s: WatchSource): string {
  const last = s.lastCheckedAt === null ? 'not checked yet'
    : `last checked ${s.lastCheckedAt}: ${s.lastStatus === 'not_modified' ? 'not modified' : s.lastStatus ?? '?'}, ${s.lastAdded ?? 0} claims added`;
  const state = s.pausedAt ? `\tPAUSED since ${s.pausedAt}` : s.failures > 0 ? `\tFAILING (${s.failures} in a row): ${oneLine(s.lastError ?? '')}` : '';
  return `${s.id}\t${s.url}\t${s.claimFormat ?? 'auto'}\tevery ${interval(s.everySeconds)}\tnext ${s.nextCheckAt}\t${last}; ${s.totalAdded} in all${state}`;
}

function renderClaim(r: ClaimRow): string {
  const jp = r.japanese ? `\t[${r.japanese.strength === 'weak' ? 'weak: ' : ''}${r.japanese.why}]` : '';
  return `${r.id}\t${r.discoveredDate}\t${r.groupName}\t${oneLine(r.victim)}${r.domain && r.domain !== r.victim ? ` (${r.domain})` : ''}${jp}`;
}

/** Claims are untrusted text: no control characters reach the terminal. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').slice(0, 200);
}
