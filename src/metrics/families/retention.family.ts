import type { MetricAccount, PortfolioScope } from '../data/portfolio-scope.js';
import { figure, type MetricFigure } from '../definitions/metric-figure.js';
import { isClientOn } from '../formulas/client-status.js';
import { logoRetention } from '../formulas/logo-retention.js';
import { newClientsToStayFlat } from '../formulas/new-clients-needed.js';
import { grossRevenueRetention, netRevenueRetention, type RevenuePair } from '../formulas/revenue-retention.js';
import { trendPeriods, type DayWindow, type MetricsPeriod } from '../period/metrics-period.js';

/** Logo and revenue retention of one set of accounts over one period, with every count behind them. */
export interface RetentionResult {
  clientsAtStart: number;
  clientsAtEnd: number;
  newClients: number;
  retainedClients: number;
  lostClients: number;
  logoRetention: number | null;
  cohortRevenuePrevious: number;
  cohortRevenueCurrent: number;
  cohortRevenueKept: number;
  grossRevenueRetention: number | null;
  netRevenueRetention: number | null;
}

/**
 * Pure: clients at start = clients at the end of the day before the period; at end = on the
 * as-of day; new = at end but not at start (first-time and won back); the revenue cohort is the
 * clients at start, compared on their revenue this period and in the previous one.
 */
export function computeRetention(
  accounts: readonly MetricAccount[],
  period: Pick<MetricsPeriod, 'startDay' | 'asOfDay'>,
  current: ReadonlyMap<string, number>,
  previous: ReadonlyMap<string, number>,
): RetentionResult {
  let clientsAtStart = 0;
  let clientsAtEnd = 0;
  let retainedClients = 0;
  const cohort: RevenuePair[] = [];
  for (const a of accounts) {
    const atStart = isClientOn(a, period.startDay);
    const atEnd = isClientOn(a, period.asOfDay);
    if (atStart) {
      clientsAtStart++;
      cohort.push({ previous: previous.get(a.id) ?? 0, current: current.get(a.id) ?? 0 });
    }
    if (atEnd) clientsAtEnd++;
    if (atStart && atEnd) retainedClients++;
  }
  const newClients = clientsAtEnd - retainedClients;
  const sum = (pick: (p: RevenuePair) => number) => Math.round(cohort.reduce((s, p) => s + pick(p), 0) * 100) / 100;
  return {
    clientsAtStart,
    clientsAtEnd,
    newClients,
    retainedClients,
    lostClients: clientsAtStart - retainedClients,
    logoRetention: logoRetention(clientsAtStart, clientsAtEnd, newClients),
    cohortRevenuePrevious: sum((p) => p.previous),
    cohortRevenueCurrent: sum((p) => p.current),
    cohortRevenueKept: sum((p) => Math.min(p.previous, p.current)),
    grossRevenueRetention: grossRevenueRetention(cohort),
    netRevenueRetention: netRevenueRetention(cohort),
  };
}

/** Retention of the scope's accounts (or a subset) over a period, revenue loaded through the scope. */
export async function retentionOver(scope: PortfolioScope, period: MetricsPeriod, accounts?: readonly MetricAccount[]): Promise<RetentionResult> {
  scope.prefetchRevenue([period.current, period.previous]);
  const [current, previous] = [await scope.revenueIn(period.current), await scope.revenueIn(period.previous)];
  return computeRetention(accounts ?? (await scope.accounts()), period, current, previous);
}

export function retentionFigures(r: RetentionResult): MetricFigure[] {
  return [
    figure('logoRetention', r.logoRetention, { clientsAtStart: r.clientsAtStart, clientsAtEnd: r.clientsAtEnd, newClients: r.newClients, retainedClients: r.retainedClients, lostClients: r.lostClients }),
    figure('grossRevenueRetention', r.grossRevenueRetention, { cohortClients: r.clientsAtStart, revenueKept: r.cohortRevenueKept, revenuePreviousPeriod: r.cohortRevenuePrevious }),
    figure('netRevenueRetention', r.netRevenueRetention, { cohortClients: r.clientsAtStart, revenueThisPeriod: r.cohortRevenueCurrent, revenuePreviousPeriod: r.cohortRevenuePrevious }),
    figure('newClientsNeeded', newClientsToStayFlat(r.clientsAtStart, r.logoRetention), { clientsAtStart: r.clientsAtStart, logoRetention: r.logoRetention }),
  ];
}

export interface RetentionTrendPoint {
  month: string;
  logoRetention: number | null;
  grossRevenueRetention: number | null;
  netRevenueRetention: number | null;
  clientsAtStart: number;
  clientsAtEnd: number;
  newClients: number;
}

/** The rolling-12 retention at each of the 12 month ends ending at the request's as-of day (one revenue scan). */
export async function retentionTrend(scope: PortfolioScope): Promise<RetentionTrendPoint[]> {
  const points = trendPeriods(scope.period.asOfDay, scope.period.asOf);
  scope.prefetchRevenue(points.flatMap(({ period }): DayWindow[] => [period.current, period.previous]));
  const accounts = await scope.accounts();
  const result: RetentionTrendPoint[] = [];
  for (const { month, period } of points) {
    const r = await retentionOver(scope, period, accounts);
    result.push({
      month,
      logoRetention: round6(r.logoRetention),
      grossRevenueRetention: round6(r.grossRevenueRetention),
      netRevenueRetention: round6(r.netRevenueRetention),
      clientsAtStart: r.clientsAtStart,
      clientsAtEnd: r.clientsAtEnd,
      newClients: r.newClients,
    });
  }
  return result;
}

function round6(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1e6) / 1e6;
}
