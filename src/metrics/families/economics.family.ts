import type { AcquisitionCostView } from '../acquisition-costs/acquisition-costs.service.js';
import type { PortfolioScope } from '../data/portfolio-scope.js';
import { figure, type MetricFigure } from '../definitions/metric-figure.js';
import { isClientOn } from '../formulas/client-status.js';
import { clv } from '../formulas/client-lifetime-value.js';
import { paybackMonths } from '../formulas/payback-months.js';
import { programRoi } from '../formulas/program-roi.js';
import { ratio, sumMoney } from '../formulas/ratio.js';
import { startOfDay } from '../period/calendar.js';
import { inWindow, trailingYear } from '../period/metrics-period.js';

/**
 * Acquisition economics: CAC from the acquisition-cost entry covering the as-of day (firm-wide:
 * costs are entered for the whole firm), CLV and payback from the segment's clients' revenue in
 * the 12 months ending on the as-of day, and the retention program's ROI.
 */
export async function economicsFigures(scope: PortfolioScope, entry: AcquisitionCostView | null): Promise<MetricFigure[]> {
  const { period } = scope;
  const revenue12m = await scope.revenueIn(trailingYear(period));
  const accounts = await scope.accounts();
  const clients = accounts.filter((a) => isClientOn(a, period.asOfDay));
  const clientRevenue = sumMoney(clients.map((c) => revenue12m.get(c.id) ?? 0));
  const perClient = ratio(clientRevenue, clients.length);
  const note = entry ? `acquisition-cost entry ${entry.period} (${entry.periodStart} to ${entry.periodEnd})` : 'no acquisition-cost entry covers or precedes the as-of day';
  const cacValue = entry?.derived.acquisitionCost ?? null;
  const margin = entry?.grossMargin ?? null;
  const annualProfit = perClient === null || margin === null ? null : perClient * margin;

  const figures = [
    figure(
      'acquisitionCost',
      cacValue,
      {
        partnerHours: entry?.partnerHours ?? null,
        hourlyRate: entry?.hourlyRate ?? null,
        partnerCost: entry?.derived.partnerCost ?? null,
        marketingSpend: entry?.marketingSpend ?? null,
        proposalCosts: entry?.proposalCosts ?? null,
        otherCosts: entry?.otherCosts ?? null,
        totalCost: entry?.derived.totalCost ?? null,
        clientsWon: entry?.derived.effectiveClientsWon ?? null,
      },
      note,
    ),
    figure(
      'clientLifetimeValue',
      entry ? clv(perClient, entry.grossMargin, entry.expectedYears) : null,
      { averageAnnualRevenuePerClient: perClient, clients: clients.length, revenue12m: clientRevenue, grossMargin: margin, expectedYears: entry?.expectedYears ?? null },
      note,
    ),
    figure('paybackMonths', paybackMonths(cacValue, annualProfit), { acquisitionCost: cacValue, annualProfitPerClient: annualProfit, monthlyProfitPerClient: annualProfit === null ? null : annualProfit / 12 }, note),
  ];

  // ROI: accounts the program kept within the entry's period (recovered, or won back), valued at a year of gross profit.
  let kept: string[] = [];
  if (entry) {
    const window = { from: entry.periodStart, to: entry.periodEnd < period.asOfDay ? entry.periodEnd : period.asOfDay };
    const from = startOfDay(window.from);
    const inScope = new Set(accounts.map((a) => a.id));
    const recovered = (await scope.plays(from)).filter(
      (p) => p.play === 'recovery' && p.outcome === 'recovered' && inScope.has(p.accountId) && p.closedAt !== null && p.closedAt >= from && p.closedAt <= period.asOf,
    );
    const wonBack = accounts.filter((a) => inWindow(a.wonBackOn, window));
    kept = [...new Set([...recovered.map((p) => p.accountId), ...wonBack.map((a) => a.id)])];
  }
  const keptRevenue = sumMoney(kept.map((id) => revenue12m.get(id) ?? 0));
  const profitKept = margin === null ? 0 : keptRevenue * margin;
  figures.push(
    figure(
      'programRoi',
      programRoi(profitKept, entry?.retentionProgramCost ?? null),
      { accountsKept: kept.length, revenueKept12m: keptRevenue, grossMargin: margin, profitKept: margin === null ? null : profitKept, programCost: entry?.retentionProgramCost ?? null },
      note,
    ),
  );
  return figures;
}
