// Run by sqlite-store.test.ts in a child process: starts an ingest and SIGKILLs itself halfway through it.

import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { NOTICES, makeDocument, makeNotice, makeRecord } from './fixtures.ts';

const path = process.argv[2];
if (!path) throw new Error('usage: kill-ingest-child.ts DB_PATH');

const store = await openSqliteStore(path);
const kept = NOTICES.hospital;
await store.ingestDocument(makeDocument(kept.text), [makeNotice(kept.text, kept.record)]);
const a = NOTICES.leak;
const b = NOTICES.lost;
// The store walks incident_types while writing each notice, so this array ends the process between
// the second notice's row and its types, after the first notice has been written in full.
const deadly = Object.assign([] as typeof b.record.incident_types, {
  forEach(): void {
    process.kill(process.pid, 'SIGKILL');
  },
});
const record = makeRecord({ ...b.record, incident_types: deadly });
process.stdout.write('ingesting\n');
await store.ingestDocument(makeDocument(`${a.text}\n${b.text}`), [makeNotice(a.text, a.record, 0), makeNotice(b.text, record, 1)]);
process.stdout.write('survived\n');
