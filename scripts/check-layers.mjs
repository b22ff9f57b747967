#!/usr/bin/env node
// The layer check: every import in src/ points down the layer order below (or stays in its own layer),
// no module imports itself through others (a cycle, which the order cannot see inside one layer), the
// pure layers import nothing of Node, and only the store holds a database driver. Prints one
// `file:line` per broken rule and exits 1; docs/architecture.md says why the order is what it is.
// (`npx madge --circular --extensions ts src` finds the same cycles; this needs nothing installed.)
//
//   node scripts/check-layers.mjs [ROOT]     (ROOT: a checkout, default this one; it reads ROOT/src)
//
// Imports are read with TypeScript's own pre-processor (static, dynamic, re-exports and type-only
// imports alike: a type import ties two layers as much as any other).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Lowest first: a layer may import its own and those before it, never one after it. */
export const LAYERS = ['core', 'i18n', 'extract', 'analyze', 'store', 'formats', 'sources', 'app', 'charts', 'report', 'server', 'cli'];

/** Layers that run anywhere (a browser, a worker): no `node:` modules. */
export const PURE = ['core', 'i18n', 'extract'];

/** Database drivers: only the store's engines import them. */
export const DRIVERS = ['better-sqlite3', 'pg'];
const DRIVER_LAYER = 'store';

function listSources(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSources(path));
    else if (/\.(?:ts|mts|js|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out.sort();
}

/** The layer of a path relative to src/ ('app/x.ts' → 'app'); null for a file outside every layer. */
function layerOf(pathInSrc) {
  const top = pathInSrc.split('/')[0];
  return LAYERS.includes(top) ? top : null;
}

function lineAt(text, pos) {
  let line = 1;
  for (let i = 0; i < pos; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Every broken rule among `files` ({ path: relative to src/, text }), in file and line order, then the
 * cycles. Each: { file, line, rule: 'layer' | 'pure' | 'driver' | 'cycle', message }.
 */
export function checkFiles(files) {
  const problems = [];
  const known = new Set(files.map((f) => f.path));
  /** path → [{ to, line }]: the imports of files of the list, for the cycle search. */
  const edges = new Map();
  for (const { path, text } of files) {
    edges.set(path, []);
    const from = layerOf(path);
    if (from === null) {
      problems.push({ file: path, line: 1, rule: 'layer', message: `src/${path} is in no layer (add its folder to LAYERS in scripts/check-layers.mjs)` });
      continue;
    }
    const { importedFiles } = ts.preProcessFile(text, true, true);
    for (const imported of importedFiles) {
      const spec = imported.fileName;
      const line = lineAt(text, imported.pos);
      if (spec.startsWith('.')) {
        const target = join(dirname(path), spec).split(sep).join('/');
        if (target.startsWith('../')) continue; // outside src/ (bin/build-stamp.mjs, package.json)
        const file = [target, target.replace(/\.js$/, '.ts'), `${target}.ts`, `${target}/index.ts`].find((f) => known.has(f));
        if (file) edges.get(path).push({ to: file, line });
        const to = layerOf(target);
        if (to === null) continue;
        if (LAYERS.indexOf(to) > LAYERS.indexOf(from)) {
          problems.push({ file: path, line, rule: 'layer', message: `${from} imports ${to} ('${spec}'): ${to} is above ${from}` });
        }
      } else if (spec.startsWith('node:') && PURE.includes(from)) {
        problems.push({ file: path, line, rule: 'pure', message: `${from} is pure but imports '${spec}'` });
      } else if (DRIVERS.includes(spec.split('/')[0]) && from !== DRIVER_LAYER) {
        problems.push({ file: path, line, rule: 'driver', message: `${from} imports the database driver '${spec}': only ${DRIVER_LAYER}/ may` });
      }
    }
  }
  return [...problems, ...findCycles(edges)];
}

/**
 * Each import cycle once, as the import that closes it (file:line) and the files around it: a depth-first
 * search that reports every back edge (a file importing one still open on the path to it).
 */
function findCycles(edges) {
  const problems = [];
  const state = new Map(); // path → 'open' | 'done'
  const stack = [];
  const visit = (path) => {
    state.set(path, 'open');
    stack.push(path);
    for (const { to, line } of edges.get(path) ?? []) {
      if (state.get(to) === 'open') {
        const ring = [...stack.slice(stack.indexOf(to)), to];
        problems.push({ file: path, line, rule: 'cycle', message: `import cycle: ${ring.join(' > ')}` });
      } else if (!state.has(to)) visit(to);
    }
    stack.pop();
    state.set(path, 'done');
  };
  for (const path of [...edges.keys()].sort()) if (!state.has(path)) visit(path);
  return problems;
}

/** Checks ROOT/src; the problems with `file` relative to ROOT. */
export function checkLayers(root) {
  const src = join(root, 'src');
  const files = listSources(src).map((p) => ({ path: relative(src, p).split(sep).join('/'), text: readFileSync(p, 'utf8') }));
  return checkFiles(files).map((p) => ({ ...p, file: `src/${p.file}` }));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  const problems = checkLayers(root);
  for (const p of problems) process.stderr.write(`${p.file}:${p.line}: ${p.message}\n`);
  if (problems.length > 0) {
    process.stderr.write(`${problems.length} import(s) break the layer order ${LAYERS.join(' < ')} or close a cycle (docs/architecture.md)\n`);
    process.exit(1);
  }
  process.stdout.write(`layers ok: ${LAYERS.join(' < ')}; no import cycles\n`);
}
