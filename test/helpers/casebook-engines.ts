// Every engine a casebook can live on, for the HTTP and CLI suites (as test/store/engines.ts is for the
// store suite): SQLite in the test's folder, PostgreSQL in a database of its own, dropped on close.

import { join } from 'node:path';
import { openCasebook, type Casebook } from '../../src/app/casebook.ts';
import { createTestDatabase } from './postgres.ts';

export interface CasebookEngine {
  name: 'sqlite' | 'postgres';
  /** A new, empty casebook named `name` (letters, digits, underscore), opened as `--db` opens one. */
  open(dir: string, name: string): Promise<Casebook>;
  /** Where a new casebook named `name` goes, as the `--db` value of a command; dispose() removes it. */
  locate(dir: string, name: string): Promise<{ db: string; dispose(): Promise<void> }>;
}

const databaseName = (name: string) => `jikenbo_${name.replaceAll('-', '_')}`;

export const CASEBOOK_ENGINES: CasebookEngine[] = [
  {
    name: 'sqlite',
    open: (dir, name) => openCasebook(join(dir, `${name}.db`)),
    // The test's folder goes with the test.
    locate: async (dir, name) => ({ db: join(dir, `${name}.db`), dispose: async () => {} }),
  },
  {
    name: 'postgres',
    async open(_dir, name) {
      const database = await createTestDatabase(databaseName(name));
      const casebook = await openCasebook(database.url);
      return {
        ...casebook,
        async close() {
          await casebook.close();
          await database.drop();
        },
      };
    },
    async locate(_dir, name) {
      const database = await createTestDatabase(databaseName(name));
      return { db: database.url, dispose: () => database.drop() };
    },
  },
];
