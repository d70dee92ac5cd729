export type Tier = 1 | 2 | 3 | 4;
export const TIERS: readonly Tier[] = [1, 2, 3, 4];

/**
 * DOMAIN.md §1 tier by annual relationship value (< $50K, $50-200K, $200K-1M, $1M+), the bands of
 * the default tier rules. Used only for accounts the rules never scored by the as-of day.
 */
export function tierOfAnnualValue(annualValue: number): Tier {
  if (annualValue >= 1_000_000) return 4;
  if (annualValue >= 200_000) return 3;
  if (annualValue >= 50_000) return 2;
  return 1;
}
