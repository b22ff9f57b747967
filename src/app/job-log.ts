// What the web server's background jobs log (app/log.ts), one structured line per outcome: `job`
// (watch, grouping), `outcome` ok or failed, and a failure's error (with the stack of an unexpected one).
import type { GroupingProgress } from './regroup.ts';
import { errorFields, type Logger } from './log.ts';
import type { WatchTimerOptions } from './watch.ts';

/**
 * The watch loop's callbacks: a line per source checked (a page's links and notices, a leak-site tracker's
 * claims; and per new notice or claim records that could not be read), one per failed run.
 */
export function watchJobLog(logger: Logger): Required<Pick<WatchTimerOptions, 'onReport' | 'onError' | 'onLease' | 'onWatchlists'>> {
  return {
    // A line when a tick found watchlist hits or made webhook attempts; nothing on a quiet tick.
    onWatchlists: ({ hits, deliveries }) => {
      const added = Object.values(hits.added).reduce((a, b) => a + b, 0);
      if (added + deliveries.delivered + deliveries.retrying + deliveries.failed === 0) return;
      const fields = { job: 'watchlists', hits: added, delivered: deliveries.delivered, retrying: deliveries.retrying, given_up: deliveries.failed };
      if (deliveries.retrying + deliveries.failed > 0) logger.warn('watchlists', { ...fields, outcome: 'failed' });
      else logger.info('watchlists', { ...fields, outcome: 'ok' });
    },
    onReport: (report) => {
      for (const check of report.checked) {
        const source = check.source.url;
        const count = (status: string) => check.notices.filter((n) => n.status === status).length;
        if (check.status === 'failed') {
          logger.error('watch source', { job: 'watch', outcome: 'failed', source, kind: check.source.kind, error: check.error ?? 'failed' });
        } else if (check.source.kind === 'claims') {
          // A leak-site tracker: the claims its body held, new and already stored, and its unreadable records.
          const poll = check.claims;
          logger.info('watch claims', {
            job: 'watch', outcome: 'ok', source, kind: 'claims', status: check.status,
            records: poll?.records ?? 0, added: poll?.added ?? 0, existing: poll?.existing ?? 0, problems: poll?.problems.length ?? 0,
          });
          if (poll && poll.problems.length > 0) {
            const first = poll.problems[0]!;
            logger.warn('watch claims records', { job: 'watch', outcome: 'failed', source, problems: poll.problems.length, first: `record ${first.index}: ${first.reason}` });
          }
        } else {
          logger.info('watch source', {
            job: 'watch', outcome: 'ok', source, status: check.status, new_links: check.newLinks,
            ingested: count('new'), duplicates: count('duplicate'), failed: count('failed'),
          });
        }
        for (const n of check.notices) {
          if (n.status === 'failed') logger.warn('watch notice', { job: 'watch', outcome: 'failed', source, url: n.path, title: n.title, error: n.reason ?? 'failed' });
        }
      }
    },
    onError: (err) => logger.error('watch run', { job: 'watch', outcome: 'failed', ...errorFields(err) }),
    // One server per database watches (a lease in the store); the others say who does.
    onLease: (lease) => logger.info('watch lease', { job: 'watch', held: lease.held, holder: lease.holder }),
  };
}

/** The grouping queue drained in the background: progress (at most every 5 s), then ok or failed. */
export function groupingJobLog(logger: Logger, intervalMs = 5000): {
  onProgress: (p: GroupingProgress) => void; done: () => void; failed: (err: unknown) => void;
} {
  let last = 0;
  const started = performance.now();
  return {
    onProgress: (p) => {
      if (p.waiting > 0 && performance.now() - last < intervalMs) return;
      last = performance.now();
      logger.info('grouping progress', { job: 'grouping', stage: p.stage, done: p.done, waiting: p.waiting, ...(p.holder ? { holder: p.holder } : {}) });
    },
    done: () => logger.info('grouping', { job: 'grouping', outcome: 'ok', ms: Math.round(performance.now() - started) }),
    failed: (err) => logger.error('grouping', { job: 'grouping', outcome: 'failed', ...errorFields(err) }),
  };
}
