#!/usr/bin/env node
// Runs a TypeScript entry point through tsx without a build step: node bin/run-ts.js FILE.ts [args...]
import { tsImport } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: run-ts.js FILE.ts [args...]');
  process.exit(2);
}
process.argv = [process.argv[0], resolve(entry), ...rest];
await tsImport(pathToFileURL(resolve(entry)).href, import.meta.url);
