// How a command opens the casebook --db names: an existing one only, unless the command makes casebooks
// (ingest, import, demo, init). A mistyped --db is then an error naming the path, never a new empty casebook.
import { openCasebook, resolveDbPath, type Casebook, type OpenOptions } from '../app/casebook.ts';

export function openCommandCasebook(db: string | undefined, options: OpenOptions = {}): Promise<Casebook> {
  return openCasebook(resolveDbPath(db), { ...options, create: options.create ?? false });
}
