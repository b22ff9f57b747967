// Prints the functions with the most self time in a V8 .cpuprofile (from `npm run bench -- --profile`),
// so a missed target can name what limits it: node bin/run-ts.js bench/profile-top.ts FILE [N] [--total]
// --total: time with the function anywhere on the stack (its callees included) rather than its own.
// --from S / --to S: only the samples between S seconds and S seconds after the profile starts (one phase
// of a process that does several, as the bench worker measures its floor before the ingest).
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const inclusive = args.includes('--total');
const secondsAfter = (flag: string): number | undefined => {
  const at = args.indexOf(flag);
  if (at < 0) return undefined;
  const value = Number(args[at + 1]);
  if (!Number.isFinite(value)) throw new Error(`profile-top: ${flag} takes seconds, not ${JSON.stringify(args[at + 1])}`);
  args.splice(at, 2);
  return value * 1e6;
};
const from = secondsAfter('--from') ?? 0;
const to = secondsAfter('--to') ?? Infinity;
const [file, n = '25'] = args.filter((a) => a !== '--total');
if (!file) {
  console.error('usage: bench/profile-top.ts FILE.cpuprofile [N]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const keyOf = (node: ProfileNode) => {
  const url = node.callFrame.url.replace(/^file:\/\//, '').replace(/\?.*$/, '');
  return `${node.callFrame.functionName || '(anonymous)'} ${url ? relative(process.cwd(), url) : ''}:${node.callFrame.lineNumber + 1}`;
};
const self = new Map<string, number>();
let total = 0;
let elapsed = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  elapsed += dt;
  if (elapsed < from || elapsed > to) return;
  total += dt;
  if (!inclusive) {
    const key = keyOf(byId.get(id)!);
    self.set(key, (self.get(key) ?? 0) + dt);
    return;
  }
  // Each function once per sample, however often it recurs on the stack.
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) seen.add(keyOf(byId.get(at)!));
  for (const key of seen) self.set(key, (self.get(key) ?? 0) + dt);
});
console.log(`${(total / 1e6).toFixed(1)} s sampled; ${inclusive ? 'total (callees included)' : 'self'} time:`);
for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(n))) {
  console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1e6).toFixed(2).padStart(7)} s  ${key}`);
}
