// Keeps original bytes on disk under their SHA-256 (archive/ab/cdef…): written once, atomically, never rewritten.
import { createHash, randomBytes } from 'node:crypto';
import { access, mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { JikenboError } from '../core/errors.ts';
import type { Archive } from '../store/ports.ts';
import { pathUnder } from './path-under.ts';

const SHA256 = /^[0-9a-f]{64}$/;
/** Files written at once by putMany: enough to keep the I/O threads busy and share journal commits. */
const PARALLEL_WRITES = 16;

export class FileArchive implements Archive {
  /** Folders this archive made or found already: a file going into one needs no mkdir. */
  private readonly known = new Set<string>();

  constructor(readonly root: string) {}

  async put(sha256: string, bytes: Uint8Array): Promise<void> {
    await Promise.all((await this.write(sha256, bytes)).map(syncDir));
  }

  /**
   * The files are written and synced a few at a time, then each folder they went into is synced once:
   * one folder sync per batch rather than one per file, and concurrent syncs share journal commits.
   */
  async putMany(items: readonly { sha256: string; bytes: Uint8Array }[]): Promise<(Error | null)[]> {
    const folders = new Set<string>();
    const errors: (Error | null)[] = new Array<Error | null>(items.length).fill(null);
    let next = 0;
    const writer = async () => {
      for (let i = next++; i < items.length; i = next++) {
        try {
          for (const folder of await this.write(items[i]!.sha256, items[i]!.bytes)) folders.add(folder);
        } catch (err) {
          errors[i] = err instanceof Error ? err : new Error(String(err));
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_WRITES, items.length) }, writer));
    await Promise.all([...folders].map(syncDir));
    return errors;
  }

  /**
   * Writes the bytes to a synced temp file and renames it into place; returns the folders whose entries
   * must be synced before the file counts as durable (none when it was there already). Per file: a
   * lookup, then open, write, sync, close and rename (a mkdir too for a folder not seen before).
   */
  private async write(sha256: string, bytes: Uint8Array): Promise<string[]> {
    const path = this.pathOf(sha256);
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== sha256) {
      // A wrong name would hide these bytes from everyone who asks for the right ones.
      throw new JikenboError('bad_input', `${sha256}: the bytes given hash to ${actual}`, { subject: sha256 });
    }
    if (await exists(path)) return [];
    const dir = join(this.root, sha256.slice(0, 2));
    // A folder made just now is itself an entry of its parent, which must be synced too.
    const folders = [dir];
    if (!this.known.has(dir)) {
      folders.push(...madeParents(dir, await mkdir(dir, { recursive: true })));
      this.known.add(dir);
    }
    // Temp file in the same folder, so the final step is a same-filesystem rename.
    const temp = join(dir, `.tmp-${sha256.slice(2, 10)}-${process.pid}-${randomBytes(6).toString('hex')}`);
    const handle = await open(temp, 'wx').catch(async (err: unknown) => {
      // The folder went away since we saw it (removed by hand): made again, once.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      folders.push(...madeParents(dir, await mkdir(dir, { recursive: true })));
      return open(temp, 'wx');
    });
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (err) {
      // A full disk: the half-written temp file goes, not just the error.
      await handle.close().catch(() => {});
      await unlink(temp).catch(() => {});
      throw err;
    }
    await handle.close();
    try {
      // Atomic: a reader sees no file or the whole file. A writer that raced us to the same name wrote
      // the same bytes (same SHA-256), so replacing its copy changes nothing anyone can read.
      await rename(temp, path);
    } catch (err) {
      await unlink(temp).catch(() => {});
      throw err;
    }
    return folders;
  }

  async get(sha256: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(this.pathOf(sha256)));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async has(sha256: string): Promise<boolean> {
    return exists(this.pathOf(sha256));
  }

  /** Temp files no writer is writing: a process killed between its write and its link left them. */
  async strays(): Promise<string[]> {
    const found: string[] = [];
    const folders = await readdir(this.root, { withFileTypes: true }).catch(() => []);
    for (const folder of folders) {
      if (!folder.isDirectory() || !/^[0-9a-f]{2}$/.test(folder.name)) continue;
      for (const name of await readdir(join(this.root, folder.name))) {
        const pid = /^\.tmp-[0-9a-f]{8}-(\d+)-/.exec(name)?.[1];
        if (pid !== undefined && !alive(Number(pid))) found.push(join(this.root, folder.name, name));
      }
    }
    return found.sort();
  }

  /** Where a document's bytes live; the hash is checked first, so no input can leave the root. */
  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) {
      throw new JikenboError('bad_input', `${sha256}: not a SHA-256 (64 lower-case hex characters)`, { subject: sha256 });
    }
    return pathUnder(pathUnder(this.root, sha256.slice(0, 2)), sha256.slice(2));
  }
}

/** The folders above `dir` whose entries changed when mkdir made `made` (the first folder it created) and below. */
function madeParents(dir: string, made: string | undefined): string[] {
  const parents: string[] = [];
  if (!made) return parents;
  for (let d = dir; d !== dirname(d); d = dirname(d)) {
    parents.push(dirname(d));
    if (d === made) break;
  }
  return parents;
}

/** Whether a process of this machine is running with that id (a temp file's writer may still be at work). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Makes the new name durable too; some platforms cannot open a folder for sync, which is harmless. */
async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort
  }
}
