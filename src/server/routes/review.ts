// The review forms: correct or confirm a value, revert a correction, link and unlink notices. Editors
// and admins only (auth/policy.ts); each change is recorded under the signed-in account's name. Each
// POST is validated with zod, done through the shared use cases, then redirected (303) back to the
// incident page, so reloading never sends a form twice.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { fieldValueProblem, isRecordKey } from '../../app/field-value.ts';
import { JikenboError } from '../../core/errors.ts';
import { pageContext } from '../i18n/locale.ts';
import { fieldLabel } from '../pages/labels.ts';
import { parseNoticeRef, publicIncidentId } from '../../core/public-id.ts';
import { linkNoticesAsPerson, unlinkNoticeAsPerson } from '../../app/incidents.ts';
import { correctValue, revertCorrection } from '../../app/review.ts';
import { markPublication } from '../../app/publication.ts';
import { publicIdOfIncident, resolveIncidentRef } from '../../app/incident-number.ts';
import { reviewQueue } from '../../app/review-queue.ts';
import { scopedFacts } from '../../app/scoped-facts.ts';
import { reviewQueuePage } from '../pages/review-queue-page.ts';
import type { Store } from '../../store/ports.ts';
import { actorOf } from '../auth/viewer.ts';
import { readForm as form } from '../read-form.ts';
import { parseId } from './incidents.ts';

/** A notice as the page shows it (N56) or its bare id (56). */
const noticeId = z.string().transform((s, ctx) => {
  const id = parseNoticeRef(s);
  if (id === null) ctx.addIssue({ code: 'custom', message: 'expected a notice such as N56' });
  return id ?? z.NEVER;
});
const anchored = z.object({ notice: noticeId });

const schemas = {
  review: anchored.extend({
    action: z.enum(['correct', 'confirm']),
    target: z.string().regex(/^(incident|notice:\d{1,15})$/, 'incident or notice:N'),
    field: z.string().min(1).max(40),
    value: z.string().max(500, 'at most 500 characters'),
    reason: z.string().max(500, 'at most 500 characters').optional(),
    /** Confirmed from the review queue: back there, not to the incident. */
    back: z.literal('queue').optional(),
  }),
  link: anchored.extend({ other: noticeId }),
  publish: z.object({
    action: z.enum(['mark', 'unmark']),
    reason: z.string().max(500, 'at most 500 characters').optional(),
  }),
  plain: anchored,
};

export function reviewRoutes(deps: { store: Store }): Hono {
  const app = new Hono();
  const { store } = deps;

  /** Back to the incident the notice is in now (a change may have moved it), at the review panel, by its public identifier. */
  const backTo = async (c: Context, notice: number) => {
    const incident = await store.incidentOfNotice(notice);
    return c.redirect(incident === null ? '/' : `/incidents/${encodeURIComponent(await publicIdOfIncident(store, incident))}#review`, 303);
  };

  app.post('/incidents/:id/review', async (c) => {
    // By number (2024-504) or internal id: the form posts to the address of the page it is on.
    const incidentId = await resolveIncidentRef(store, c.req.param('id'));
    const f = await form(c, schemas.review);
    const target = f.target === 'incident' ? { target: 'incident' as const, id: incidentId } : { target: 'notice' as const, id: Number(f.target.slice(7)) };
    // A value that does not fit is refused in the page's language, naming the field as the page does.
    const refusal = fieldValueProblem(f.field, f.value);
    if (refusal) {
      const { t } = pageContext(c);
      const field = isRecordKey(f.field) ? t('review.problem.field', { label: fieldLabel(t, f.field), code: f.field }) : f.field;
      const params = { field, value: f.value.slice(0, 60) };
      throw new JikenboError('bad_input', t(`review.problem.${refusal.problem}`, params), { subject: f.field, key: `review.problem.${refusal.problem}`, params });
    }
    await correctValue(store, { ...target, field: f.field, value: f.value, by: actorOf(c), reason: f.reason ?? null });
    return f.back === 'queue' ? c.redirect('/review#queue', 303) : backTo(c, f.notice);
  });

  app.get('/review', async (c) => {
    const ctx = pageContext(c);
    const queue = await reviewQueue(store, await scopedFacts(store, { q: '', filter: {} }), 50);
    return c.html(reviewQueuePage(ctx, queue));
  });

  app.post('/corrections/:id/revert', async (c) => {
    const id = parseId(c.req.param('id'), 'correction');
    const f = await form(c, schemas.plain);
    await revertCorrection(store, id, actorOf(c));
    return backTo(c, f.notice);
  });

  app.post('/incidents/:id/link', async (c) => {
    await resolveIncidentRef(store, c.req.param('id'));
    const f = await form(c, schemas.link);
    await linkNoticesAsPerson(store, f.notice, f.other, actorOf(c));
    return backTo(c, f.notice);
  });

  // A person marks the incident publishable (or withdraws it) as it is now, its notices with it: only
  // marked incidents go into the site `jikenbo publish` writes (core/publication.ts).
  app.post('/incidents/:id/publish', async (c) => {
    const incidentId = await resolveIncidentRef(store, c.req.param('id'));
    const f = await form(c, schemas.publish);
    await markPublication(store, { refs: [String(incidentId)], publishable: f.action === 'mark', by: actorOf(c), reason: f.reason ?? null });
    const incident = await store.getIncident(incidentId);
    return c.redirect(incident ? `/incidents/${encodeURIComponent(publicIncidentId(incident))}#publication` : '/', 303);
  });

  app.post('/notices/:id/unlink', async (c) => {
    const id = parseId(c.req.param('id'), 'notice');
    await form(c, schemas.plain);
    await unlinkNoticeAsPerson(store, id, actorOf(c));
    return backTo(c, id);
  });

  return app;
}
