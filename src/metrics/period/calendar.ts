/**
 * Calendar arithmetic on ISO days ('YYYY-MM-DD', UTC). Metrics work in whole days: a day string
 * compares correctly with `<`/`>` and with the database's date columns.
 */
const DAY_MS = 86_400_000;

function parts(day: string): [number, number, number] {
  return [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
}

function format(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return format(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS);
}

/** The same day `months` months later (or earlier), clamped to the month's last day (Mar 31 − 1 month = Feb 28/29). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = parts(day);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return format(Date.UTC(year, month, Math.min(d, last)));
}

export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

export function monthEnd(day: string): string {
  return addDays(addMonths(monthStart(day), 1), -1);
}

export function quarterStart(day: string): string {
  const [y, m] = parts(day);
  const first = Math.floor((m - 1) / 3) * 3 + 1;
  return `${y}-${String(first).padStart(2, '0')}-01`;
}

/** Days since the epoch of an ISO day. */
export function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`) / DAY_MS;
}

/** Whole days from `from` to `to` (positive when `from` is earlier). */
export function daysFrom(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The ISO day of an instant (UTC). */
export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** The last millisecond of a day: "at the end of day D". */
export function endOfDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS - 1);
}

export function startOfDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** Whole calendar months from `from` to `to` (a month counts once its day-of-month is reached), as the scoring's tenure facts count them. */
export function wholeMonthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  const months = (ty - fy) * 12 + (tm - fm);
  return td < fd ? months - 1 : months;
}

export const MS_PER_DAY = DAY_MS;
