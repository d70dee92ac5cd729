/**
 * numerator / denominator, or null when the denominator is zero (or either side is missing):
 * a figure without a base is undefined, never NaN or Infinity.
 */
export function ratio(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  const value = numerator / denominator;
  return Number.isFinite(value) ? value : null;
}

/** Rounds away binary-fraction noise (0.1 + 0.2) without losing meaningful precision. */
export function clean(value: number, decimals = 9): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** Sums money amounts to the cent (database sums of decimals arrive as floats or strings). */
export function sumMoney(values: Iterable<number>): number {
  let cents = 0;
  for (const v of values) cents += Math.round(v * 100);
  return cents / 100;
}
