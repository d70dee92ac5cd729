import type { MetricAccount, PortfolioScope } from '../data/portfolio-scope.js';
import { figure, type MetricFigure } from '../definitions/metric-figure.js';
import { ratio, sumMoney } from '../formulas/ratio.js';
import { TENURE_BANDS, tenureBand, tenureYears, type TenureBand } from '../formulas/tenure.js';
import { inWindow } from '../period/metrics-period.js';

export interface ChurnedAccount {
  account: MetricAccount;
  reason: string;
  /** Revenue in the 12 months up to the churn day. */
  revenueLost: number;
  tenureYears: number;
  tenureBand: TenureBand;
}

export interface ChurnResult {
  churned: ChurnedAccount[];
  wonBack: MetricAccount[];
}

/** Accounts of the segment that churned in the period (won back since or not), and those won back in it. */
export async function churnOf(scope: PortfolioScope): Promise<ChurnResult> {
  const accounts = await scope.accounts();
  const window = scope.period.current;
  const leaving = accounts.filter((a) => inWindow(a.lostOn, window));
  const values = leaving.length ? await scope.valuesAtChurn() : new Map();
  return {
    churned: leaving.map((account) => {
      const years = tenureYears(account.clientSince, account.lostOn!);
      return { account, reason: account.churnReason ?? 'other', revenueLost: values.get(account.id)?.revenue12m ?? 0, tenureYears: years, tenureBand: tenureBand(years) };
    }),
    wonBack: accounts.filter((a) => inWindow(a.wonBackOn, window)),
  };
}

export function churnFigures(c: ChurnResult): MetricFigure[] {
  const revenueLost = sumMoney(c.churned.map((x) => x.revenueLost));
  return [
    figure('churnedClients', c.churned.length, { churnedClients: c.churned.length, wonBackSince: c.churned.filter((x) => x.account.wonBackOn !== null).length }),
    figure('churnedRevenue', revenueLost, { churnedClients: c.churned.length }),
    figure('winBackRate', ratio(c.wonBack.length, c.churned.length), { wonBack: c.wonBack.length, churned: c.churned.length }),
  ];
}

/** Churned accounts and their revenue per reason, most accounts first (then most revenue). */
export function churnReasons(c: ChurnResult): { reason: string; accounts: number; revenue: number }[] {
  const by = new Map<string, { reason: string; accounts: number; revenue: number }>();
  for (const x of c.churned) {
    const entry = by.get(x.reason) ?? { reason: x.reason, accounts: 0, revenue: 0 };
    entry.accounts++;
    entry.revenue = sumMoney([entry.revenue, x.revenueLost]);
    by.set(x.reason, entry);
  }
  return [...by.values()].sort((a, b) => b.accounts - a.accounts || b.revenue - a.revenue || a.reason.localeCompare(b.reason));
}

/** Churned accounts per tenure band at churn (every band, zeros included). */
export function churnByTenure(c: ChurnResult): { band: TenureBand; accounts: number; revenue: number }[] {
  return TENURE_BANDS.map((band) => {
    const inBand = c.churned.filter((x) => x.tenureBand === band);
    return { band, accounts: inBand.length, revenue: sumMoney(inBand.map((x) => x.revenueLost)) };
  });
}
