import { declareFacts, pluginAttributesOf, round, type FactBatchContext, type FactProvider, type FactValues } from '../../../src/plugin-api/index.js';
import { latestUsage, monthOf, monthsBefore, monthsBetween, readAttributes } from './attributes.js';

export const ADOPTION_PROVIDER_ID = 'technology.adoption';

/**
 * Product adoption from the monthly usage the client's system reports (attributes): usage data
 * predicts churn in technology services. One query per batch (the accounts' attributes). Usage
 * months after asOf's month are ignored, so a backtest sees what was known then.
 */
export const adoptionFacts: FactProvider = {
  id: ADOPTION_PROVIDER_ID,
  facts: declareFacts(ADOPTION_PROVIDER_ID, [
    { name: 'technology.licensedSeats', type: 'number', unit: 'count', min: 1, label: 'licensed seats', description: 'Seats the client licenses (attributes.technology.licensedSeats); null when not recorded.' },
    { name: 'technology.activeUsers', type: 'number', unit: 'count', min: 0, label: 'active users', description: 'Active users of the latest usage month at or before asOf; null without usage data.' },
    { name: 'technology.adoptionPct', type: 'number', unit: 'percent', min: 0, label: 'seat adoption', description: 'Active users of the latest usage month / licensed seats × 100, one decimal (above 100 when the client over-deploys); null without usage data or seats.' },
    { name: 'technology.usageDataAgeMonths', type: 'number', unit: 'months', min: 0, max: 1200, label: 'age of the usage data', description: "Months from the latest usage month to asOf's month (0: this month's figure); null without usage data." },
    { name: 'technology.adoptionTrendPct', type: 'number', unit: 'percent', min: -100, label: 'active-user trend over three months', description: 'Change of active users from three months before the latest usage month to it, in percent, one decimal; null when that earlier month is not recorded or had no active users.' },
  ]),

  async compute(ctx: FactBatchContext) {
    const asOfMonth = monthOf(ctx.asOf);
    const out = new Map<string, Partial<FactValues>>();
    for (const [accountId, raw] of await pluginAttributesOf(ctx, 'technology')) {
      const attributes = readAttributes(raw);
      if (!attributes) continue;
      const latest = latestUsage(attributes, asOfMonth);
      const seats = attributes.licensedSeats ?? null;
      const earlier = latest ? attributes.usage.find((u) => u.month === monthsBefore(latest.month, 3)) : undefined;
      out.set(accountId, {
        'technology.licensedSeats': seats,
        'technology.activeUsers': latest?.activeUsers ?? null,
        'technology.adoptionPct': latest && seats ? round((latest.activeUsers / seats) * 100, 1) : null,
        'technology.usageDataAgeMonths': latest ? monthsBetween(latest.month, asOfMonth) : null,
        'technology.adoptionTrendPct': latest && earlier && earlier.activeUsers > 0 ? round(((latest.activeUsers - earlier.activeUsers) / earlier.activeUsers) * 100, 1) : null,
      });
    }
    return out;
  },
};
