import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes a hostile-input test's figures (inputs tried, outcomes, seed) to tests/artifacts/fuzz/, for RELIABILITY.md. */
export function recordFigures(name: string, figures: Record<string, unknown>): void {
  const dir = join('tests', 'artifacts', 'fuzz');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify({ test: name, finishedAt: new Date().toISOString(), ...figures }, null, 2)}\n`);
}
