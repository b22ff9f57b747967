// `jikenbo orgs …`: the organisations the casebook knows, found by name, other name, romaji or domain;
// one organisation with its incidents; and a person's names, domains, merges and splits.
import { z } from 'zod';
import {
  ORGANISATION_PAGE_SIZE, addOrganisationName, findOrganisations, mergeOrganisations, organisationView, splitOrganisation,
  type OrganisationView,
} from '../../app/organisations.ts';
import {
  organisationListSchema, organisationMergeSchema, organisationNameSchema, organisationSplitSchema,
} from '../../app/request-schemas.ts';
import { JikenboError } from '../../core/errors.ts';
import { incidentLabel } from '../../core/public-id.ts';
import type { OrganisationSummary } from '../../store/organisation-types.ts';
import { openCommandCasebook } from '../open-casebook.ts';
import { cliActor, decider, parseCommand, validate } from '../options.ts';

const USAGE = `usage: jikenbo orgs [QUERY] [--page N] [--json]      organisations by name, other name, romaji or domain
       jikenbo orgs show ID [--json]
       jikenbo orgs alias ID NAME [--former] [--by NAME]     another name (romaji, English), or a former one
       jikenbo orgs domain ID DOMAIN [--by NAME]
       jikenbo orgs merge ID --into ID [--reason TEXT] [--by NAME]
       jikenbo orgs split ID INCIDENT... [--notice N]... [--reason TEXT] [--by NAME]   (a new organisation of the same name)`;

const SUBCOMMANDS = ['show', 'alias', 'domain', 'merge', 'split'];
const organisationId = z.object({
  id: z.string('expected an organisation number (see jikenbo orgs)').regex(/^[1-9]\d{0,15}$/, 'expected an organisation number such as 12').transform(Number),
});
const by = z.object({ by: z.string().trim().min(1, 'expected a name').max(200) });

export async function orgsCommand(args: string[]): Promise<number> {
  const sub = SUBCOMMANDS.includes(args[0] ?? '') ? args[0]! : null;
  const { values, positionals } = parseCommand(`orgs${sub ? ` ${sub}` : ''}`, sub ? args.slice(1) : args, {
    db: { type: 'string' }, json: { type: 'boolean' }, page: { type: 'string' }, by: { type: 'string' }, into: { type: 'string' },
    reason: { type: 'string' }, notice: { type: 'string', multiple: true }, former: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const command = `orgs${sub ? ` ${sub}` : ''}`;
  // Everything is checked before the casebook is opened.
  const checkId = () => validate(command, organisationId, { id: positionals[0] }).id;
  const person = () => validate(command, by, { by: decider(values.by) }).by;
  if (!sub) {
    if (positionals.length > 1) throw new JikenboError('bad_input', `orgs: expected one QUERY (quote a name with spaces)\n${USAGE}`);
    const q = validate(command, organisationListSchema, { q: positionals[0], page: values.page });
    const casebook = await openCommandCasebook(values.db);
    try {
      const page = q.page ?? 1;
      const found = await findOrganisations(casebook.store, q.q, { offset: (page - 1) * ORGANISATION_PAGE_SIZE, limit: ORGANISATION_PAGE_SIZE });
      if (values.json) out(JSON.stringify(found, null, 2));
      else {
        if (found.total === 0) out('no organisation matches');
        for (const o of found.rows) out(summaryLine(o));
        if (found.total > page * ORGANISATION_PAGE_SIZE) out(`… ${found.total} in all: --page ${page + 1} for more`);
      }
      return 0;
    } finally {
      await casebook.close();
    }
  }
  const id = checkId();
  const casebook = await openCommandCasebook(values.db, { actor: cliActor() });
  try {
    switch (sub) {
      case 'show': {
        const view = await organisationView(casebook.store, id);
        if (values.json) out(JSON.stringify(view, null, 2));
        else out(renderOrganisation(view));
        return 0;
      }
      case 'alias':
      case 'domain': {
        const input = validate(command, organisationNameSchema, { kind: sub === 'domain' ? 'domain' : values.former ? 'former' : 'alias', value: positionals.slice(1).join(' ') || undefined });
        const name = await addOrganisationName(casebook.store, { organisationId: id, kind: input.kind, value: input.value, by: person() });
        out(`organisation ${id}: ${name.kind} ${name.value} (by ${name.by})`);
        return 0;
      }
      case 'merge': {
        const input = validate(command, organisationMergeSchema, { into: values.into, ...(values.reason === undefined ? {} : { reason: values.reason }) });
        const into = await mergeOrganisations(casebook.store, { fromId: id, intoId: input.into, by: person(), reason: input.reason ?? null });
        out(`organisation ${id} merged into ${into.id}: ${summaryLine(into)}`);
        return 0;
      }
      case 'split': {
        const input = validate(command, organisationSplitSchema, {
          incidents: positionals.slice(1), notices: values.notice ?? [], ...(values.reason === undefined ? {} : { reason: values.reason }),
        });
        const made = await splitOrganisation(casebook.store, { organisationId: id, incidents: input.incidents, notices: input.notices, by: person(), reason: input.reason ?? null });
        out(`split off organisation ${made.id}: ${summaryLine(made)}`);
        return 0;
      }
    }
    return 2;
  } finally {
    await casebook.close();
  }
}

function summaryLine(o: OrganisationSummary): string {
  const split = o.createdBy ? `\t(split off by ${o.createdBy})` : '';
  return `${o.id}\t${o.name}\t${o.incidentCount} incidents\t${o.sector ?? '-'}\t${o.latestDate ?? '-'}${split}`;
}

function renderOrganisation(v: OrganisationView): string {
  const o = v.organisation;
  const lines = [`organisation ${o.id}: ${o.name}${o.mergedInto !== null ? `  (merged into organisation ${o.mergedInto})` : ''}`];
  lines.push(`  names:    ${o.names.map((n) => `${n.name} (${n.notices})`).join(', ') || '-'}`);
  const added = o.added.filter((a) => a.kind !== 'domain');
  if (added.length) lines.push(`  aliases:  ${added.map((a) => `${a.value} [${a.kind}, by ${a.by}]`).join(', ')}`);
  if (o.latinKeys.length) lines.push(`  romaji:   ${o.latinKeys.join(', ')}`);
  const domains = [...o.noticeDomains, ...v.mappedDomains, ...o.added.filter((a) => a.kind === 'domain').map((a) => a.value)];
  lines.push(`  domains:  ${domains.join(', ') || '-'}`);
  lines.push(`  sector:   ${o.sector ?? '-'}`);
  lines.push(`  incidents (${v.incidents.length}):`);
  for (const i of v.incidents) {
    const label = incidentLabel(i) ?? `(id ${i.id})`;
    const count = i.affectedCount === null ? '' : `  ${i.affectedCount.toLocaleString('en')} affected`;
    lines.push(`    ${label}\t${i.disclosureDate ?? '-'}\t${i.title ?? ''}\t[${i.dataTypes.join(', ')}]${count}`);
  }
  for (const c of o.changes) lines.push(`  ${c.at} ${c.by}: ${c.action} ${JSON.stringify(c.detail)}`);
  return lines.join('\n');
}
