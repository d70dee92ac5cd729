import { addDays, addMonths } from '../period/calendar.js';
import type { DayWindow } from '../period/metrics-period.js';

/** 'YYYY' (a calendar year) or 'YYYY-Qn' (a calendar quarter). */
export const COST_PERIOD_PATTERN = /^(\d{4})(?:-Q([1-4]))?$/;

export interface CostPeriod extends DayWindow {
  id: string;
  kind: 'year' | 'quarter';
}

/** The days a cost period covers; null when the text is not a cost period. */
export function parseCostPeriod(text: string): CostPeriod | null {
  const match = COST_PERIOD_PATTERN.exec(text);
  if (!match) return null;
  const year = match[1];
  if (!match[2]) return { id: text, kind: 'year', from: `${year}-01-01`, to: `${year}-12-31` };
  const from = `${year}-${String((Number(match[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
  return { id: text, kind: 'quarter', from, to: addDays(addMonths(from, 3), -1) };
}
