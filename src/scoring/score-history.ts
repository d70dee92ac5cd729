import type { AccountHealth } from './account-health.entity.js';
import type { ScoreHistory } from './evaluation.js';

const DAY = 86_400_000;

export interface ScorePoint {
  at: string;
  score: number;
}

/** History for evaluation from the account's current health row (no history query needed). */
export function historyFrom(health: (Pick<AccountHealth, 'score' | 'tier' | 'tierBelowSince' | 'protocols' | 'computedAt'> & { recentScores: ScorePoint[] }) | undefined, asOf: Date): ScoreHistory {
  if (!health) return { recent: [] };
  const cutoff = asOf.getTime() - 30 * DAY;
  const points = health.recentScores.map((p) => ({ at: new Date(p.at), score: p.score })).filter((p) => p.at.getTime() <= asOf.getTime());
  const older = points.filter((p) => p.at.getTime() <= cutoff);
  return {
    previous: { score: health.score, tier: health.tier, tierBelowSince: health.tierBelowSince ?? null, protocols: health.protocols, computedAt: health.computedAt },
    recent: points.filter((p) => p.at.getTime() > cutoff),
    ...(older.length ? { score30DaysAgo: older[older.length - 1].score } : {}),
  };
}

/** Keeps the score points of the last 45 days plus the newest one older than 30 days. */
export function appendScore(points: ScorePoint[], at: Date, score: number): ScorePoint[] {
  const all = [...points, { at: at.toISOString(), score }].sort((a, b) => a.at.localeCompare(b.at));
  const keepFrom = at.getTime() - 45 * DAY;
  const anchor = [...all].reverse().find((p) => Date.parse(p.at) <= at.getTime() - 30 * DAY);
  return all.filter((p) => Date.parse(p.at) > keepFrom || p === anchor);
}
