import { declareFacts, daysBetween, FactClock, pluginAttributesOf, type FactBatchContext, type FactProvider, type FactValues } from '../../../src/plugin-api/index.js';
import { consultingAttributes } from './attributes.js';

const PROVIDER_ID = 'consulting.planning';

/** Days from asOf to the first day of the client's next planning month (0 during it). */
export function daysToPlanningMonth(asOfDate: string, planningMonth: number): number {
  const year = Number(asOfDate.slice(0, 4));
  const month = Number(asOfDate.slice(5, 7));
  if (month === planningMonth) return 0;
  const nextYear = planningMonth > month ? year : year + 1;
  return daysBetween(asOfDate, `${nextYear}-${String(planningMonth).padStart(2, '0')}-01`);
}

/** The annual strategic planning cadence, from `attributes.consulting`. One query per batch. */
export const planningFactsProvider: FactProvider = {
  id: PROVIDER_ID,
  facts: declareFacts(PROVIDER_ID, [
    { name: 'consulting.daysSinceStrategicPlanning', type: 'number', unit: 'days', min: 0, label: 'days since the annual strategic planning session', description: 'Whole days since attributes.consulting.lastStrategicPlanningOn; null when none is recorded (or it lies after asOf).' },
    { name: 'consulting.daysToPlanningMonth', type: 'number', unit: 'days', min: 0, max: 366, label: 'days to the client\'s planning month', description: 'Days from asOf to the first day of the next attributes.consulting.planningMonth (0 during that month); null when no planning month is recorded.' },
  ]),

  async compute(ctx: FactBatchContext) {
    const clock = new FactClock(ctx.asOf);
    const out = new Map<string, Partial<FactValues>>();
    for (const [accountId, raw] of await pluginAttributesOf(ctx, 'consulting')) {
      // Stored attributes were validated on write; a row that no longer parses counts as unrecorded.
      const parsed = consultingAttributes.safeParse(raw);
      if (!parsed.success) continue;
      const { lastStrategicPlanningOn, planningMonth } = parsed.data;
      const since = lastStrategicPlanningOn ? clock.daysSince(lastStrategicPlanningOn) : null;
      out.set(accountId, {
        'consulting.daysSinceStrategicPlanning': since !== null && since >= 0 ? since : null,
        'consulting.daysToPlanningMonth': planningMonth ? daysToPlanningMonth(clock.asOfDate, planningMonth) : null,
      });
    }
    return out;
  },
};
