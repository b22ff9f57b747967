// The entry of a decoding process of ingest-pool.ts (compiled to dist/reader.js, or run from source
// through bin/run-ts.js): serves the reads its parent sends with ingest-worker.ts, or with the reader
// module it is named (a test's that misbehaves).
const module = process.argv[2];
const reader = (module === undefined ? await import('./ingest-worker.ts') : await import(module)) as { serveReads(): void };
reader.serveReads();
