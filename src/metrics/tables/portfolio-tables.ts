import { portfolioOf, tenureByTier, tierMix, topAccounts } from '../families/portfolio.family.js';
import { round, type TableBuilder } from './metric-table.js';

export const concentrationTable: TableBuilder = async (scope) => {
  const top = topAccounts(await portfolioOf(scope), 10);
  let cumulative = 0;
  return {
    columns: [
      { key: 'rank', label: 'Rank', unit: 'count' },
      { key: 'accountId', label: 'Account id' },
      { key: 'name', label: 'Account' },
      { key: 'tier', label: 'Tier', unit: 'count' },
      { key: 'revenue', label: 'Revenue in period', unit: 'currency' },
      { key: 'share', label: 'Share of revenue', unit: 'ratio' },
      { key: 'cumulativeShare', label: 'Cumulative share', unit: 'ratio' },
    ],
    rows: top.map((t, i) => {
      cumulative += t.share ?? 0;
      return { rank: i + 1, accountId: t.account.id, name: t.account.name, tier: t.account.tier, revenue: t.revenue, share: round(t.share, 6), cumulativeShare: round(cumulative, 6) };
    }),
  };
};

export const tenureByTierTable: TableBuilder = async (scope) => ({
  columns: [
    { key: 'tier', label: 'Tier', unit: 'count' },
    { key: 'clients', label: 'Clients', unit: 'count' },
    { key: 'averageYears', label: 'Average tenure (years)', unit: 'years' },
    { key: 'medianYears', label: 'Median tenure (years)', unit: 'years' },
    { key: 'longestYears', label: 'Longest tenure (years)', unit: 'years' },
  ],
  rows: tenureByTier(await portfolioOf(scope), scope.period.asOfDay).map((t) => ({
    tier: t.tier,
    clients: t.clients,
    averageYears: round(t.average, 2),
    medianYears: round(t.median, 2),
    longestYears: round(t.longest, 2),
  })),
});

export const tierMixTable: TableBuilder = async (scope) => ({
  columns: [
    { key: 'tier', label: 'Tier', unit: 'count' },
    { key: 'accounts', label: 'Clients', unit: 'count' },
    { key: 'revenue', label: 'Revenue in period', unit: 'currency' },
  ],
  rows: tierMix(await portfolioOf(scope)),
});
