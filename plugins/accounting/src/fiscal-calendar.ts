// Calendar arithmetic for fiscal year ends ('MM-DD') and the firm's tax season. Pure functions on
// UTC calendar days ('YYYY-MM-DD'), shared by the attributes schema, the facts and the demo data.

const MONTH_DAY = /^(\d{2})-(\d{2})$/;

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');

/** Month (1-12) and day of an 'MM-DD' string, or undefined when it is not a real calendar day. 02-29 is real (leap years). */
export function parseMonthDay(value: string): { month: number; day: number } | undefined {
  const m = MONTH_DAY.exec(value);
  if (!m) return undefined;
  const month = Number(m[1]);
  const day = Number(m[2]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(2024, month)) return undefined;
  return { month, day };
}

/** 'YYYY-MM-DD' of a fiscal year end in a given calendar year; 02-29 falls on 02-28 in common years (last day of February). */
export function fiscalYearEndIn(year: number, monthDay: string): string {
  const md = parseMonthDay(monthDay);
  if (!md) throw new RangeError(`not a month-day: ${monthDay}`);
  const day = md.month === 2 && md.day === 29 && !isLeap(year) ? 28 : md.day;
  return `${year}-${pad(md.month)}-${pad(day)}`;
}

/** The first fiscal year end on or after `date` ('YYYY-MM-DD'). */
export function nextFiscalYearEnd(monthDay: string, date: string): string {
  const year = Number(date.slice(0, 4));
  const thisYear = fiscalYearEndIn(year, monthDay);
  return thisYear >= date ? thisYear : fiscalYearEndIn(year + 1, monthDay);
}

/** The last fiscal year end strictly before `date` ('YYYY-MM-DD'). */
export function previousFiscalYearEnd(monthDay: string, date: string): string {
  const year = Number(date.slice(0, 4));
  const thisYear = fiscalYearEndIn(year, monthDay);
  return thisYear < date ? thisYear : fiscalYearEndIn(year - 1, monthDay);
}

/** 'YYYY-MM-DD' of a day of the month `months` months after a date's month (day clamped to the month's length). */
export function dayOfMonthAfter(date: string, months: number, day: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${pad(month)}-${pad(Math.min(day, daysInMonth(year, month)))}`;
}

/** 'YYYY-MM-DD' `days` days after a date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The firm's tax season (busy season) that is current or most recently completed at `asOf`:
 * January 1 to April 30 of asOf's calendar year — calendar-year audits, individual and
 * calendar-year corporate returns all fall in it, so every client's work competes for the same
 * people then. `end` is the exclusive instant (May 1, 00:00 UTC); the season is "current" until it.
 */
export function taxSeasonAt(asOf: Date): { year: number; firstDay: string; lastDay: string; start: Date; end: Date } {
  const year = asOf.getUTCFullYear();
  return { year, firstDay: `${year}-01-01`, lastDay: `${year}-04-30`, start: new Date(Date.UTC(year, 0, 1)), end: new Date(Date.UTC(year, 4, 1)) };
}
