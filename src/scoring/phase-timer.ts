/** Where a rescoring's time went, per phase (ms, summed over chunks): logged, returned, benchmarked. */
export type RescorePhase = 'facts' | 'previous' | 'evaluate' | 'write' | 'escalate';

export class PhaseTimer {
  private readonly totals: Record<RescorePhase, number> = { facts: 0, previous: 0, evaluate: 0, write: 0, escalate: 0 };

  /** Runs `work`, adding its wall time to `phase`. */
  async time<T>(phase: RescorePhase, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.totals[phase] += performance.now() - started;
    }
  }

  rounded(): Record<RescorePhase, number> {
    return Object.fromEntries(Object.entries(this.totals).map(([k, v]) => [k, Math.round(v)])) as Record<RescorePhase, number>;
  }
}
