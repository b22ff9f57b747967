// The review forms: correct or confirm a value, revert a correction, link and unlink notices. Editors
// and admins only (auth/policy.ts); each change is recorded under the signed-in account's name. Each
// POST is validated with zod, done through the shared use cases, then redirected (303) back to the
// incident page, so reloading never sends a form twice.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { linkNoticesAsPerson, unlinkNoticeAsPerson } from '../../app/incidents.ts';
import { correctValue, revertCorrection } from '../../app/review.ts';
import { reviewQueue } from '../../app/review-queue.ts';
import { scopedFacts } from '../../app/scoped-facts.ts';
import { pageContext } from '../i18n/locale.ts';
import { reviewQueuePage } from '../pages/review-queue-page.ts';
import type { Store } from '../../store/store.ts';
import { actorOf } from '../auth/viewer.ts';
import { readForm as form } from '../read-form.ts';
import { parseId } from './incidents.ts';

const noticeId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
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
  plain: anchored,
};

export function reviewRoutes(deps: { store: Store }): Hono {
  const app = new Hono();
  const { store } = deps;

  /** Back to the incident the notice is in now (a change may have moved it), at the review panel. */
  const backTo = async (c: Context, notice: number) => {
    const incident = await store.incidentOfNotice(notice);
    return c.redirect(incident === null ? '/' : `/incidents/${incident}#review`, 303);
  };

  app.post('/incidents/:id/review', async (c) => {
    const incidentId = parseId(c.req.param('id'), 'incident');
    const f = await form(c, schemas.review);
    const target = f.target === 'incident' ? { target: 'incident' as const, id: incidentId } : { target: 'notice' as const, id: Number(f.target.slice(7)) };
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
    parseId(c.req.param('id'), 'incident');
    const f = await form(c, schemas.link);
    await linkNoticesAsPerson(store, f.notice, f.other, actorOf(c));
    return backTo(c, f.notice);
  });

  app.post('/notices/:id/unlink', async (c) => {
    const id = parseId(c.req.param('id'), 'notice');
    await form(c, schemas.plain);
    await unlinkNoticeAsPerson(store, id, actorOf(c));
    return backTo(c, id);
  });

  return app;
}
