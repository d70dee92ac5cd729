import { z } from 'zod';
import type { OperatorDefinition } from '../../../src/plugin-api/index.js';

/**
 * "A deadline within N days that has not passed": a days-until fact between 0 and N inclusive.
 * Reads better than two comparisons and cannot be written by mistake as "fewer than N days,
 * including overdue ones" (negative values never match). Missing facts never match (the engine
 * does not call operators on missing facts).
 */
export const withinNextDays: OperatorDefinition = {
  name: 'accounting.withinNextDays',
  description: 'number fact (days until a date) between 0 and value inclusive: due within the next N days and not passed',
  factTypes: ['number'],
  value: z.number().int('expected a whole number of days').positive('expected a positive number of days').max(366, 'expected at most 366 days (one year)'),
  evaluate: (fact, days) => typeof fact === 'number' && typeof days === 'number' && fact >= 0 && fact <= days,
};

export const accountingOperators: OperatorDefinition[] = [withinNextDays];
