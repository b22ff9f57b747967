// The incident filter on the command line: the same names as the incidents page's URL (--type,
// --sector, --data, --year, --month, --from, --to, --contractor yes|no, --ppc, --attacker, --review,
// --q, --dataset), repeatable where the page allows several, validated by the same schema as the
// pages and the API (app/request-schemas.ts).
import { JikenboError } from '../core/errors.ts';
import { filterOf, parseSelection } from '../app/request-schemas.ts';
import type { FactsScope } from '../app/scoped-facts.ts';

export const SCOPE_OPTIONS = {
  q: { type: 'string' },
  type: { type: 'string', multiple: true },
  sector: { type: 'string', multiple: true },
  data: { type: 'string', multiple: true },
  year: { type: 'string', multiple: true },
  month: { type: 'string', multiple: true },
  from: { type: 'string' },
  to: { type: 'string' },
  contractor: { type: 'string' },
  ppc: { type: 'string' },
  attacker: { type: 'string' },
  review: { type: 'string' },
  dataset: { type: 'string' },
} as const;

export const SCOPE_USAGE = '[--q QUERY] [--type T]... [--sector S]... [--data D]... [--year YYYY]... [--month YYYY-MM]... [--from DATE] [--to DATE] [--contractor yes|no] [--ppc yes|no] [--attacker yes|no] [--review reviewed|unreviewed] [--dataset jp|imported|all]';

type ScopeValues = { [K in keyof typeof SCOPE_OPTIONS]?: string | string[] | undefined };

export function scopeFromOptions(command: string, values: ScopeValues): FactsScope {
  const raw: Record<string, string[]> = {};
  for (const key of Object.keys(SCOPE_OPTIONS) as (keyof typeof SCOPE_OPTIONS)[]) {
    const v = values[key];
    if (v !== undefined) raw[key] = Array.isArray(v) ? v : [v];
  }
  try {
    const selection = parseSelection(raw);
    return { q: selection.q?.trim() ?? '', filter: filterOf(selection) };
  } catch (err) {
    if (err instanceof JikenboError) {
      throw new JikenboError('bad_input', `${command}: --${err.message}`, { subject: err.subject, cause: err });
    }
    throw err;
  }
}
