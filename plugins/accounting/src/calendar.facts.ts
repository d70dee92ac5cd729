import { declareFacts, pluginAttributesOf, FactClock, type FactBatchContext, type FactProvider, type FactValues } from '../../../src/plugin-api/index.js';
import { accountingAttributesSchema } from './attributes.js';
import { nextFiscalYearEnd } from './fiscal-calendar.js';

export const CALENDAR_PROVIDER_ID = 'accounting.calendar';

/**
 * The client's own calendar, from `attributes.accounting`: how far the next fiscal year end and
 * the next filing deadline are. One query per batch (the accounts' attributes).
 */
export const calendarFacts: FactProvider = {
  id: CALENDAR_PROVIDER_ID,
  facts: declareFacts(CALENDAR_PROVIDER_ID, [
    { name: 'accounting.daysToFiscalYearEnd', type: 'number', unit: 'days', min: 0, max: 365, label: 'days to the fiscal year end', description: "Days from asOf to the client's next fiscal year end (attributes.accounting.fiscalYearEnd) on or after asOf (0 on the day itself); null when no fiscal year end is recorded." },
    { name: 'accounting.daysToNextFilingDeadline', type: 'number', unit: 'days', min: 0, label: 'days to the next filing deadline', description: 'Days from asOf to the earliest filing deadline (attributes.accounting.filingDeadlines) due on or after asOf; null when none is ahead.' },
    { name: 'accounting.nextFilingDeadlineName', type: 'string', label: 'next filing deadline', description: 'Name of that earliest upcoming filing deadline (the first in the list on a tie); null when none is ahead.' },
  ]),

  async compute(ctx: FactBatchContext) {
    const clock = new FactClock(ctx.asOf);
    const out = new Map<string, Partial<FactValues>>();
    for (const [accountId, raw] of await pluginAttributesOf(ctx, 'accounting')) {
      // Attributes were validated on write; a row that no longer parses (edited in the database) yields no facts.
      const parsed = accountingAttributesSchema.safeParse(raw);
      if (!parsed.success) continue;
      const { fiscalYearEnd, filingDeadlines } = parsed.data;
      const next = filingDeadlines.filter((d) => d.dueOn >= clock.asOfDate).reduce<(typeof filingDeadlines)[number] | undefined>((best, d) => (!best || d.dueOn < best.dueOn ? d : best), undefined);
      out.set(accountId, {
        'accounting.daysToFiscalYearEnd': fiscalYearEnd ? clock.daysUntil(nextFiscalYearEnd(fiscalYearEnd, clock.asOfDate)) : null,
        'accounting.daysToNextFilingDeadline': next ? clock.daysUntil(next.dueOn) : null,
        'accounting.nextFilingDeadlineName': next ? next.name : null,
      });
    }
    return out;
  },
};
