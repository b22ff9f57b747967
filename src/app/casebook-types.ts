// What opening a casebook gives, on either engine (casebook.ts, postgres-casebook.ts), and the error
// when there is none: here, so that the PostgreSQL opener need not import the module that loads it.
import { JikenboError } from '../core/errors.ts';
import type { Archive, Store } from '../store/ports.ts';

export interface Casebook {
  store: Store;
  archive: Archive;
  /** Where the store lives, for messages. */
  location: string;
  close(): Promise<void>;
}

/** The error of a casebook that is not there: names where it was looked for and how to make one. */
export function noCasebook(location: string): JikenboError {
  return new JikenboError('not_found',
    `no casebook at ${location} (check --db, JIKENBO_DB or DATABASE_URL, and the folder you are in; \`jikenbo init\` or \`jikenbo ingest\` makes a new one there)`,
    { subject: '--db' });
}
