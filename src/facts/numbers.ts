/** Numeric helpers for fact values: database numbers arrive as numbers, strings or bigints. */

/** A finite number from a database value; null for null/undefined. */
export function num(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) throw new TypeError(`Not a number: ${JSON.stringify(value)}`);
  return n;
}

/** Like num() but 0 for missing (counts and sums). */
export function count(value: unknown): number {
  return num(value) ?? 0;
}

/** A boolean from a database value (SQLite 0/1, PostgreSQL true/false). */
export function bool(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't' || value === 'true';
}

/** Rounds half away from zero to `decimals` places, without binary-fraction surprises (1.005 → 1.01). */
export function round(value: number, decimals = 0): number {
  const abs = Math.abs(value);
  // The decimal-exponent trick avoids 1.005 → 1.00, but cannot append to a number that already
  // prints in exponential notation (float noise like 1.2e-14, or huge values): scale those instead.
  const rounded = String(abs).includes('e')
    ? Math.round(abs * 10 ** decimals) / 10 ** decimals
    : Number(`${Math.round(Number(`${abs}e${decimals}`))}e-${decimals}`);
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/** Nullable round. */
export function roundOrNull(value: number | null, decimals = 0): number | null {
  return value === null ? null : round(value, decimals);
}

/** Money amounts: cents. */
export function money(value: number): number {
  return round(value, 2);
}

/** (current - previous) / previous * 100 to one decimal; null when previous is 0 or either is missing. */
export function changePct(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return round(((current - previous) / previous) * 100, 1);
}

/** numerator / denominator to `decimals` places; null when the denominator is 0 or missing. */
export function ratio(numerator: number, denominator: number | null, decimals = 2): number | null {
  if (denominator === null || denominator === 0) return null;
  return round(numerator / denominator, decimals);
}

/** Arithmetic mean; null for an empty list. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}
