import { MAX_FILING_DEADLINES } from './attributes.js';
import { addDays, dayOfMonthAfter, fiscalYearEndIn, previousFiscalYearEnd } from './fiscal-calendar.js';

export interface FilingDeadline {
  name: string;
  dueOn: string;
}

export interface DeadlineOptions {
  /** The client files its corporate return on extension (six more months). */
  extension: boolean;
  /** The firm runs the client's payroll: year-end W-2/1099 filings are due January 31. */
  payroll: boolean;
}

/**
 * A client's typical filing calendar for the fiscal years around `asOf` (US C-corporation rules
 * of thumb): income tax return the 15th of the 4th month after the fiscal year end (the 10th
 * month on extension), estimated tax payments the 15th of the 4th, 6th, 9th and 12th months of
 * the fiscal year, audited statements to lenders 120 days after year end, W-2/1099 on January 31.
 * Returns the deadlines from 45 days before asOf to a year after it, by due date.
 */
export function deriveFilingDeadlines(fiscalYearEnd: string, asOf: string, options: DeadlineOptions): FilingDeadline[] {
  const from = addDays(asOf, -45);
  const to = addDays(asOf, 365);
  const out: FilingDeadline[] = [];
  // The fiscal year that ended before the window and the two after it cover [from, to].
  const firstYear = Number(previousFiscalYearEnd(fiscalYearEnd, from).slice(0, 4));
  for (let fy = firstYear; fy <= firstYear + 2; fy++) {
    // A fiscal year is named by the calendar year it ends in.
    const yearEnd = fiscalYearEndIn(fy, fiscalYearEnd);
    out.push({ name: `FY${fy} audited financial statements to lenders`, dueOn: addDays(yearEnd, 120) });
    out.push({ name: `FY${fy} corporate tax return${options.extension ? ' extension request' : ''}`, dueOn: dayOfMonthAfter(yearEnd, 4, 15) });
    if (options.extension) out.push({ name: `FY${fy} corporate tax return (extended)`, dueOn: dayOfMonthAfter(yearEnd, 10, 15) });
    // Estimates of the fiscal year that starts after this year end.
    [4, 6, 9, 12].forEach((month, q) => out.push({ name: `FY${fy + 1} estimated tax payment Q${q + 1}`, dueOn: dayOfMonthAfter(yearEnd, month, 15) }));
  }
  if (options.payroll) {
    for (const year of new Set([Number(from.slice(0, 4)), Number(from.slice(0, 4)) + 1, Number(to.slice(0, 4))])) out.push({ name: `${year - 1} W-2 and 1099 filings`, dueOn: `${year}-01-31` });
  }
  return out
    .filter((d) => d.dueOn >= from && d.dueOn <= to)
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.name < b.name ? -1 : 1))
    .slice(0, MAX_FILING_DEADLINES);
}
