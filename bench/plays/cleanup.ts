/**
 * Everything the benchmark starts registers how to stop it here; `run()` stops it all in
 * reverse order exactly once, whether the run ended, failed, or was interrupted (Ctrl-C,
 * SIGTERM), so no dev server or worker outlives the benchmark.
 */
export class Cleanup {
  private readonly steps: { name: string; fn: () => Promise<unknown> }[] = [];
  private running?: Promise<string[]>;

  constructor() {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        process.stderr.write(`[plays-at-scale] ${signal}: stopping what was started\n`);
        void this.run().finally(() => process.exit(130));
      });
    }
  }

  add(name: string, fn: () => Promise<unknown>): void {
    this.steps.push({ name, fn });
  }

  /** Runs every step even if one fails; returns the failures' messages. */
  run(): Promise<string[]> {
    this.running ??= (async () => {
      const problems: string[] = [];
      for (const step of this.steps.reverse()) {
        try {
          await step.fn();
        } catch (error) {
          problems.push(`${step.name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      return problems;
    })();
    return this.running;
  }
}
