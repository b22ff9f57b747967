// The jikenbo command line: picks the command, runs it, turns any error into one line and an exit code.
import { reportCommandError } from './error-exit.ts';
import { endQuietlyOnClosedPipe } from './closed-pipe.ts';
import { guardTerminalOutput } from './terminal-output.ts';

export type Command = (args: string[]) => Promise<number>;

// Loaded on demand: `extract` should not pay for the web server or the database driver.
const COMMANDS: Record<string, () => Promise<Command>> = {
  init: async () => (await import('./commands/init.ts')).initCommand,
  ingest: async () => (await import('./commands/ingest.ts')).ingestCommand,
  extract: async () => (await import('./commands/extract.ts')).extractCommand,
  search: async () => (await import('./commands/search.ts')).searchCommand,
  show: async () => (await import('./commands/show.ts')).showCommand,
  list: async () => (await import('./commands/list.ts')).listCommand,
  incidents: async () => (await import('./commands/incidents.ts')).incidentsCommand,
  link: async () => (await import('./commands/link.ts')).linkCommand,
  unlink: async () => (await import('./commands/link.ts')).unlinkCommand,
  serve: async () => (await import('./commands/serve.ts')).serveCommand,
  watch: async () => (await import('./commands/watch.ts')).watchCommand,
  claims: async () => (await import('./commands/claims.ts')).claimsCommand,
  orgs: async () => (await import('./commands/orgs.ts')).orgsCommand,
  watchlist: async () => (await import('./commands/watchlist.ts')).watchlistCommand,
  demo: async () => (await import('./commands/demo.ts')).demoCommand,
  review: async () => (await import('./commands/review.ts')).reviewCommand,
  revert: async () => (await import('./commands/review.ts')).revertCommand,
  queue: async () => (await import('./commands/queue.ts')).queueCommand,
  reextract: async () => (await import('./commands/reextract.ts')).reextractCommand,
  'migrate-store': async () => (await import('./commands/migrate-store.ts')).migrateStoreCommand,
  backup: async () => (await import('./commands/backup.ts')).backupCommand,
  restore: async () => (await import('./commands/backup.ts')).restoreCommand,
  export: async () => (await import('./commands/export.ts')).exportCommand,
  import: async () => (await import('./commands/import.ts')).importCommand,
  stats: async () => (await import('./commands/stats.ts')).statsCommand,
  duty: async () => (await import('./commands/duty.ts')).dutyCommand,
  report: async () => (await import('./commands/report.ts')).reportCommand,
  publish: async () => (await import('./commands/publish.ts')).publishCommand,
  user: async () => (await import('./commands/user.ts')).userCommand,
  token: async () => (await import('./commands/user.ts')).tokenCommand,
  audit: async () => (await import('./commands/audit.ts')).auditCommand,
  check: async () => (await import('./commands/check.ts')).checkCommand,
};

