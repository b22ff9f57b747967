// Child process of ingest-batch.test.ts: reads one file with a pool of its own, closes the pool and says
// so; nothing else holds the process open meanwhile.
import { DEFAULT_DECODE_LIMITS } from '../../src/sources/decode-limits.ts';
import { ReaderPool } from '../../src/app/ingest-pool.ts';

const pool = new ReaderPool(1);
const read = await pool.read(process.argv[2]!, { ...DEFAULT_DECODE_LIMITS });
await pool.close();
process.stdout.write(`closed after reading: ${read.ok}\n`);
