/**
 * Time arithmetic for facts. Days are whole UTC calendar days; "in the last N days" means
 * `asOf - N days < t <= asOf`. Database values arrive in several shapes and are normalised here:
 * date columns are 'YYYY-MM-DD' strings; datetime columns are Date (ORM), epoch milliseconds
 * (raw SQLite) or 'YYYY-MM-DD HH:MM:SS[.fff]+HH[:MM]' strings (raw PostgreSQL).
 */
export const DAY_MS = 86_400_000;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** An instant from a database or API value; null for null/undefined. Throws on unparseable input. */
export function toInstant(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'number' || typeof value === 'bigint') return new Date(Number(value));
  if (typeof value === 'string') {
    const text = value.trim();
    let date: Date;
    if (/^-?\d+$/.test(text)) date = new Date(Number(text));
    else if (DATE_ONLY.test(text)) date = new Date(`${text}T00:00:00.000Z`);
    else {
      const iso = text
        .replace(' ', 'T')
        .replace(/([+-]\d{2})$/, '$1:00')
        .replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
      date = new Date(/[zZ]|[+-]\d{2}:\d{2}$/.test(iso) ? iso : `${iso}Z`);
    }
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new TypeError(`Cannot read a date/time from ${JSON.stringify(value)}`);
}

/** Days since the epoch of the value's UTC calendar day. */
export function utcDay(value: Date | number | string): number {
  // Fast path for date columns ('YYYY-MM-DD'): no Date parsing per row.
  if (typeof value === 'string' && value.length === 10 && value[4] === '-' && value[7] === '-') {
    const month = Number(value.slice(5, 7));
    const date = Number(value.slice(8, 10));
    if (month >= 1 && month <= 12 && date >= 1 && date <= 31) {
      const days = Date.UTC(Number(value.slice(0, 4)), month - 1, date) / DAY_MS;
      if (Number.isInteger(days)) return days;
    }
  }
  if (typeof value === 'number') return Math.floor(value / DAY_MS);
  return Math.floor(toInstant(value)!.getTime() / DAY_MS);
}

/** Whole UTC calendar days from `from` to `to` (positive when `from` is earlier). */
export function daysBetween(from: Date | number | string, to: Date | number | string): number {
  return utcDay(to) - utcDay(from);
}

/** Days since a nullable value, or null when there is none. */
export function daysSince(value: unknown, asOf: Date): number | null {
  const instant = toInstant(value);
  return instant === null ? null : daysBetween(instant, asOf);
}

/** 'YYYY-MM-DD' of the UTC calendar day. */
export function isoDate(value: Date | number): string {
  return new Date(typeof value === 'number' ? value : value.getTime()).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' of the UTC day `days` days before asOf's day: a date column in the last N days is `> dateDaysBefore(asOf, N)`. */
export function dateDaysBefore(asOf: Date, days: number): string {
  return isoDate((utcDay(asOf) - days) * DAY_MS);
}

/** The instant `days` days before asOf: a datetime column in the last N days is `> instantDaysBefore(asOf, N)`. */
export function instantDaysBefore(asOf: Date, days: number): Date {
  return new Date(asOf.getTime() - days * DAY_MS);
}

/** Whole calendar months from `from` to `to` (a month counts once its day-of-month is reached). */
export function monthsBetween(from: Date | string, to: Date | string): number {
  const a = toInstant(from)!;
  const b = toInstant(to)!;
  const months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  return b.getUTCDate() < a.getUTCDate() ? months - 1 : months;
}

/**
 * Windows relative to one asOf, in the shapes the SQL parameters and in-memory checks need.
 * Datetime columns compare to instants, date columns to 'YYYY-MM-DD' strings.
 */
export class FactClock {
  readonly asOf: Date;
  readonly asOfMs: number;
  /** UTC day number of asOf. */
  readonly today: number;
  /** 'YYYY-MM-DD' of asOf. */
  readonly asOfDate: string;

  constructor(asOf: Date) {
    if (Number.isNaN(asOf.getTime())) throw new TypeError('asOf is not a valid date');
    this.asOf = asOf;
    this.asOfMs = asOf.getTime();
    this.today = utcDay(asOf);
    this.asOfDate = isoDate(asOf);
  }

  /** Lower bound (exclusive) of a datetime window of `days` days. */
  since(days: number): Date {
    return instantDaysBefore(this.asOf, days);
  }

  /** Lower bound (exclusive) of a date-column window of `days` days. */
  sinceDate(days: number): string {
    return dateDaysBefore(this.asOf, days);
  }

  /** Whether an instant lies in the last `days` days: asOf - days < t <= asOf. */
  within(value: unknown, days: number): boolean {
    const t = toInstant(value);
    if (t === null) return false;
    const ms = t.getTime();
    return ms > this.asOfMs - days * DAY_MS && ms <= this.asOfMs;
  }

  /** Whether a value is at or before asOf (dates: on or before asOf's day). */
  reached(value: unknown): boolean {
    const t = toInstant(value);
    return t !== null && t.getTime() <= this.asOfMs;
  }

  /** Whole days from the value to asOf (null for null). */
  daysSince(value: unknown): number | null {
    return value === null || value === undefined ? null : this.today - utcDay(value as Date | number | string);
  }

  /** Whole days from asOf to the value (null for null). */
  daysUntil(value: unknown): number | null {
    return value === null || value === undefined ? null : utcDay(value as Date | number | string) - this.today;
  }
}
