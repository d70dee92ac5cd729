import { declareFacts, FactClock, groupBy, indexBy, selectRows, type FactBatchContext, type FactProvider, type FactValues } from '../../../src/plugin-api/index.js';

interface OpenRow {
  account_id: string;
  start_date: string;
  actual_end_date: string | null;
  status: string;
}

/**
 * Campaign rhythm. An agency's campaigns (and projects) are the account's engagements: intense
 * while one runs, with quiet gaps between them where a retainer client decides whether the agency
 * is still worth it. Two queries per batch: the engagements not yet ended at asOf (running or
 * ahead, few per account), and the latest end of the ended ones (an aggregate, one row per account).
 */
export const campaignFacts: FactProvider = {
  id: 'agencies.campaigns',
  facts: declareFacts('agencies.campaigns', [
    {
      name: 'agencies.daysBetweenCampaigns',
      type: 'number',
      unit: 'days',
      min: 0,
      label: 'days since the last campaign ended',
      description:
        'While no campaign runs: whole days since the latest campaign (engagement) ended (actual end date, or the planned one for campaigns closed without it). Null while a campaign is running (same rule as activeEngagements) or when none has ended yet.',
    },
    {
      name: 'agencies.nextCampaignPlanned',
      type: 'boolean',
      label: 'next campaign planned',
      description: 'Whether a campaign is signed but not started: an engagement in status planned, or one starting after asOf that is not cancelled.',
    },
  ]),

  async compute({ em, tenantId, accountIds, asOf }: FactBatchContext) {
    const clock = new FactClock(asOf);
    const params = { tenantId, ids: accountIds, asOfDate: clock.asOfDate };
    const open = await selectRows<OpenRow>(
      em,
      `select account_id, start_date, actual_end_date, status
         from engagements
        where tenant_id = :tenantId and account_id in (:ids)
          and (actual_end_date is null or actual_end_date > :asOfDate)`,
      params,
    );
    // Campaigns closed without an actual end date are taken to have ended as planned (as the core does).
    const lastEnds = await selectRows<{ account_id: string; last_end: string | null }>(
      em,
      `select account_id,
              max(case when actual_end_date is not null then actual_end_date else planned_end_date end) as last_end
         from engagements
        where tenant_id = :tenantId and account_id in (:ids) and start_date <= :asOfDate and status <> 'planned'
          and (actual_end_date <= :asOfDate
               or (actual_end_date is null and status in ('completed', 'cancelled') and planned_end_date <= :asOfDate))
        group by account_id`,
      params,
    );
    const openBy = groupBy(open);
    const lastEndBy = indexBy(lastEnds);

    const result = new Map<string, Partial<FactValues>>();
    for (const accountId of accountIds) {
      const rows = openBy.get(accountId) ?? [];
      const running = rows.some(
        (e) => e.start_date <= clock.asOfDate && (e.actual_end_date !== null ? e.actual_end_date > clock.asOfDate : e.status === 'active' || e.status === 'on_hold'),
      );
      // Starting after asOf counts whatever its later status (a backtest sees completed work as still ahead); cancelled work does not.
      const planned = rows.some((e) => e.status === 'planned' || (e.start_date > clock.asOfDate && e.status !== 'cancelled'));
      const lastEnd = lastEndBy.get(accountId)?.last_end ?? null;
      result.set(accountId, {
        'agencies.daysBetweenCampaigns': running || lastEnd === null ? null : clock.daysSince(lastEnd),
        'agencies.nextCampaignPlanned': planned,
      });
    }
    return result;
  },
};
