import { ratio } from './ratio.js';

/** One client of the cohort (clients at period start): its revenue in the previous and in this period. */
export interface RevenuePair {
  previous: number;
  current: number;
}

/**
 * Net revenue retention = the cohort's revenue this period / its revenue last period. Includes
 * expansion, so it can exceed 1; null when the cohort had no revenue last period.
 */
export function netRevenueRetention(cohort: readonly RevenuePair[]): number | null {
  let previous = 0;
  let current = 0;
  for (const c of cohort) {
    previous += c.previous;
    current += c.current;
  }
  return ratio(current, previous);
}

/**
 * Gross revenue retention = Σ min(this period, last period) / Σ last period over the cohort:
 * contraction and churn count, expansion does not, so it never exceeds 1.
 */
export function grossRevenueRetention(cohort: readonly RevenuePair[]): number | null {
  let previous = 0;
  let kept = 0;
  for (const c of cohort) {
    previous += c.previous;
    kept += Math.min(c.previous, c.current);
  }
  return ratio(kept, previous);
}
