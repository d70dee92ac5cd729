import { z } from 'zod';
import type { OperatorDefinition } from '../../../src/plugin-api/index.js';

/**
 * `technology.withinNextDays`: a "days until" fact (daysToNextRelease, daysToContractEnd) falls
 * in the next N days, today included: 0 ≤ fact ≤ N. One condition instead of a pair, and a date
 * already past (negative) never matches. The value is the horizon N in whole days.
 */
export const withinNextDays: OperatorDefinition = {
  name: 'technology.withinNextDays',
  description: 'days-until fact between 0 and the value (whole days), inclusive: the date is today or within the next N days',
  factTypes: ['number'],
  value: z.number().int('expected whole days').min(0).max(3650),
  evaluate: (fact, days) => typeof fact === 'number' && typeof days === 'number' && fact >= 0 && fact <= days,
};
