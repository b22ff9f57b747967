// `jikenbo search QUERY`: ranked bigram full-text search with highlighted snippets.
import { resolveDbPath } from '../../app/casebook.ts';
import { loadSettings } from '../../app/settings.ts';
import { expandSpellings, variantGroups } from '../../core/spelling-variants.ts';
import { openCommandCasebook } from '../open-casebook.ts';
import { noticeFilterSchema } from '../../app/request-schemas.ts';
import { pageSchema, parseCommand, validate } from '../options.ts';
import { renderHit } from '../render.ts';
import { unguarded } from '../terminal-output.ts';

export async function searchCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand('search', args, {
    db: { type: 'string' }, json: { type: 'boolean' },
    type: { type: 'string' }, sector: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' },
    limit: { type: 'string' }, offset: { type: 'string' }, wide: { type: 'boolean' }, settings: { type: 'string' },
  });
  const query = positionals.join(' ').trim();
  if (!query) {
    process.stderr.write('usage: jikenbo search QUERY [--type T] [--sector S] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--wide] [--settings FILE] [--json]\n');
    return 2;
  }
  const filters = validate('search', noticeFilterSchema, { type: values.type, sector: values.sector, from: values.from, to: values.to });
  const page = validate('search', pageSchema, { limit: values.limit ?? 20, offset: values.offset });
  const dbPath = resolveDbPath(values.db);
  // Other spellings of each word (漏洩 → 漏えい, ろうえい): the defaults and the settings file's groups.
  const spelled = expandSpellings(query, variantGroups(loadSettings(dbPath, values.settings).searchVariants, values.wide === true));
  const casebook = await openCommandCasebook(values.db);
  try {
    const hits = await casebook.store.search(spelled.query, { ...filters, ...page });
    if (spelled.added.length > 0) process.stderr.write(`also searched for: ${spelled.added.join(', ')}\n`);
    if (values.json) {
      process.stdout.write(JSON.stringify(hits.map((h) => ({ ...h, snippet: h.snippet.replace(/[\u0001\u0002]/g, '') , highlighted: h.snippet }))) + '\n');
    } else if (hits.length === 0) {
      process.stdout.write(`no notices match "${query}"\n`);
    } else {
      const tty = process.stdout.isTTY === true;
      // On a terminal the marks are bold: renderHit escapes the line itself, and it goes past the guard.
      const out = tty ? unguarded(process.stdout) : process.stdout;
      for (const hit of hits) out.write(renderHit(hit, tty) + '\n');
      process.stdout.write(`${hits.length} ${hits.length === 1 ? 'hit' : 'hits'}\n`);
    }
    return 0;
  } finally {
    await casebook.close();
  }
}
