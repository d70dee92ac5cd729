/**
 * CLV (profit, DOMAIN.md §9) = annual revenue × margin × expected years: $100,000 × 30% × 5 =
 * $150,000. Null when the annual revenue per client is unknown.
 */
export function clv(annualRevenue: number | null, grossMargin: number, expectedYears: number): number | null {
  if (annualRevenue === null) return null;
  return Math.round(annualRevenue * grossMargin * expectedYears * 100) / 100;
}
