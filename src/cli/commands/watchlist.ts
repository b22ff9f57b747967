// `jikenbo watchlist …`: named lists of organisations (the insured and their vendors, one's
// suppliers) and the notices and leak-site claims that name them. Hits are found as notices and
// claims arrive (ingest, claims import, the server's job loop); webhook deliveries are made by the job
// loop (`serve`, or `watch run`).
import { z } from 'zod';
import {
  addWatchlistEntry, createWatchlist, importWatchlistFile, publicWatchlist, resolveWatchlist, setWatchlistWebhook, watchlistView,
} from '../../app/watchlists.ts';
import { JikenboError } from '../../core/errors.ts';
import type { WatchlistHit } from '../../store/watchlist-types.ts';
import { openCommandCasebook } from '../open-casebook.ts';
import { decider, cliActor, parseCommand, validate } from '../options.ts';

const USAGE = `usage: jikenbo watchlist add NAME [--public] [--webhook URL [--secret S] [--allow-private]]
       jikenbo watchlist add NAME ORG [--domain D]... [--alias A]...     (an organisation; the list is made when new)
       jikenbo watchlist import NAME FILE.csv                            (columns name, domain, alias…)
       jikenbo watchlist list [--json]
       jikenbo watchlist show NAME [--limit N] [--json]                  (its organisations and hits, newest first)
       jikenbo watchlist webhook NAME URL [--secret S] [--allow-private] | watchlist webhook NAME --off
       jikenbo watchlist remove NAME [ORG]`;

const SUBCOMMANDS = ['add', 'import', 'list', 'show', 'webhook', 'remove'];

