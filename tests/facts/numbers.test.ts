import { describe, expect, it } from 'vitest';
import { changePct, ratio, round } from '../../src/facts/numbers.js';

describe('fact arithmetic', () => {
  it('rounds half away from zero in decimal, not binary (1.005 → 1.01)', () => {
    expect(round(1.005, 2)).toBe(1.01);
    expect(round(-2.5)).toBe(-3);
    expect(round(66.66666, 1)).toBe(66.7);
  });

  it('rounds values that print in exponential notation (float noise, huge numbers) instead of producing NaN', () => {
    // Found by the 10,000-account benchmark: (3.8000000000000003 − 3.8) / 3.8 × 100 = 1.17e-14.
    expect(round(1.1686558153949016e-14, 1)).toBe(0);
    expect(round(-1.2e-9, 2)).toBe(0);
    expect(round(1e21, 1)).toBe(1e21);
    expect(changePct(3.8000000000000003, 3.8)).toBe(0);
    expect(Number.isNaN(changePct(0.1 + 0.2, 0.3))).toBe(false);
  });

  it('has no value for a change or ratio from zero', () => {
    expect(changePct(5, 0)).toBeNull();
    expect(ratio(3, 0)).toBeNull();
    expect(ratio(1, 3)).toBe(0.33);
  });
});
