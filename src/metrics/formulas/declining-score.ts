/** A score this many points below its baseline counts as declining. */
export const DECLINE_POINTS = 10;
/** The baseline is the score this many days before the as-of instant. */
export const DECLINE_LOOKBACK_DAYS = 90;

/** Declining: the current score is at least DECLINE_POINTS below the baseline score. */
export function isDeclining(current: number, baseline: number, points = DECLINE_POINTS): boolean {
  return baseline - current >= points;
}
