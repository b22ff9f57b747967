// Every Store engine the shared suite runs against, each on a real database (as Kysely's DIALECTS).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';

export interface OpenedStore {
  store: Store;
  /** Closes the store and removes what it created. */
  dispose(): Promise<void>;
}

export interface Engine {
  name: string;
  open(): Promise<OpenedStore>;
}

export const ENGINES: Engine[] = [
  {
    name: 'sqlite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'jikenbo-store-'));
      const store = await openSqliteStore(join(dir, 'casebook.db'));
      return {
        store,
        async dispose() {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
];
