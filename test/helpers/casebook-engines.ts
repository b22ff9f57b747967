// Every engine a casebook can live on, for the HTTP and CLI suites (as test/store/engines.ts is for the
// store suite): SQLite in the test's folder, PostgreSQL in a database of its own, dropped on close.

import { join } from 'node:path';
import { openCasebook, type Casebook } from '../../src/app/casebook.ts';
import { createTestDatabase } from './postgres.ts';

export interface CasebookEngine {
  name: 'sqlite' | 'postgres';
  /** A new, empty casebook named `name` (letters, digits, underscore), opened as `--db` opens one. */
  open(dir: string, name: string): Promise<Casebook>;
}

export const CASEBOOK_ENGINES: CasebookEngine[] = [
  { name: 'sqlite', open: (dir, name) => openCasebook(join(dir, `${name}.db`)) },
  {
    name: 'postgres',
    async open(_dir, name) {
      const database = await createTestDatabase(`jikenbo_${name.replaceAll('-', '_')}`);
      const casebook = await openCasebook(database.url);
      return {
        ...casebook,
        async close() {
          await casebook.close();
          await database.drop();
        },
      };
    },
  },
];
