// The entry of a decoding process of ingest-pool.ts (run through bin/run-ts.js): loads the reader
// module it is named (ingest-worker.ts, or a test's) and serves the reads its parent sends.
const module = process.argv[2];
if (!module) throw new Error('usage: ingest-reader-main.ts READER_MODULE_URL');
const reader = (await import(module)) as { serveReads(): void };
reader.serveReads();
