// The notice files of a generated corpus: everything in the folder but the expected records and the manifest.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const NOTICE = /\.(txt|html|pdf)$/;

export function corpusFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => NOTICE.test(f)).sort().map((f) => join(dir, f));
}
