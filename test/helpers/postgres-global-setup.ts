// Vitest global setup: a private PostgreSQL cluster for the test run (unless DATABASE_URL names one),
// started from Debian's PostgreSQL 15 on a free loopback port and removed afterwards.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/store/migrations/postgres-migrate.ts';
import { createPool } from '../../src/store/postgres/pg-database.ts';
import { PG_BIN, startCluster } from './pg-cluster.ts';

export { PG_BIN };

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL of the test cluster; each test file creates its own database in it. */
    postgresAdminUrl: string;
    /** A database at the latest schema that test databases are copied from (faster than migrating each). */
    postgresTemplate: string;
  }
}

function ensureInstalled(): void {
  if (existsSync(join(PG_BIN, 'initdb'))) return;
  // A fresh CI machine may lack the server; install it from Debian's packages like the browser.
  const run = spawnSync('bash', ['scripts/ensure-postgres.sh'], { stdio: 'inherit' });
  if (run.status !== 0 || !existsSync(join(PG_BIN, 'initdb'))) {
    throw new Error(`PostgreSQL 15 is needed for the store tests: no ${join(PG_BIN, 'initdb')} (set DATABASE_URL to use another server)`);
  }
}

/** Creates the migrated template database; returns how to drop it. */
async function createTemplate(project: TestProject, adminUrl: string): Promise<() => Promise<void>> {
  const name = `jikenbo_template_${process.pid}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  // The name is ours: identifiers cannot be bound parameters.
  await admin(`DROP DATABASE IF EXISTS ${name}`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pool = createPool(url.toString(), { poolSize: 1 });
  try {
    await migrate(pool);
  } finally {
    await pool.end();
  }
  project.provide('postgresTemplate', name);
  return () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.DATABASE_URL;
  if (given && /^postgres(ql)?:\/\//.test(given)) {
    project.provide('postgresAdminUrl', given);
    return createTemplate(project, given);
  }
  ensureInstalled();
  const cluster = await startCluster();
  project.provide('postgresAdminUrl', cluster.adminUrl);
  await createTemplate(project, cluster.adminUrl);
  return async () => cluster.remove();
}
