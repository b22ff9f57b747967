// `jikenbo publish --out DIR [--lang ja|en|both]`: the incidents a person marked publishable as a static
// site (app/publish-site.ts, pages in server/pages/site/); `jikenbo publish mark|unmark REF…` marks them.
import cliProgress from 'cli-progress';
import { z } from 'zod';
import { listMarkedIncidents, markPublication } from '../../app/publication.ts';
import { publishSite } from '../../app/publish-site.ts';
import { resolveDbPath } from '../../app/casebook.ts';
import { loadSettings } from '../../app/settings.ts';
import { JikenboError } from '../../core/errors.ts';
import { publicIncidentId } from '../../core/public-id.ts';
import type { Locale } from '../../i18n/messages.ts';
import { checkTimeZone, DEFAULT_TIME_ZONE } from '../../server/i18n/time-zone.ts';
import { siteRenderer } from '../../server/pages/site/site-pages.ts';
import { openCommandCasebook } from '../open-casebook.ts';
import { decider, parseCommand, validate } from '../options.ts';
import { unguarded } from '../terminal-output.ts';

const LANGS: Record<string, Locale[]> = { ja: ['ja'], en: ['en'], both: ['ja', 'en'] };

export async function publishCommand(args: string[]): Promise<number> {
  if (args[0] === 'mark' || args[0] === 'unmark') return markCommand(args[0], args.slice(1));
  if (args[0] === 'list') return listCommand(args.slice(1));
  const { values, positionals } = parseCommand('publish', args, { db: { type: 'string' }, out: { type: 'string' }, lang: { type: 'string' }, quiet: { type: 'boolean' } });
  if (positionals.length > 0) throw new JikenboError('bad_input', `publish: unknown subcommand "${positionals[0]!.slice(0, 40)}" (publish --out DIR, publish mark REF..., publish unmark REF..., publish list)`, { subject: 'publish' });
  const input = validate('publish', z.object({
    out: z.string('expected a folder: --out DIR').trim().min(1, 'expected a folder: --out DIR'),
    lang: z.enum(['ja', 'en', 'both'], 'expected ja, en or both').default('both'),
  }), { out: values.out, lang: values.lang });
  const settings = loadSettings(resolveDbPath(values.db));
  const timeZone = checkTimeZone(process.env.JIKENBO_TIME_ZONE || settings.timeZone || DEFAULT_TIME_ZONE);
  const casebook = await openCommandCasebook(values.db);
  const bar = process.stderr.isTTY && !values.quiet
    ? new cliProgress.SingleBar({ format: 'publish {phase} |{bar}| {value}/{total}', stream: unguarded(process.stderr), clearOnComplete: true }, cliProgress.Presets.shades_classic)
    : null;
  let phase: string | null = null;
  try {
    const report = await publishSite(casebook.store, casebook.archive, {
      out: input.out, locales: LANGS[input.lang]!, renderer: siteRenderer, timeZone,
      onProgress: (p, done, total) => {
        if (!bar) return;
        if (p !== phase) {
          if (phase !== null) bar.stop();
          phase = p;
          bar.start(total, done, { phase: p === 'read' ? 'reading incidents' : 'writing files' });
        } else bar.update(done);
      },
    });
    bar?.stop();
    process.stdout.write(`published ${report.incidents} incidents to ${report.out}: ${report.files} files, ${report.originals} originals\n`);
    for (const h of report.heldBack) {
      process.stdout.write(`  #${h.publicId} left out: its notices changed since it was marked publishable; check it and mark it again\n`);
    }
    return 0;
  } finally {
    bar?.stop();
    await casebook.close();
  }
}

async function markCommand(action: 'mark' | 'unmark', args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(`publish ${action}`, args, { db: { type: 'string' }, by: { type: 'string' }, reason: { type: 'string' } });
  const input = validate(`publish ${action}`, z.object({
    refs: z.array(z.string()).min(1, 'give one or more incidents, such as 2024-504'),
    by: z.string().trim().min(1, 'expected a name').max(200),
    reason: z.string().max(500, 'at most 500 characters').optional(),
  }), { refs: positionals, by: decider(values.by), reason: values.reason });
  const casebook = await openCommandCasebook(values.db);
  try {
    const marks = await markPublication(casebook.store, { refs: input.refs, publishable: action === 'mark', by: input.by, reason: input.reason ?? null });
    for (const m of marks) {
      const incident = await casebook.store.getIncident(m.incidentId);
      const id = incident ? publicIncidentId(incident) : String(m.incidentId);
      process.stdout.write(action === 'mark'
        ? `#${id} marked publishable by ${m.by} (notices ${m.noticeIds.map((n) => `N${n}`).join(', ')})\n`
        : `#${id} withdrawn from publication by ${m.by}\n`);
    }
    return 0;
  } finally {
    await casebook.close();
  }
}

const STATE_TEXT = {
  published: 'published',
  unmarked: 'not marked',
  withdrawn: 'withdrawn',
  changed: 'left out: its notices changed since it was marked',
} as const;

async function listCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('publish list', args, { db: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length > 0) throw new JikenboError('bad_input', `publish list: unexpected "${positionals[0]!.slice(0, 40)}"`, { subject: 'publish' });
  const casebook = await openCommandCasebook(values.db);
  try {
    const marked = await listMarkedIncidents(casebook.store);
    if (values.json) {
      process.stdout.write(JSON.stringify(marked.map((m) => ({ incident: m.publicId, state: m.state, by: m.mark.by, at: m.mark.at, reason: m.mark.reason, notices: m.mark.noticeIds }))) + '\n');
      return 0;
    }
    for (const m of marked) {
      process.stdout.write(`${m.publicId ? `#${m.publicId}` : '(merged away)'}\t${STATE_TEXT[m.state]}\t${m.mark.by}\t${m.mark.at}${m.mark.reason ? `\t${m.mark.reason}` : ''}\n`);
    }
    process.stdout.write(`${marked.filter((m) => m.state === 'published').length} of ${marked.length} marked incidents go into the site\n`);
    return 0;
  } finally {
    await casebook.close();
  }
}
