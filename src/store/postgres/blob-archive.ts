// Originals kept in the PostgreSQL database itself (table blobs, bytea by SHA-256), so that every
// server on one database sees every original without a shared file system.

import { createHash } from 'node:crypto';
import { JikenboError } from '../../core/errors.ts';
import type { Archive } from '../ports.ts';
import { one, type Pool } from './pg-database.ts';

const SHA256 = /^[0-9a-f]{64}$/;

function checkHash(sha256: string): void {
  if (!SHA256.test(sha256)) {
    throw new JikenboError('bad_input', `${sha256}: not a SHA-256 (64 lower-case hex characters)`, { subject: sha256 });
  }
}

export class BlobArchive implements Archive {
  constructor(private readonly pool: Pool) {}

  async put(sha256: string, bytes: Uint8Array): Promise<void> {
    checkHash(sha256);
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== sha256) {
      throw new JikenboError('bad_input', `${sha256}: the bytes given hash to ${actual}`, { subject: sha256 });
    }
    // Written once: a second writer of the same bytes (another server) changes nothing.
    await this.pool.query('INSERT INTO blobs (sha256, bytes) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING', [sha256, Buffer.from(bytes)]);
  }

  /** One statement (one commit) for the batch; when it fails, one at a time, so that only the bad item fails. */
  async putMany(items: readonly { sha256: string; bytes: Uint8Array }[]): Promise<(Error | null)[]> {
    if (items.length === 0) return [];
    try {
      for (const { sha256, bytes } of items) {
        checkHash(sha256);
        const actual = createHash('sha256').update(bytes).digest('hex');
        if (actual !== sha256) throw new JikenboError('bad_input', `${sha256}: the bytes given hash to ${actual}`, { subject: sha256 });
      }
      await this.pool.query('INSERT INTO blobs (sha256, bytes) SELECT * FROM unnest($1::text[], $2::bytea[]) ON CONFLICT (sha256) DO NOTHING',
        [items.map((i) => i.sha256), items.map((i) => Buffer.from(i.bytes.buffer, i.bytes.byteOffset, i.bytes.byteLength))]);
      return items.map(() => null);
    } catch {
      return Promise.all(items.map(({ sha256, bytes }) => this.put(sha256, bytes).then(() => null, (err: unknown) => err as Error)));
    }
  }

  async get(sha256: string): Promise<Uint8Array | null> {
    checkHash(sha256);
    const row = await one<{ bytes: Buffer }>(this.pool, 'SELECT bytes FROM blobs WHERE sha256 = $1', [sha256]);
    return row ? new Uint8Array(row.bytes) : null;
  }

  async has(sha256: string): Promise<boolean> {
    checkHash(sha256);
    return (await one(this.pool, 'SELECT 1 FROM blobs WHERE sha256 = $1', [sha256])) !== undefined;
  }
}
