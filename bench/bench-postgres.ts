// A PostgreSQL database of its own for a bench: a private cluster started as the tests start theirs
// (or the server DATABASE_URL names), a fresh database in it, dropped and the cluster stopped after.
import pg from 'pg';

export async function withBenchPostgres<T>(prefix: string, work: (url: string) => Promise<T>): Promise<T> {
  const setup = (await import('../test/helpers/postgres-global-setup.ts')).default as unknown as
    (p: { provide: (k: string, v: string) => void }) => Promise<() => Promise<void>>;
  let admin = '';
  const stop = await setup({ provide: (k, v) => { if (k === 'postgresAdminUrl') admin = v; } });
  const name = `${prefix}_${Date.now()}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
    return await work(admin.replace(/\/[^/?]*(\?|$)/, `/${name}$1`));
  } finally {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
    await stop();
  }
}
