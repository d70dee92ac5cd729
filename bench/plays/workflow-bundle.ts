/**
 * The worker loads the prebuilt dist/workflow-bundle.js when it exists, else runs webpack at
 * boot. Webpack inside the worker would inflate the very memory we measure, and a stale bundle
 * would run other code than workflows/, so: build it (as `./retention start` does) when it is
 * missing or older than any workflow source.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtimeMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

export function ensureWorkflowBundle(repoRoot: string): 'up to date' | 'built' {
  const bundle = join(repoRoot, 'dist/workflow-bundle.js');
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestMtimeMs(join(repoRoot, 'workflows'))) return 'up to date';
  execFileSync(process.execPath, [join(repoRoot, 'scripts/bundle-workflows.mjs')], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  return 'built';
}