export async function watchlistCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseCommand(`watchlist ${sub ?? ''}`.trim(), rest, {
    db: { type: 'string' }, json: { type: 'boolean' }, by: { type: 'string' }, public: { type: 'boolean' },
    webhook: { type: 'string' }, secret: { type: 'string' }, 'allow-private': { type: 'boolean' }, off: { type: 'boolean' },
    domain: { type: 'string', multiple: true }, alias: { type: 'string', multiple: true }, limit: { type: 'string' },
  });
  if (!sub || !SUBCOMMANDS.includes(sub)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const needs = { add: 1, import: 2, list: 0, show: 1, webhook: 1, remove: 1 }[sub]!;
  if (positionals.length < needs) throw new JikenboError('bad_input', `watchlist ${sub}: expected ${['', 'NAME', 'NAME FILE.csv'][needs]}\n${USAGE}`);
  const { limit } = validate(`watchlist ${sub}`, z.object({ limit: z.coerce.number().int().min(1).max(10_000).default(100) }), { limit: values.limit });
  const casebook = await openCommandCasebook(values.db, { actor: cliActor() });
  const store = casebook.store;
  const by = decider(values.by);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  try {
    switch (sub) {
      case 'add': {
        const [name, org] = positionals as [string, string | undefined];
        if (org === undefined) {
          if (values.domain || values.alias) throw new JikenboError('bad_input', 'watchlist add: --domain and --alias belong to an organisation: watchlist add NAME ORG --domain D');
          const { watchlist, secret } = await createWatchlist(store, {
            name, private: values.public !== true, webhookUrl: values.webhook ?? null, webhookSecret: values.secret ?? null, allowPrivate: values['allow-private'] === true,
          }, by);
          out(`watchlist ${watchlist.id} "${oneLine(watchlist.name)}" made (${watchlist.private ? 'private' : 'public'}); it matches what arrives from now on`);
          if (secret) out(`webhook secret (shown once; the receiver checks X-Jikenbo-Signature: sha256=HMAC-SHA256(body)): ${secret}`);
          return 0;
        }
        if (values.webhook || values.public) throw new JikenboError('bad_input', 'watchlist add NAME ORG adds an organisation: --webhook and --public belong to watchlist add NAME alone');
        if (!(await store.findWatchlistByName(name.trim())) && !/^\d+$/.test(name.trim())) await createWatchlist(store, { name }, by);
        const r = await addWatchlistEntry(store, name, { name: org, domains: values.domain ?? [], aliases: values.alias ?? [] }, by);
        out(`${oneLine(org)} ${r.added ? 'added to' : 'updated in'} watchlist "${oneLine(r.watchlist.name)}"`);
        return 0;
      }
      case 'import': {
        const [name, file] = positionals as [string, string];
        const r = await importWatchlistFile(store, name, file, by);
        out(`${file}: ${r.rows} rows, ${r.added} organisations added, ${r.updated} updated, ${r.problems.length} problems (watchlist "${oneLine(r.watchlist.name)}")`);
        for (const p of r.problems) process.stderr.write(`  ${oneLine(p)}\n`);
        return r.problems.length > 0 ? 1 : 0;
      }
      case 'list': {
        const lists = await store.listWatchlists();
        if (values.json) out(JSON.stringify(lists.map(publicWatchlist), null, 2));
        else if (lists.length === 0) out('no watchlists (jikenbo watchlist add NAME)');
        else for (const w of lists) out(`${w.id}\t${oneLine(w.name)}\t${w.entries} organisations\t${w.hits} hits\t${w.private ? 'private' : 'public'}${w.webhookUrl ? `\twebhook ${oneLine(w.webhookUrl)}` : ''}`);
        return 0;
      }
      case 'show': {
        const view = await watchlistView(store, positionals[0]!, { limit });
        if (values.json) {
          out(JSON.stringify({ watchlist: publicWatchlist(view.watchlist), entries: view.entries, hits: view.hits }, null, 2));
          return 0;
        }
        const w = view.watchlist;
        out(`watchlist ${w.id} "${oneLine(w.name)}" (${w.private ? 'private' : 'public'}${w.webhookUrl ? `, webhook ${oneLine(w.webhookUrl)}` : ''}): ${w.entries} organisations, ${w.hits} hits`);
        for (const e of view.entries) out(`  ${oneLine(e.name)}${e.domains.length ? `  [${e.domains.map(oneLine).join(', ')}]` : ''}${e.aliases.length ? `  aka ${e.aliases.map(oneLine).join(', ')}` : ''}`);
        if (view.hits.length === 0) out('no hits yet');
        for (const h of view.hits) out(renderHit(h));
        return 0;
      }
      case 'webhook': {
        const [name, url] = positionals as [string, string | undefined];
        if (values.off === true) {
          if (url) throw new JikenboError('bad_input', 'watchlist webhook: a URL or --off, not both');
          await setWatchlistWebhook(store, name, null, {}, by);
          out(`watchlist "${oneLine(name)}": no webhook`);
          return 0;
        }
        if (!url) throw new JikenboError('bad_input', `watchlist webhook: expected NAME URL or NAME --off\n${USAGE}`);
        const { watchlist, secret } = await setWatchlistWebhook(store, name, url, { secret: values.secret ?? null, allowPrivate: values['allow-private'] === true }, by);
        out(`watchlist "${oneLine(watchlist.name)}": each new hit is POSTed to ${oneLine(url)}`);
        if (secret) out(`webhook secret (shown once): ${secret}`);
        return 0;
      }
      case 'remove': {
        const [name, org] = positionals as [string, string | undefined];
        const list = await resolveWatchlist(store, name);
        if (org !== undefined) {
          await store.removeWatchlistEntry(list.id, org, by);
          out(`${oneLine(org)} removed from watchlist "${oneLine(list.name)}"`);
        } else {
          const removed = await store.removeWatchlist(list.id, by);
          out(`watchlist "${oneLine(removed.name)}" removed with its ${removed.entries} organisations and ${removed.hits} hits`);
        }
        return 0;
      }
    }
    return 2;
  } finally {
    await casebook.close();
  }
}

function renderHit(h: WatchlistHit): string {
  const what = h.subject === 'notice'
    ? `notice N${h.subjectId}${h.incidentId !== null ? ` (incident ${h.incidentId})` : ''}`
    : `claim ${h.subjectId}${h.title ? ` by ${oneLine(h.title)}` : ''}`;
  const delivery = h.delivery ? `\twebhook ${h.delivery.state}${h.delivery.attempts ? ` after ${h.delivery.attempts} attempts${h.delivery.lastError ? `: ${oneLine(h.delivery.lastError)}` : ''}` : ''}` : '';
  return `${h.foundAt}\t${oneLine(h.entryName)}\t${what}\t${h.date ?? ''}\t${oneLine(h.organization ?? '')}\t${h.subject === 'notice' ? oneLine(h.title ?? '') : ''}\t[${oneLine(h.evidence)}]${delivery}`;
}

/** Names and notice text are untrusted: no control characters reach the terminal. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').slice(0, 200);
}
