import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../rules/defaults/project-root.js';

/** The platform's version (package.json): what plugin compatibility ranges are checked against. */
export function coreVersion(): string {
  return (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
