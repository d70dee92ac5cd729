import { addDays, addMonths, dayOf, endOfDay, monthEnd, monthStart, quarterStart } from './calendar.js';

export const PERIOD_KINDS = ['month', 'quarter', 'year', 'rolling12'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** Inclusive range of ISO days. */
export interface DayWindow {
  from: string;
  to: string;
}

export interface MetricsPeriod {
  kind: PeriodKind;
  /** Calendar bounds of the period (inclusive days). */
  from: string;
  to: string;
  /**
   * The instant point-in-time figures (clients at end, at-risk, coverage) are taken at: the end
   * of `to`, or now when the period is still running (a future day has no data yet).
   */
  asOf: Date;
  asOfDay: string;
  /** Clients "at period start" are the clients at the end of this day (the day before `from`). */
  startDay: string;
  /** The period up to the as-of day: flows (revenue, churn, new clients) are counted here. */
  current: DayWindow;
  /** The period of the same kind just before (revenue retention's base). */
  previous: DayWindow;
}

function bounds(kind: PeriodKind, at: string): DayWindow {
  switch (kind) {
    case 'month':
      return { from: monthStart(at), to: monthEnd(at) };
    case 'quarter': {
      const from = quarterStart(at);
      return { from, to: addDays(addMonths(from, 3), -1) };
    }
    case 'year':
      return { from: `${at.slice(0, 4)}-01-01`, to: `${at.slice(0, 4)}-12-31` };
    case 'rolling12':
      // The 12 months ending at `at`: (at − 12 months, at].
      return { from: addDays(addMonths(at, -12), 1), to: at };
  }
}

/** The period of the same kind ending the day before `from`. */
function previousOf(kind: PeriodKind, window: DayWindow): DayWindow {
  return bounds(kind, addDays(window.from, -1));
}

/** Resolves `period` + `at` into the windows every metric uses. `now` clamps the as-of instant. */
export function resolvePeriod(kind: PeriodKind, at: string, now: Date): MetricsPeriod {
  const { from, to } = bounds(kind, at);
  const end = endOfDay(to);
  const asOf = end.getTime() <= now.getTime() ? end : now;
  const asOfDay = dayOf(asOf);
  return {
    kind,
    from,
    to,
    asOf,
    asOfDay,
    startDay: addDays(from, -1),
    current: { from, to: asOfDay < to ? asOfDay : to },
    previous: previousOf(kind, { from, to }),
  };
}

/**
 * The rolling-12 periods at each of the 12 month ends ending at `at` (oldest first); the last
 * one ends at `at` itself, so it equals the rolling12 figures for `at`.
 */
export function trendPeriods(at: string, now: Date): { month: string; period: MetricsPeriod }[] {
  const points: { month: string; period: MetricsPeriod }[] = [];
  for (let back = 11; back >= 0; back--) {
    const monthDay = addMonths(monthStart(at), -back);
    const end = back === 0 ? at : monthEnd(monthDay);
    points.push({ month: monthDay.slice(0, 7), period: resolvePeriod('rolling12', end, now) });
  }
  return points;
}

export function windowKey(window: DayWindow): string {
  return `${window.from}..${window.to}`;
}

export function inWindow(day: string | null, window: DayWindow): boolean {
  return day !== null && day >= window.from && day <= window.to;
}

/** The 12 months ending on the as-of day: CLV's and ROI's annual revenue. */
export function trailingYear(period: MetricsPeriod): DayWindow {
  return resolvePeriod('rolling12', period.asOfDay, period.asOf).current;
}
