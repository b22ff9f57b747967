// tsx's API as an ES module URL, for a worker thread that starts without vitest's transform and loads
// TypeScript through tsx's tsImport. require.resolve finds the CommonJS build; the ES module sits beside it.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export const TSX_API = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
