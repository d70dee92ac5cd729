import { z } from 'zod';
import { parseMonthDay } from './fiscal-calendar.js';

export const MAX_FILING_DEADLINES = 24;

/** A client's fiscal year end as 'MM-DD' (12-31 for calendar-year clients); 02-29 means the last day of February. */
export const fiscalYearEndSchema = z
  .string()
  .regex(/^\d{2}-\d{2}$/, "expected a month-day 'MM-DD', e.g. 12-31")
  .refine((v) => parseMonthDay(v) !== undefined, "expected a real calendar day 'MM-DD' (month 01-12, a day that month has)");

export const filingDeadlineSchema = z.strictObject({
  /** What is due, e.g. "Corporate tax return" or "Audited financial statements to the lender". */
  name: z.string().trim().min(1).max(120),
  /** Due date, 'YYYY-MM-DD' (a real date). */
  dueOn: z.iso.date(),
});

/**
 * `account.attributes.accounting`: what the core model has no place for. The fiscal year end sets
 * the annual checkpoints; filing deadlines are the statutory and contractual dates the firm
 * must meet for the client (the firm's own calendar, maintained per client).
 */
export const accountingAttributesSchema = z.strictObject({
  fiscalYearEnd: fiscalYearEndSchema.optional(),
  filingDeadlines: z.array(filingDeadlineSchema).max(MAX_FILING_DEADLINES).default([]),
});
export type AccountingAttributes = z.output<typeof accountingAttributesSchema>;
