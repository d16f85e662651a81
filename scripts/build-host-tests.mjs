#!/usr/bin/env node
// Compiles the VS Code host tests (test/host/**/*.ts) one-to-one to dist/test/host/ — CommonJS for
// Node 20, not bundled: `vscode` is provided by the extension host at run time and `mocha` (and
// anything else imported) is resolved from node_modules when the host requires the files.
// The workspace fixtures under test/host/workspace are data, not compiled.
//   node scripts/build-host-tests.mjs
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(repo, 'test/host');
const outdir = path.join(repo, 'dist/test/host');

const entryPoints = readdirSync(src, { recursive: true })
  .map((f) => f.split(path.sep).join('/'))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.startsWith('workspace/'))
  .map((f) => path.join(src, f));

rmSync(outdir, { recursive: true, force: true }); // no stale compiled tests from deleted files
await esbuild.build({
  entryPoints,
  outbase: src,
  outdir,
  bundle: false,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline', // stack traces of failures point at the .ts lines
  logLevel: 'warning',
});
console.log(`built ${entryPoints.length} host test files -> ${path.relative(repo, outdir)}`);
