import type { MetricAccount, PortfolioScope } from '../data/portfolio-scope.js';
import { earliestSnapshotsBetween, latestRiskDetections, latestSnapshotsAt, riskDetections, snapshotSignals, type SnapshotSignal, type SnapshotState } from '../data/snapshots.loader.js';
import { completedTasks } from '../data/tasks.loader.js';
import { figure, type MetricFigure } from '../definitions/metric-figure.js';
import { atRiskSeverity, isAtRisk, RISK_SEVERITIES, severityRank, type RiskSeverity } from '../formulas/at-risk-severity.js';
import { isClientOn } from '../formulas/client-status.js';
import { DECLINE_LOOKBACK_DAYS, DECLINE_POINTS, isDeclining } from '../formulas/declining-score.js';
import { HEALTH_DISTRIBUTION_BANDS, healthDistributionBand, type HealthDistributionBand } from '../formulas/health-band.js';
import { ratio } from '../formulas/ratio.js';
import { MS_PER_DAY, startOfDay } from '../period/calendar.js';

export interface AtRiskAccount {
  account: MetricAccount;
  snapshot: SnapshotState;
  severity: RiskSeverity;
  /** The account's signals, most severe first. */
  signals: SnapshotSignal[];
  /** Start of the current at-risk episode (null if the history does not show one). */
  detectedAt: Date | null;
}

export interface RiskResult {
  /** Clients with a snapshot at the as-of instant. */
  scored: { account: MetricAccount; snapshot: SnapshotState }[];
  atRisk: AtRiskAccount[];
  declining: number;
}

/** Health of the segment's clients at the as-of instant: who is at risk, how badly, and whose score fell. */
export async function riskOf(scope: PortfolioScope): Promise<RiskResult> {
  const { em, tenantId, period } = scope;
  const snapshots = await scope.snapshots();
  const clients = (await scope.accounts()).filter((a) => isClientOn(a, period.asOfDay));
  const scored = clients.flatMap((account) => {
    const snapshot = snapshots.get(account.id);
    return snapshot ? [{ account, snapshot }] : [];
  });
  const risky = scored.filter((s) => isAtRisk(s.snapshot.band));
  const signals = risky.length ? await snapshotSignals(em, tenantId, risky.map((s) => s.snapshot.snapshotId)) : new Map<string, SnapshotSignal[]>();
  const detections = risky.length ? await latestRiskDetections(em, tenantId, period.asOf) : new Map<string, Date>();
  const atRisk = risky.map(({ account, snapshot }) => {
    const list = [...(signals.get(snapshot.snapshotId) ?? [])].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
    return { account, snapshot, signals: list, severity: atRiskSeverity(snapshot.band, list.map((s) => s.severity)), detectedAt: detections.get(account.id) ?? null };
  });

  // Declining: the score now against the score 90 days earlier (or the first one since, for accounts scored later).
  const lookback = new Date(period.asOf.getTime() - DECLINE_LOOKBACK_DAYS * MS_PER_DAY);
  const before = scored.length ? await latestSnapshotsAt(em, tenantId, lookback) : new Map<string, SnapshotState>();
  const needFirst = scored.some((s) => !before.has(s.account.id));
  const first = needFirst ? await earliestSnapshotsBetween(em, tenantId, lookback, period.asOf) : new Map<string, SnapshotState>();
  const declining = scored.filter((s) => {
    const baseline = before.get(s.account.id) ?? first.get(s.account.id);
    return baseline !== undefined && isDeclining(s.snapshot.score, baseline.score);
  }).length;
  return { scored, atRisk, declining };
}

export function riskFigures(r: RiskResult): MetricFigure[] {
  const bySeverity = severityCounts(r);
  return [
    figure('atRiskAccounts', r.atRisk.length, { ...Object.fromEntries(bySeverity.map((s) => [s.severity, s.accounts])), scoredClients: r.scored.length }),
    figure('decliningScoreShare', ratio(r.declining, r.scored.length), { declining: r.declining, scoredClients: r.scored.length, thresholdPoints: DECLINE_POINTS, lookbackDays: DECLINE_LOOKBACK_DAYS }),
  ];
}

/** At-risk accounts per severity (every severity, zeros included, most severe first). */
export function severityCounts(r: RiskResult): { severity: RiskSeverity; accounts: number }[] {
  return RISK_SEVERITIES.map((severity) => ({ severity, accounts: r.atRisk.filter((a) => a.severity === severity).length }));
}

/** Scored clients per score band. */
export function healthDistribution(r: RiskResult): { band: HealthDistributionBand; accounts: number }[] {
  return HEALTH_DISTRIBUTION_BANDS.map((band) => ({ band, accounts: r.scored.filter((s) => healthDistributionBand(s.snapshot.score) === band).length }));
}

export interface InterventionTiming {
  episodes: number;
  intervened: number;
  totalDays: number;
  meanDays: number | null;
}

/**
 * Time from risk detection to intervention over the episodes detected in the period: the first
 * recovery-play start or completed task on the account at or after the detection, up to as-of.
 */
export async function detectionToIntervention(scope: PortfolioScope): Promise<InterventionTiming> {
  const { em, tenantId, period } = scope;
  const from = startOfDay(period.from);
  const inScope = new Set((await scope.accounts()).map((a) => a.id));
  const episodes = (await riskDetections(em, tenantId, from, period.asOf)).filter((d) => inScope.has(d.accountId));
  if (!episodes.length) return { episodes: 0, intervened: 0, totalDays: 0, meanDays: null };
  const recoveryStarts = new Map<string, Date[]>();
  for (const play of await scope.plays(from)) {
    if (play.play !== 'recovery' || !inScope.has(play.accountId)) continue;
    recoveryStarts.set(play.accountId, [...(recoveryStarts.get(play.accountId) ?? []), play.startedAt]);
  }
  const tasks = await completedTasks(em, tenantId, [...new Set(episodes.map((e) => e.accountId))], from, period.asOf);
  let intervened = 0;
  let totalDays = 0;
  for (const episode of episodes) {
    const candidates = [...(recoveryStarts.get(episode.accountId) ?? []), ...(tasks.get(episode.accountId) ?? [])]
      .map((d) => d.getTime())
      .filter((t) => t >= episode.at.getTime() && t <= period.asOf.getTime());
    if (!candidates.length) continue;
    intervened++;
    totalDays += (Math.min(...candidates) - episode.at.getTime()) / MS_PER_DAY;
  }
  return { episodes: episodes.length, intervened, totalDays, meanDays: ratio(totalDays, intervened) };
}

export function interventionTimingFigure(t: InterventionTiming): MetricFigure {
  return figure('detectionToInterventionDays', t.meanDays, { episodes: t.episodes, intervened: t.intervened, notYetIntervened: t.episodes - t.intervened, totalDays: t.totalDays });
}
