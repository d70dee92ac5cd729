import { daysBetween, round } from '../../../src/plugin-api/index.js';

/**
 * Engagement continuity, computed in memory from an account's engagement rows (pure, so the
 * definitions can be tested exactly). Dates are 'YYYY-MM-DD'.
 */
export interface EngagementSpan {
  startDate: string;
  plannedEndDate: string;
  actualEndDate: string | null;
  status: string;
}

/** A follow-on must start no later than this many days after the engagement ended. */
export const FOLLOW_ON_WINDOW_DAYS = 180;
/** Work won in the final stretch of a project (starting up to this many days before its end) is its follow-on too. */
export const FOLLOW_ON_LEAD_DAYS = 90;
/** Re-engagement is measured over engagements that ended in the last three years. */
export const REENGAGEMENT_LOOKBACK_DAYS = 3 * 365;

/** Cancelled without a recorded end: it never started (the core reads it the same way). */
const neverStarted = (e: EngagementSpan) => e.status === 'cancelled' && e.actualEndDate === null;

/** Running at asOf: started and either not yet at its actual end, or open (active/on hold) without one. Same as core `activeEngagements`. */
export function isRunning(e: EngagementSpan, asOfDate: string): boolean {
  if (e.startDate > asOfDate) return false;
  return e.actualEndDate !== null ? e.actualEndDate > asOfDate : e.status === 'active' || e.status === 'on_hold';
}

/**
 * The day an engagement ended, when it ended on or before asOf: its actual end, or (closed without
 * a recorded end) its planned end. Null while running, not yet started, or never started.
 */
export function endOf(e: EngagementSpan, asOfDate: string): string | null {
  if (neverStarted(e) || e.status === 'planned' || e.startDate > asOfDate) return null;
  if (e.actualEndDate !== null) return e.actualEndDate <= asOfDate ? e.actualEndDate : null;
  return e.status === 'completed' && e.plannedEndDate <= asOfDate ? e.plannedEndDate : null;
}

/** Won but not started at asOf: status planned, or a start date after asOf (cancelled work excluded). */
export function isUpcoming(e: EngagementSpan, asOfDate: string): boolean {
  if (e.status === 'cancelled') return false;
  return e.status === 'planned' || e.startDate > asOfDate;
}

export interface Continuity {
  /** Days since the last engagement ended while none runs; null while engaged or without any ended engagement. */
  gapDays: number | null;
  /** The day the last engagement ended, when in a gap (the gap starts the day after). */
  gapSince: string | null;
  nextEngagementPlanned: boolean;
  /** Engagements that ended in the last three years (including those whose follow-on window is still open). */
  ended3y: number;
  /** The re-engagement rate's denominator: ended in three years and either followed, or their follow-on window (180 days after the end) has passed. */
  sample3y: number;
  /** Of those, followed by another engagement. */
  followed3y: number;
  /** followed3y / sample3y x 100, one decimal; null when sample3y is 0. */
  reengagementRatePct: number | null;
}

/**
 * A follow-on of E is another engagement that was won (running, ended, or upcoming; not cancelled
 * before starting) and started after E started, at most FOLLOW_ON_LEAD_DAYS before E's end and at
 * most FOLLOW_ON_WINDOW_DAYS after it. Parallel streams that began early in E do not count: they
 * were not the next engagement.
 */
export function continuityOf(engagements: readonly EngagementSpan[], asOfDate: string): Continuity {
  const won = engagements.filter((e) => !neverStarted(e));
  const ends = won.map((e) => ({ e, end: endOf(e, asOfDate) }));
  const running = won.some((e) => isRunning(e, asOfDate));
  const lastEnd = ends.reduce<string | null>((max, { end }) => (end !== null && (max === null || end > max) ? end : max), null);
  const inGap = !running && lastEnd !== null;

  let ended3y = 0;
  let sample3y = 0;
  let followed3y = 0;
  for (const { e, end } of ends) {
    if (end === null) continue;
    const ago = daysBetween(end, asOfDate);
    if (ago >= REENGAGEMENT_LOOKBACK_DAYS) continue;
    ended3y += 1;
    const followed = won.some((f) => {
      if (f === e || f.startDate <= e.startDate) return false;
      const offset = daysBetween(end, f.startDate);
      return offset >= -FOLLOW_ON_LEAD_DAYS && offset <= FOLLOW_ON_WINDOW_DAYS;
    });
    if (followed) {
      followed3y += 1;
      sample3y += 1;
    } else if (ago > FOLLOW_ON_WINDOW_DAYS) {
      // The window (through day 180 after the end) has closed without a follow-on.
      sample3y += 1;
    }
  }
  return {
    gapDays: inGap ? daysBetween(lastEnd!, asOfDate) : null,
    gapSince: inGap ? lastEnd : null,
    nextEngagementPlanned: won.some((e) => isUpcoming(e, asOfDate)),
    ended3y,
    sample3y,
    followed3y,
    reengagementRatePct: sample3y > 0 ? round((followed3y / sample3y) * 100, 1) : null,
  };
}
