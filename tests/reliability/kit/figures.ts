// Each reliability suite records what it did (faults injected, inputs tried, failures seen) in
// tests/artifacts/reliability/<suite>.json, so the figures in RELIABILITY.md can be reproduced.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIGURES_DIR = join('tests', 'artifacts', 'reliability');

export interface SuiteFigures {
  suite: string;
  /** What the suite ran on (dialect, server versions…). */
  variant?: string;
  seed?: number;
  faultsInjected: Record<string, number>;
  inputsTried: Record<string, number>;
  /** Failures the system showed under the faults (must be zero for the suite to pass). */
  failuresFound: Record<string, number>;
  /** Anything else worth reporting (recovery times, retries the client needed…). */
  observations?: Record<string, unknown>;
}

/** Writes the figures (one file per suite and variant) and returns the path. */
export function writeFigures(figures: SuiteFigures): string {
  mkdirSync(FIGURES_DIR, { recursive: true });
  const name = figures.variant ? `${figures.suite}.${figures.variant}` : figures.suite;
  const path = join(FIGURES_DIR, `${name}.json`);
  writeFileSync(path, `${JSON.stringify({ ...figures, finishedAt: new Date().toISOString() }, null, 2)}\n`);
  console.log(`[reliability] ${name}: ${JSON.stringify({ faults: figures.faultsInjected, inputs: figures.inputsTried, failures: figures.failuresFound })}`);
  return path;
}
