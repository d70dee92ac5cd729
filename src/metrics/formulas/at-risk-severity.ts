export const RISK_SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type RiskSeverity = (typeof RISK_SEVERITIES)[number];

const RANK: Record<RiskSeverity, number> = { low: 0, medium: 1, high: 2, critical: 3 };

/** At risk = the health band is not 'healthy' (score below the intervention threshold, 60 by default). */
export function isAtRisk(band: string): boolean {
  return band !== 'healthy';
}

/**
 * Severity of an at-risk account: 'critical' in the critical band (below 40 by default);
 * otherwise the most severe of its current warning signals, 'low' when it has none.
 */
export function atRiskSeverity(band: string, signalSeverities: readonly string[]): RiskSeverity {
  if (band === 'critical') return 'critical';
  let worst: RiskSeverity = 'low';
  for (const s of signalSeverities) {
    if (s in RANK && RANK[s as RiskSeverity] > RANK[worst]) worst = s as RiskSeverity;
  }
  return worst;
}

export function severityRank(severity: string): number {
  return RANK[severity as RiskSeverity] ?? -1;
}
