// The one check every writer of files under a folder goes through: a name becomes a path inside that folder, or an error.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { JikenboError } from '../core/errors.ts';

/**
 * `dir/name`, resolved, once it is certain to lie directly under `dir`: `name` is one path segment
 * (no `/`, `\`, NUL or control character, not `.` or `..`, not empty). Names made by jikenbo pass;
 * anything else means a name came from data it should not have come from, so it is refused, not cleaned.
 */
export function pathUnder(dir: string, name: string): string {
  const refuse = (why: string) =>
    new JikenboError('bad_input', `${JSON.stringify(name)}: ${why}; refused to write outside ${dir}`, { subject: name });
  if (name === '' || name === '.' || name === '..') throw refuse('not a file name');
  if (/[/\\\u0000-\u001f\u007f]/.test(name)) throw refuse('a file name holds no separators or control characters');
  const folder = resolve(dir);
  const path = resolve(folder, name);
  const rel = relative(folder, path);
  if (rel === '' || isAbsolute(rel) || rel.startsWith(`..${sep}`) || rel === '..' || rel.includes(sep)) throw refuse('not directly inside the folder');
  return path;
}
