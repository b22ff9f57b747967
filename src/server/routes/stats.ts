// /api/stats: the statistics of `jikenbo stats` as JSON over the incidents page's URL filter
// (`?type=loss&year=2024`), one field with `by=FIELD`; /api/stats/duty the reporting duty,
// /api/stats/damages the JNSA estimates.
import { Hono } from 'hono';
import { z } from 'zod';
import { estimateDamage, summarizeDamages, DEFAULT_JNSA_TABLES, type JnsaTables } from '../../analyze/jnsa-damage.ts';
import { allStats, STAT_FIELDS, statBy, type StatField } from '../../analyze/stats/stats-by.ts';
import { checkDuty } from '../../app/duty-check.ts';
import { scopedFacts } from '../../app/scoped-facts.ts';
import { invalidInput } from '../../core/invalid-input.ts';
import type { Store } from '../../store/ports.ts';
import { dashboardScope } from './dashboard.ts';

const extraSchema = z.object({
  by: z.enum(STAT_FIELDS as [StatField, ...StatField[]]).optional(),
  all: z.enum(['yes', 'no']).optional(),
});

/** Splits our own parameters (by, all) from the shared filter's, and validates them. */
function split(queries: Record<string, string[]>): { extra: z.infer<typeof extraSchema>; filter: Record<string, string[]> } {
  const { by, all, ...filter } = queries;
  const result = extraSchema.safeParse({ by: by?.[0], all: all?.[0] });
  if (!result.success) throw invalidInput(result.error, { what: 'query parameter', fallback: 'query', firstStep: true });
  return { extra: result.data, filter };
}

export function statsRoutes(deps: { store: Store; jnsa?: JnsaTables }): Hono {
  const app = new Hono();

  app.get('/api/stats', async (c) => {
    const { extra, filter } = split(c.req.queries());
    const rows = await scopedFacts(deps.store, dashboardScope(filter));
    return c.json(extra.by ? { by: extra.by, incidents: rows.length, ...statBy(rows, extra.by) } : allStats(rows));
  });

  app.get('/api/stats/duty', async (c) => {
    const { extra, filter } = split(c.req.queries());
    const rows = await scopedFacts(deps.store, dashboardScope(filter));
    const { assessments, ...summary } = await checkDuty(deps.store, rows);
    return c.json(extra.all === 'yes' ? { ...summary, assessments } : summary);
  });

  app.get('/api/stats/damages', async (c) => {
    const { filter } = split(c.req.queries());
    const rows = await scopedFacts(deps.store, dashboardScope(filter));
    const estimates = rows.map((r) => estimateDamage(r, deps.jnsa ?? DEFAULT_JNSA_TABLES));
    return c.json({ ...summarizeDamages(estimates), estimates });
  });

  return app;
}
