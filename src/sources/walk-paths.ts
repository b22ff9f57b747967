// Lists the files under the paths a user gave, in a stable order; a path that cannot be read is an entry, not a throw.
import type { Dirent, Stats } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { JikenboError } from '../core/errors.ts';

/** A file found (with its size when it was read, so a reader of many files can bound what it holds), or why a path was not. */
export type WalkEntry = { path: string; size?: number } | { path: string; error: JikenboError };

/**
 * Yields every file under `paths`, depth first, names sorted by code point. Hidden files and
 * folders (a leading dot) are skipped inside folders but read when named directly. A path named
 * directly may be a symbolic link (the user chose it); a link found inside a folder is never
 * followed but reported by name, as a failure of its own: a notices folder unpacked from an archive
 * or cloned from a repository can hold a link to /etc/passwd or to /etc, which would otherwise be
 * archived and served to every reader.
 */
export async function* walkPaths(paths: string[]): AsyncGenerator<WalkEntry> {
  for (const path of paths) yield* walk(path, false);
}

/** `inside`: `path` was found in a folder, rather than named by the user. */
async function* walk(path: string, inside: boolean): AsyncGenerator<WalkEntry> {
  let info: Stats;
  try {
    info = inside ? await lstat(path) : await stat(path);
  } catch (err) {
    yield { path, error: unreadable(path, err) };
    return;
  }
  if (info.isSymbolicLink()) {
    yield { path, error: new JikenboError('bad_input', `${path}: a symbolic link inside a folder is not followed (name it directly to read what it points to)`, { subject: path }) };
    return;
  }
  if (info.isFile()) {
    yield { path, size: info.size };
    return;
  }
  if (!info.isDirectory()) {
    yield { path, error: new JikenboError('unsupported', `${path}: not a file or folder`, { subject: path }) };
    return;
  }

  let entries: Dirent[];
  try {
    entries = await readdir(path, { withFileTypes: true });
  } catch (err) {
    yield { path, error: unreadable(path, err) };
    return;
  }
  const names = entries
    .map((entry) => entry.name)
    .filter((name) => !name.startsWith('.'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // Without links followed inside, no folder can be met twice: there is no loop to watch for.
  for (const name of names) yield* walk(join(path, name), true);
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
