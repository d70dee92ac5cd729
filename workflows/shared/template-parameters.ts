/**
 * A numeric template parameter, or the play's default when it is missing, not a finite
 * number, or below `min` (templates are data; a bad value must not break a running play).
 */
export function numberParameter(value: unknown, fallback: number, min: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min ? value : fallback;
}