const USAGE = `jikenbo (事件簿): a casebook of Japanese security-incident notices

usage: jikenbo COMMAND [options]

  init                      make a new, empty casebook where --db says (other commands but ingest, import and demo need one there)
  ingest PATH|URL...        read files, folders and http(s) URLs (text, HTML, PDF; any Japanese encoding) into the casebook  [--allow-private] [--max-bytes N] [--log FILE] [--group-later]
  extract --jsonl FILE...   print one record per post as JSON lines, without touching the casebook
  search QUERY              full-text search  [--type T] [--sector S] [--from DATE] [--to DATE] [--limit N] [--json]
  list                      records, newest disclosure first  [same filters] [--limit N] [--offset N] [--json]
  show N12|NUMBER           notice 12 with the evidence of each value; by number (2024-078, J2024-0078), that incident  [--json]
  incidents                 incidents with their number, merged record, notices and why they were grouped  [--limit N] [--offset N] [--json]
  link NA NB                put notice B's incident with notice A's, as a person's decision  [--by NAME]
  unlink N12                make notice N12 an incident of its own, as a person's decision  [--by NAME]
  review REF FIELD VALUE    correct (or confirm) a value: REF 2024-504 is the incident's merged value, N12 notice 12's reading  --reason TEXT [--by NAME]
  review REF --history      the corrections of that incident or notice, with who, when and why
  queue                     the values that most need a person first (low confidence, merge changes, claims, duty flags)  [filters] [--limit N] [--json]
  revert CORRECTION         take a correction back  [--by NAME]
  reextract                 read every stored notice again with this extractor; corrections stay  [--force]
  export --format F         incidents as veris (--out DIR), stix, misp (--out DIR: a feed), csv or jsonl  [--out FILE] [--tlp clear|green|amber|red] [--type T ...] [--sector S] [--from DATE] [--q TEXT] [--schema PATH]
  import --format veris PATH...  VERIS JSON incidents (one per file, as VCDB keeps them; each by its own version, 1.3 to 1.4.1) into the casebook  [--schema PATH]
  stats                     counts by month, type, cause, sector, data, discovery, contractor, attacker; people; delays  [filters] [--by FIELD] [--json]
  duty                      個人情報保護法 reporting conditions, 速報/確報 due dates, reportable incidents with no report mentioned  [filters] [--all] [--json]
  report --year YYYY        the year's summary as one self-contained HTML file  [--out FILE] [--pdf] [--settings FILE]
  publish --out DIR         the incidents marked publishable as a static site (pages, archives, dashboard, feed, originals)  [--lang ja|en|both]
  publish mark REF...       mark incidents publishable, as a person's decision (publish unmark REF...: withdraw them)  [--by NAME] [--reason TEXT]
  publish list              the marked incidents and whether the site takes them  [--json]
  watch add URL             watch an RSS/Atom feed or a news page for new notices  [--every 6h] [--allow-private]
  watch list | watch run    the watched sources and their state; check the due ones once  [--all]
  watch remove|pause|resume ID|URL   stop watching a source, or pause and resume it
  claims import FILE...     ransomware leak-site claims (ransomwatch posts.json, ransomware.live JSON)
  claims list               claims of a month  [--month YYYY-MM] [--country jp] [--json]
  claims proposals          unconfirmed claims with the incidents they may be about  [--month YYYY-MM] [--country jp]
  claims confirm CLAIM INC  a person confirms a claim is about incident INC (id or 2023-042)  [--by NAME]
  claims map add DOMAIN P   a foreign domain belongs to Japanese organisation P  (claims map list)
  orgs [QUERY]              organisations by name, other name, romaji or domain  [--page N] [--json]
  orgs show ID              one organisation: names, domains, sector, incidents with data types and counts  [--json]
  orgs alias|domain ID V    a person adds another name ([--former] for a former one) or a domain  [--by NAME]
  orgs merge ID --into ID   a person merges organisation ID into another  [--reason TEXT] [--by NAME]
  orgs split ID INC...      a person moves incidents' notices to a new organisation of the same name  [--notice N]... [--reason TEXT]
  watchlist add NAME [ORG]  a list of organisations to follow, or an organisation on it  [--domain D] [--alias A] [--public] [--webhook URL]
  watchlist import NAME F   its organisations from a CSV (name, domain, alias…); list | show NAME [--json] | webhook | remove
  serve                     the web app; sign-in required  [--port 8080] [--host 127.0.0.1] [--public-read] [--trust-proxy] [--page-workers 0|1]
                            [--log-level debug|info|warn|error|silent]  (JSON lines on stderr: requests, background jobs; --quiet = warn)
  user add NAME --role R    an account (viewer, editor or admin); the password is asked, or read from stdin
  user list | role NAME R | disable NAME | enable NAME | passwd NAME
  token add ACCOUNT         an API token for /api/, printed once  [--label TEXT] [--scope read|ingest]  (token list, token revoke ID)
  audit                     the audit log, newest first  [--actor NAME] [--action A] [--limit N] [--json]
  demo                      ingest the demo casebook, then serve it  [--port 8080]
  migrate-store             move a casebook between SQLite and PostgreSQL, with counts and checksums  --from DB --to DB [--force]
  check                     verify a casebook: documents, records, search index, incidents, numbers, originals  [--json] [--skip-originals]
  backup                    copy an SQLite casebook while it is in use  --out FILE
  restore FILE              put a backup in place of the casebook  [--force]

Every command takes --db PATH (default ./jikenbo.db, or JIKENBO_DB), or a postgres:// URL (or DATABASE_URL);
only init, ingest, import and demo make a casebook there when there is none.
A URL may set pool_size, acquire_timeout_ms, statement_timeout_ms and idle_in_transaction_timeout_ms (?pool_size=20).
`;

/** Commands that change the casebook, its accounts or files: they finish their work when their reader leaves. */
const CHANGING = new Set(['init', 'ingest', 'import', 'reextract', 'review', 'revert', 'link', 'unlink', 'watch', 'claims', 'orgs', 'watchlist',
  'user', 'token', 'demo', 'serve', 'migrate-store', 'backup', 'restore', 'report', 'export', 'publish']);

export async function main(argv: string[]): Promise<number> {
  guardTerminalOutput();
  const [name, ...rest] = argv;
  endQuietlyOnClosedPipe({ exitAtOnce: !CHANGING.has(name ?? '') });
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`jikenbo: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    const command = await load();
    return await command(rest);
  } catch (err) {
    return reportCommandError(name, err);
  }
}
