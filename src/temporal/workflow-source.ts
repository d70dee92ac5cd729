// Decides where the worker gets workflow code from. Production ships a prebuilt bundle
// (scripts/bundle-workflows.mjs → dist/workflow-bundle.js): no webpack at boot, and the
// exact code that was tested/replayed is what runs. Otherwise bundle at startup.
import { existsSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type WorkflowSource =
  | { kind: 'bundle'; workflowBundle: { codePath: string } }
  | { kind: 'path'; workflowsPath: string };

/**
 * Resolved relative to this module so it works both compiled (dist/src/temporal →
 * dist/workflow-bundle.js, dist/workflows/index.js) and from source under vitest
 * (src/temporal → workflows/index.ts). A bundle is only picked up by a compiled run:
 * a stale dist/ must never shadow live sources in development.
 */
export function resolveWorkflowSource(moduleUrl: string = import.meta.url): WorkflowSource {
  const here = dirname(fileURLToPath(moduleUrl));
  const root = resolve(here, '..', '..'); // dist/ when compiled, the repo root from source
  const ext = extname(fileURLToPath(moduleUrl)) === '.ts' ? '.ts' : '.js';
  const bundle = join(root, 'workflow-bundle.js');
  if (ext === '.js' && existsSync(bundle)) {
    return { kind: 'bundle', workflowBundle: { codePath: bundle } };
  }
  return { kind: 'path', workflowsPath: join(root, 'workflows', `index${ext}`) };
}
