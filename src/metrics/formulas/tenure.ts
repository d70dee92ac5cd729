import { wholeMonthsBetween } from '../period/calendar.js';

/** Tenure in years from whole calendar months, as the scoring's tenureYears fact counts it (never negative). */
export function tenureYears(clientSince: string, day: string): number {
  return Math.max(0, wholeMonthsBetween(clientSince, day)) / 12;
}

export const TENURE_BANDS = ['<1y', '1-2y', '2-5y', '5y+'] as const;
export type TenureBand = (typeof TENURE_BANDS)[number];

/** Churn-by-tenure bands: under 1 year, 1 to under 2, 2 to under 5, 5 and more. */
export function tenureBand(years: number): TenureBand {
  if (years < 1) return '<1y';
  if (years < 2) return '1-2y';
  if (years < 5) return '2-5y';
  return '5y+';
}
