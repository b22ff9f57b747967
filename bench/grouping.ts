// `npm run bench:grouping [-- --dir eval/grouping]`: pairwise precision and recall of incident grouping on the
// labelled set, with every wrong pair and the links that made it. A figure, never a failure.
import { parseArgs } from 'node:util';
import { GROUPING_DIR, describeGroupingScore, loadGroupingSet, scoreGroupingSet } from './grouping-set.ts';

const { values } = parseArgs({ options: { dir: { type: 'string' } } });
const dir = values.dir ?? GROUPING_DIR;
const { files } = loadGroupingSet(dir);
const score = scoreGroupingSet(dir);
for (const line of describeGroupingScore(score, (id) => files[id - 1]!)) console.log(line);
