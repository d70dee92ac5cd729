import { ratio } from './ratio.js';

/**
 * Client (logo) retention (DOMAIN.md §9) = (clients at period end − new clients in period) /
 * clients at period start; null without clients at the start.
 */
export function logoRetention(startCount: number, endCount: number, newCount: number): number | null {
  return ratio(endCount - newCount, startCount);
}
