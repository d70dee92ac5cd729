import { z } from 'zod';

/**
 * `account.attributes.agencies`: what an agency knows about a client that the core model lacks.
 * Creative work and campaign results live in the agency's studio and reporting tools, not in the
 * CRM, so they arrive here (by import or API) as the latest dates and the latest campaign's result.
 */
export const agencyAttributesSchema = z.strictObject({
  /** When the client last saw a genuinely new creative concept (not a re-skin of a running one). */
  lastNewConceptOn: z.iso.date().optional(),
  /** When the agency last presented a results report (campaign KPIs against target) to the client. */
  lastResultsReportOn: z.iso.date().optional(),
  /** The most recent campaign with a measured result. */
  latestCampaign: z
    .strictObject({
      name: z.string().trim().min(1).max(200),
      /** The KPI the campaign was bought on, e.g. "qualified leads", "ROAS", "brand lift". */
      kpi: z.string().trim().min(1).max(80),
      /** Result against the KPI target in percent (100 = target met). */
      attainmentPct: z.number().min(0).max(1000),
    })
    .optional(),
});
export type AgencyAttributes = z.output<typeof agencyAttributesSchema>;
