// The feed and the file exports of any filtered list: /feed.atom, /export.csv, /export.jsonl. They take
// the incidents page's filter parameters, so a view's URL turns into its feed or file by its path.
import { Hono, type Context } from 'hono';
import { selectIncidents } from '../../app/incident-selection.ts';
import { parseSelection } from '../../app/request-schemas.ts';
import { incidentsToAtom } from '../../formats/atom.ts';
import { incidentsToCsv } from '../../formats/csv.ts';
import { incidentsToJsonl } from '../../formats/jsonl.ts';
import type { Archive, Store } from '../../store/ports.ts';
import { bodyEtag } from '../body-etag.ts';

const FEED_SIZE = 100;

export function exchangeRoutes(deps: { store: Store; archive: Archive }): Hono {
  const app = new Hono();

  app.get('/feed.atom', bodyEtag(), async (c) => {
    const rows = (await selectIncidents(deps.store, parseSelection(c.req.queries()))).slice(0, FEED_SIZE);
    const origin = new URL(c.req.url).origin;
    const query = new URL(c.req.url).search;
    const body = incidentsToAtom(rows, {
      selfUrl: `${origin}/feed.atom${query}`,
      alternateUrl: `${origin}/${query}`,
      incidentUrl: (r) => `${origin}/incidents/${r.id}`,
      fallbackUpdated: '2000-01-01T00:00:00Z',
    });
    return c.body(body, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
  });

  app.get('/export.csv', bodyEtag(), async (c) => download(c, incidentsToCsv(await rows(c)), 'text/csv; charset=utf-8; header=present', 'csv'));
  app.get('/export.jsonl', bodyEtag(), async (c) => download(c, incidentsToJsonl(await rows(c)), 'application/jsonl; charset=utf-8', 'jsonl'));

  async function rows(c: Context) {
    return selectIncidents(deps.store, parseSelection(c.req.queries()));
  }
  return app;
}

function download(c: Context, body: string, type: string, ext: string): Response {
  return c.body(body, 200, { 'Content-Type': type, 'Content-Disposition': `attachment; filename="jikenbo-incidents.${ext}"` });
}
