import { ratio } from './ratio.js';

/**
 * Concentration risk: the revenue share of the `n` largest clients (DOMAIN.md §9 uses the top 10).
 * Null when there was no revenue at all.
 */
export function topShare(revenues: readonly number[], n = 10): { topRevenue: number; totalRevenue: number; share: number | null } {
  const sorted = [...revenues].filter((r) => r > 0).sort((a, b) => b - a);
  const topRevenue = sorted.slice(0, n).reduce((sum, r) => sum + r, 0);
  const totalRevenue = sorted.reduce((sum, r) => sum + r, 0);
  return { topRevenue, totalRevenue, share: ratio(topRevenue, totalRevenue) };
}
