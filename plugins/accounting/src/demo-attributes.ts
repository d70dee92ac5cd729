import type { DemoAccountView } from '../../../src/plugin-api/index.js';
import type { AccountingAttributes } from './attributes.js';
import { deriveFilingDeadlines } from './filing-deadlines.js';

/** Fiscal year ends of the demo clients: mostly calendar years; government contractors, nonprofits, retailers differ. */
const YEAR_ENDS: readonly (readonly [string, number])[] = [
  ['12-31', 0.72],
  ['06-30', 0.12],
  ['03-31', 0.08],
  ['09-30', 0.08],
];

function pick(random: () => number): string {
  let r = random();
  for (const [value, weight] of YEAR_ENDS) {
    if (r < weight) return value;
    r -= weight;
  }
  return YEAR_ENDS[0][0];
}

/**
 * Sample `attributes.accounting` for a demo client, consistent with its history: when its latest
 * tax engagement is planned to end in the autumn, the client files on extension; payroll work
 * means W-2/1099 deadlines; former clients keep only their year end. Deterministic (the view's seeded random()).
 */
export function accountingDemoAttributes(view: DemoAccountView): AccountingAttributes {
  const fiscalYearEnd = pick(() => view.random());
  // A former client's filings are no longer the firm's to track.
  if (view.account.status === 'churned') return { fiscalYearEnd, filingDeadlines: [] };
  const latestTax = view.engagements.filter((e) => e.serviceLine === 'Tax').reduce<(typeof view.engagements)[number] | undefined>((latest, e) => (!latest || e.startDate > latest.startDate ? e : latest), undefined);
  const extension = latestTax !== undefined && ['09', '10'].includes(latestTax.plannedEndDate.slice(5, 7));
  const payroll = view.engagements.some((e) => e.serviceLine === 'Payroll');
  return { fiscalYearEnd, filingDeadlines: deriveFilingDeadlines(fiscalYearEnd, view.asOf, { extension, payroll }) };
}
