// Lists the files under the paths a user gave, in a stable order; a path that cannot be read is an entry, not a throw.
import type { Dirent, Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { JikenboError } from '../core/errors.ts';

export type WalkEntry = { path: string } | { path: string; error: JikenboError };

/**
 * Yields every file under `paths`, depth first, names sorted by code point. Hidden files and
 * folders (a leading dot) are skipped inside folders but read when named directly. Symbolic links
 * are followed, except to a folder already being walked (a loop).
 */
export async function* walkPaths(paths: string[]): AsyncGenerator<WalkEntry> {
  for (const path of paths) yield* walk(path, null);
}

/** `ancestors` holds the real paths of the folders above `path`; null for a path the user named. */
async function* walk(path: string, ancestors: Set<string> | null): AsyncGenerator<WalkEntry> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (err) {
    // A link that leads back to itself inside a folder is skipped like a link to an ancestor.
    if (ancestors && (err as NodeJS.ErrnoException).code === 'ELOOP') return;
    yield { path, error: unreadable(path, err) };
    return;
  }
  if (info.isFile()) {
    yield { path };
    return;
  }
  if (!info.isDirectory()) {
    yield { path, error: new JikenboError('unsupported', `${path}: not a file or folder`, { subject: path }) };
    return;
  }

  let real: string;
  let entries: Dirent[];
  try {
    real = await realpath(path);
    entries = await readdir(path, { withFileTypes: true });
  } catch (err) {
    yield { path, error: unreadable(path, err) };
    return;
  }
  if (ancestors?.has(real)) return; // a symlink back up the tree
  const inside = new Set(ancestors).add(real);
  const names = entries
    .map((entry) => entry.name)
    .filter((name) => !name.startsWith('.'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) yield* walk(join(path, name), inside);
}

function unreadable(path: string, err: unknown): JikenboError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code === 'ENOENT' ? 'no such file or folder'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'ELOOP' ? 'too many levels of symbolic links'
    : err instanceof Error ? err.message : String(err);
  return new JikenboError(code === 'ENOENT' ? 'not_found' : 'bad_input', `${path || '(empty path)'}: ${why}`, {
    subject: path,
    cause: err,
  });
}
