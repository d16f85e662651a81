// Bundles the CLI, the VS Code extension and the summary webview with esbuild.
// `node esbuild.mjs --production` minifies; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  // Without comments and indentation a bundle is a third smaller and plain ASCII (luxon's and our
  // comments hold a few non-ASCII characters, which made V8 keep the whole source as two-byte
  // text): about 10 MiB less per batch audit with two threads. Names stay, for stack traces.
  minifyWhitespace: true,
  logLevel: 'warning',
  // jsonc-parser's UMD entry hides its requires from bundlers; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  // ESM dependencies (fdir, under tinyglobby) call createRequire(import.meta.url), which CommonJS
  // output has no value for: give it the bundle's own URL.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

const builds = [
  // The CLI must not reach `vscode`: with no external for it, any such import fails the build.
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
  },
  // The audit pool's worker threads (src/node/auditPool.ts) load this beside the CLI and extension.
  { ...common, entryPoints: ['src/node/auditWorker.ts'], outfile: 'dist/auditWorker.js' },
];
if (existsSync('src/vscode/extension.ts')) {
  builds.push({
    ...common,
    entryPoints: ['src/vscode/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
  });
}

// The summary webview runs in the browser sandbox of a VS Code webview: one script, one stylesheet.
builds.push({
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'chrome120',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  entryPoints: [
    { in: 'webview/summary/main.ts', out: 'summary' },
    { in: 'webview/summary/summary.css', out: 'summary' },
    { in: 'webview/review/main.ts', out: 'review' },
    { in: 'webview/review/review.css', out: 'review' },
  ],
  outdir: 'dist/webview',
});

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
