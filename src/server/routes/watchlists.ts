// The watchlists' pages and feeds: /watchlists, /watchlists/:id and /watchlists/:id/feed.atom. A
// private list is shown only to someone signed in (even when the casebook is public-read), and its
// feed to an API token as well (auth/middleware.ts lets a token open a watchlist feed). Lists are
// made and filled from the command line (`jikenbo watchlist`).
import { Hono, type Context } from 'hono';
import { watchlistView } from '../../app/watchlists.ts';
import { JikenboError } from '../../core/errors.ts';
import { watchlistHitsToAtom } from '../../formats/atom.ts';
import type { Store } from '../../store/ports.ts';
import type { Watchlist } from '../../store/watchlist-types.ts';
import { viewerOf } from '../auth/viewer.ts';
import { pageContext } from '../i18n/locale.ts';
import { watchlistPage, watchlistsPage } from '../pages/watchlist-pages.ts';
import { parseId } from './incidents.ts';

const FEED_SIZE = 100;

/** A private list is for people signed in (or their API tokens): anyone else is asked to sign in. */
function mayRead(c: Context, list: Watchlist): boolean {
  return !list.private || viewerOf(c) !== null;
}

export function watchlistRoutes(deps: { store: Store }): Hono {
  const app = new Hono();
  const { store } = deps;

  const visibleList = async (c: Context) => {
    const view = await watchlistView(store, String(parseId(c.req.param('id')!, 'watchlist')));
    if (!mayRead(c, view.watchlist)) throw new JikenboError('unauthorized', 'sign in first: this watchlist is private', { subject: c.req.path, key: 'error.sign_in_first' });
    return view;
  };

  app.get('/watchlists', async (c) => {
    const lists = (await store.listWatchlists()).filter((w) => mayRead(c, w));
    return c.html(watchlistsPage(pageContext(c), lists));
  });

  app.get('/watchlists/:id', async (c) => c.html(watchlistPage(pageContext(c), await visibleList(c))));

  app.get('/watchlists/:id/feed.atom', async (c) => {
    const { watchlist, hits } = await visibleList(c);
    const origin = new URL(c.req.url).origin;
    const body = watchlistHitsToAtom(hits.slice(0, FEED_SIZE), {
      // The self link never carries a token given in the query.
      selfUrl: `${origin}/watchlists/${watchlist.id}/feed.atom`,
      alternateUrl: `${origin}/watchlists/${watchlist.id}`,
      hitUrl: (h) => `${origin}${h.subject === 'claim' ? '/claims' : h.incidentId !== null ? `/incidents/${h.incidentId}` : `/notices/${h.subjectId}`}`,
      title: `jikenbo: ${watchlist.name}`,
      watchlistId: watchlist.id,
      fallbackUpdated: watchlist.createdAt,
    });
    // What a private list's feed holds is kept by no shared cache.
    return c.body(body, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'private, no-store' });
  });

  return app;
}
