/**
 * Payback = CAC / monthly profit per client (DOMAIN.md §9): CAC $10,000 with $30,000 profit a year
 * ($2,500 a month) → 4 months. Null without a CAC or without a positive profit.
 */
export function paybackMonths(cac: number | null, annualProfitPerClient: number | null): number | null {
  if (cac === null || annualProfitPerClient === null || annualProfitPerClient <= 0) return null;
  return cac / (annualProfitPerClient / 12);
}
