import { describe, expect, it } from 'vitest';
import { FactClock, daysBetween, toInstant, utcDay } from '../../src/facts/time.js';

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000;

describe('fact time helpers', () => {
  it('reads every shape the databases return', () => {
    expect(utcDay('2026-06-15')).toBe(day(2026, 6, 15)); // date column
    expect(utcDay(Date.UTC(2026, 5, 15, 23, 59))).toBe(day(2026, 6, 15)); // SQLite datetime (epoch ms)
    expect(utcDay('1781517600000')).toBe(day(2026, 6, 15));
    expect(utcDay('2026-06-15 23:59:59+00')).toBe(day(2026, 6, 15)); // PostgreSQL timestamptz text
    expect(utcDay('2026-06-15 23:59:59.5-02')).toBe(day(2026, 6, 16));
    expect(utcDay('2026-06-15 01:00:00+0200')).toBe(day(2026, 6, 14));
    expect(utcDay(new Date('2026-06-15T10:00:00Z'))).toBe(day(2026, 6, 15)); // ORM Date
    expect(toInstant(null)).toBeNull();
    expect(() => toInstant('not a date')).toThrow(/Cannot read a date/);
    expect(() => utcDay('2026-13-45')).toThrow(/Cannot read a date/);
  });

  it('counts whole UTC calendar days and windows relative to asOf', () => {
    const clock = new FactClock(new Date('2026-06-15T12:00:00.000Z'));
    expect(clock.daysSince('2026-04-16')).toBe(60);
    expect(clock.daysSince(new Date('2026-04-16T23:59:00Z'))).toBe(60);
    expect(clock.daysSince(new Date('2026-04-15T23:59:00Z'))).toBe(61);
    expect(clock.daysUntil('2026-09-30')).toBe(107);
    expect(clock.daysSince(null)).toBeNull();
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(clock.sinceDate(90)).toBe('2026-03-17');
    expect(clock.since(90).toISOString()).toBe('2026-03-17T12:00:00.000Z');
    expect(clock.within(new Date('2026-03-17T12:00:01Z'), 90)).toBe(true);
    expect(clock.within(new Date('2026-03-17T12:00:00Z'), 90)).toBe(false);
    expect(clock.within(new Date('2026-06-15T12:00:01Z'), 90)).toBe(false);
    expect(() => new FactClock(new Date('nope'))).toThrow(/asOf/);
  });
});
