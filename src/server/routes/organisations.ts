// Routes of the organisation pages: the list (/organisations, searched and paged in SQL), one
// organisation (/organisations/:id; a merged one moves to the one that answers for it), and the
// editors' forms that add a name or domain, merge and split. POSTs pass the app's CSRF check and the
// role check of auth/policy.ts (edit); their input is checked by app/request-schemas.ts.
import { Hono, type Context } from 'hono';
import {
  ORGANISATION_PAGE_SIZE, addOrganisationName, findOrganisations, mergeOrganisations, organisationView, splitOrganisation,
} from '../../app/organisations.ts';
import {
  organisationListSchema, organisationMergeSchema, organisationNameSchema, organisationSplitSchema, parseParameters,
} from '../../app/request-schemas.ts';
import { invalidInput } from '../../core/invalid-input.ts';
import type { Store } from '../../store/ports.ts';
import { CSRF_FIELD } from '../auth/middleware.ts';
import { actorOf } from '../auth/viewer.ts';
import { pageContext } from '../i18n/locale.ts';
import { organisationPage, organisationPath, organisationsPage } from '../pages/organisations-page.ts';
import { readForm } from '../read-form.ts';
import { parseId } from './incidents.ts';

export function organisationRoutes(deps: { store: Store }): Hono {
  const app = new Hono();
  const { store } = deps;

  app.get('/organisations', async (c) => {
    const { data, problem } = parseParameters(organisationListSchema, c.req.queries(), ['lang']);
    if (problem) throw invalidInput({ issues: problem.issue ? [problem.issue] : [] }, { what: 'query parameter', fallback: problem.where, firstStep: true });
    const q = data.q?.trim() ?? '';
    const asked = data.page ?? 1;
    const size = ORGANISATION_PAGE_SIZE;
    let found = await findOrganisations(store, q, { offset: (asked - 1) * size, limit: size });
    const pages = Math.max(1, Math.ceil(found.total / size));
    const page = Math.min(asked, pages);
    // A page past the last shows the last one.
    if (page !== asked) found = await findOrganisations(store, q, { offset: (page - 1) * size, limit: size });
    return c.html(organisationsPage(pageContext(c), { q, rows: found.rows, total: found.total, page, pages, pageSize: size }));
  });

  app.get('/organisations/:id', async (c) => {
    const id = parseId(c.req.param('id'), 'organisation');
    const view = await organisationView(store, id);
    if (view.organisation.mergedInto !== null) return c.redirect(organisationPath({ id: view.organisation.mergedInto }), 301);
    return c.html(organisationPage(pageContext(c), view));
  });

  app.post('/organisations/:id/names', async (c) => {
    const id = parseId(c.req.param('id'), 'organisation');
    const f = await readForm(c, organisationNameSchema);
    await addOrganisationName(store, { organisationId: id, kind: f.kind, value: f.value, by: actorOf(c) });
    return c.redirect(organisationPath({ id }), 303);
  });

  app.post('/organisations/:id/merge', async (c) => {
    const id = parseId(c.req.param('id'), 'organisation');
    const f = await readForm(c, organisationMergeSchema);
    const into = await mergeOrganisations(store, { fromId: id, intoId: f.into, by: actorOf(c), reason: f.reason ?? null });
    return c.redirect(organisationPath(into), 303);
  });

  app.post('/organisations/:id/split', async (c) => {
    const id = parseId(c.req.param('id'), 'organisation');
    const f = await readSplitForm(c);
    const made = await splitOrganisation(store, { organisationId: id, incidents: f.incidents, notices: f.notices, by: actorOf(c), reason: f.reason ?? null });
    return c.redirect(organisationPath(made), 303);
  });

  return app;
}

/** The split form: its incident checkboxes repeat a field, which readForm (one value a field) would lose. */
async function readSplitForm(c: Context) {
  const body = await c.req.parseBody({ all: true });
  const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string' && x !== '');
  const input: Record<string, unknown> = { incidents: list(body.incidents), notices: list(body.notices) };
  const reason = list(body.reason)[0];
  if (reason !== undefined) input.reason = reason;
  for (const key of Object.keys(body)) if (!['incidents', 'notices', 'reason', CSRF_FIELD].includes(key)) input[key] = body[key];
  const r = organisationSplitSchema.safeParse(input);
  if (!r.success) throw invalidInput(r.error, { what: 'form field', fallback: 'form', firstStep: true });
  return r.data;
}
