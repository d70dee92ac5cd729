import type { MetricAccount, PortfolioScope } from '../data/portfolio-scope.js';
import { figure, type MetricFigure } from '../definitions/metric-figure.js';
import { isClientOn } from '../formulas/client-status.js';
import { topShare } from '../formulas/concentration.js';
import { ratio, sumMoney } from '../formulas/ratio.js';
import { tenureYears } from '../formulas/tenure.js';
import { TIERS, type Tier } from '../formulas/tier-band.js';

/** Who the clients are and where the revenue comes from, on the as-of day and over the period. */
export interface PortfolioResult {
  clients: MetricAccount[];
  /** Period revenue of every account of the segment that had any (lost clients included: they paid in the period). */
  revenue: { account: MetricAccount; revenue: number }[];
  totalRevenue: number;
}

export async function portfolioOf(scope: PortfolioScope): Promise<PortfolioResult> {
  const accounts = await scope.accounts();
  const byAccount = await scope.revenueIn(scope.period.current);
  const revenue = accounts.map((account) => ({ account, revenue: byAccount.get(account.id) ?? 0 })).filter((r) => r.revenue > 0);
  return {
    clients: accounts.filter((a) => isClientOn(a, scope.period.asOfDay)),
    revenue,
    totalRevenue: sumMoney(revenue.map((r) => r.revenue)),
  };
}

export function portfolioFigures(p: PortfolioResult, asOfDay: string): MetricFigure[] {
  const top = topShare(p.revenue.map((r) => r.revenue), 10);
  const strategic = sumMoney(p.revenue.filter((r) => r.account.tier >= 3).map((r) => r.revenue));
  const tenures = p.clients.map((c) => tenureYears(c.clientSince, asOfDay));
  const totalTenure = tenures.reduce((s, t) => s + t, 0);
  return [
    figure('clients', p.clients.length, { clients: p.clients.length }),
    figure('periodRevenue', p.totalRevenue, { accountsWithRevenue: p.revenue.length }),
    figure('topTenConcentration', top.share, { top10Revenue: top.topRevenue, totalRevenue: top.totalRevenue, accountsWithRevenue: p.revenue.length }),
    figure('strategicRevenueShare', ratio(strategic, p.totalRevenue), { tier3And4Revenue: strategic, totalRevenue: p.totalRevenue }),
    figure('averageTenure', ratio(totalTenure, tenures.length), { clients: tenures.length, totalTenureYears: totalTenure }),
  ];
}

/** Clients and period revenue per tier (all four tiers, zeros included). */
export function tierMix(p: PortfolioResult): { tier: Tier; accounts: number; revenue: number }[] {
  return TIERS.map((tier) => ({
    tier,
    accounts: p.clients.filter((c) => c.tier === tier).length,
    revenue: sumMoney(p.revenue.filter((r) => r.account.tier === tier).map((r) => r.revenue)),
  }));
}

/** Tenure statistics of the clients per tier. */
export function tenureByTier(p: PortfolioResult, asOfDay: string): { tier: Tier; clients: number; average: number | null; median: number | null; longest: number | null }[] {
  return TIERS.map((tier) => {
    const years = p.clients.filter((c) => c.tier === tier).map((c) => tenureYears(c.clientSince, asOfDay)).sort((a, b) => a - b);
    const mid = Math.floor(years.length / 2);
    return {
      tier,
      clients: years.length,
      average: ratio(years.reduce((s, y) => s + y, 0), years.length),
      median: years.length === 0 ? null : years.length % 2 ? years[mid] : (years[mid - 1] + years[mid]) / 2,
      longest: years.length ? years[years.length - 1] : null,
    };
  });
}

/** The 10 accounts with the most revenue in the period, with their share of it. */
export function topAccounts(p: PortfolioResult, n = 10): { account: MetricAccount; revenue: number; share: number | null }[] {
  return [...p.revenue]
    .sort((a, b) => b.revenue - a.revenue || a.account.name.localeCompare(b.account.name))
    .slice(0, n)
    .map((r) => ({ account: r.account, revenue: r.revenue, share: ratio(r.revenue, p.totalRevenue) }));
}
