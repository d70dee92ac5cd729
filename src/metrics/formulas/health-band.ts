export const HEALTH_DISTRIBUTION_BANDS = ['0-39', '40-59', '60-79', '80-100'] as const;
export type HealthDistributionBand = (typeof HEALTH_DISTRIBUTION_BANDS)[number];

/** Score bands of the dashboard's health distribution (critical < 40, intervention < 60, DOMAIN.md §4). */
export function healthDistributionBand(score: number): HealthDistributionBand {
  if (score < 40) return '0-39';
  if (score < 60) return '40-59';
  if (score < 80) return '60-79';
  return '80-100';
}
