import { declareFacts, FactClock, pluginAttributesOf, type FactBatchContext, type FactProvider, type FactValues } from '../../../src/plugin-api/index.js';
import { agencyAttributesSchema } from './attributes.js';

/**
 * Creative freshness and perceived value, from `account.attributes.agencies` (the studio's and the
 * reporting tool's view of the client). One query per batch. Dates after asOf are ignored (null):
 * as of that day the concept or report did not exist yet.
 */
export const creativeResultsFacts: FactProvider = {
  id: 'agencies.creativeResults',
  facts: declareFacts('agencies.creativeResults', [
    { name: 'agencies.daysSinceNewConcept', type: 'number', unit: 'days', min: 0, label: 'days since a new creative concept', description: 'Whole days since the client last saw a new creative concept (attributes.agencies.lastNewConceptOn); null when not recorded.' },
    { name: 'agencies.daysSinceResultsReport', type: 'number', unit: 'days', min: 0, label: 'days since the last results report', description: 'Whole days since the agency last presented a results report (attributes.agencies.lastResultsReportOn); null when not recorded.' },
    { name: 'agencies.campaignKpiAttainmentPct', type: 'number', unit: 'percent', min: 0, max: 1000, label: 'latest campaign KPI attainment', description: "The latest campaign's result against its KPI target in percent, 100 = target met (attributes.agencies.latestCampaign.attainmentPct); null when not recorded." },
    { name: 'agencies.latestCampaignName', type: 'string', label: 'latest campaign', description: 'Name of the latest campaign with a measured result (attributes.agencies.latestCampaign.name); null when not recorded.' },
    { name: 'agencies.latestCampaignKpi', type: 'string', label: 'latest campaign KPI', description: 'The KPI the latest campaign was bought on, e.g. qualified leads or ROAS (attributes.agencies.latestCampaign.kpi); null when not recorded.' },
  ]),

  async compute(ctx: FactBatchContext) {
    const clock = new FactClock(ctx.asOf);
    const daysSince = (date: string | undefined) => (date !== undefined && date <= clock.asOfDate ? clock.daysSince(date) : null);
    const result = new Map<string, Partial<FactValues>>();
    for (const [accountId, raw] of await pluginAttributesOf(ctx, 'agencies')) {
      // Written through the validated API; a row edited behind its back yields no facts rather than a failed batch.
      const parsed = agencyAttributesSchema.safeParse(raw);
      if (!parsed.success) continue;
      const a = parsed.data;
      result.set(accountId, {
        'agencies.daysSinceNewConcept': daysSince(a.lastNewConceptOn),
        'agencies.daysSinceResultsReport': daysSince(a.lastResultsReportOn),
        'agencies.campaignKpiAttainmentPct': a.latestCampaign?.attainmentPct ?? null,
        'agencies.latestCampaignName': a.latestCampaign?.name ?? null,
        'agencies.latestCampaignKpi': a.latestCampaign?.kpi ?? null,
      });
    }
    return result;
  },
};
