#!/usr/bin/env node
// Prebuilds the workflow bundle for production: the worker loads dist/workflow-bundle.js
// (workflowBundle.codePath) instead of running webpack at every boot. Bundles straight
// from workflows/index.ts (the SDK's bundler transpiles TS itself), so no tsc step first.
// Usage: node scripts/bundle-workflows.mjs [outFile]   (default dist/workflow-bundle.js)
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outFile = resolve(process.argv[2] ?? resolve(root, 'dist', 'workflow-bundle.js'));

const started = performance.now();
const { code } = await bundleWorkflowCode({
  workflowsPath: resolve(root, 'workflows', 'index.ts'),
  logger: new DefaultLogger('WARN'), // webpack's module list at INFO is noise; errors still print
});
await mkdir(dirname(outFile), { recursive: true });
// Write-then-rename: a worker starting concurrently never sees a half-written bundle.
await writeFile(`${outFile}.tmp`, code);
await rename(`${outFile}.tmp`, outFile);
const kb = Math.round(Buffer.byteLength(code) / 1024);
console.error(`workflow bundle: ${outFile} (${kb} KiB) in ${Math.round(performance.now() - started)} ms`);
