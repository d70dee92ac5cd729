import type { ScorePoint } from '../scoring/score-history.js';

const DAY = 86_400_000;

/** Current score minus the newest score at least 30 days old (null when the history is younger). */
export function scoreChange30d(score: number, recent: readonly ScorePoint[], now: Date): number | null {
  const cutoff = now.getTime() - 30 * DAY;
  let anchor: ScorePoint | undefined;
  for (const point of recent) if (Date.parse(point.at) <= cutoff && (!anchor || point.at > anchor.at)) anchor = point;
  return anchor ? score - anchor.score : null;
}
