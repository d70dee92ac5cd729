import { declareFacts, daysBetween, FactClock, groupBy, selectRows, type FactBatchContext, type FactProvider, type FactValues } from '../../../src/plugin-api/index.js';
import { continuityOf, FOLLOW_ON_WINDOW_DAYS, type EngagementSpan } from './continuity.js';

const PROVIDER_ID = 'consulting.continuity';

interface EngagementRow {
  account_id: string;
  start_date: string;
  planned_end_date: string;
  actual_end_date: string | null;
  status: string;
}
interface PartnerTouchpointRow {
  account_id: string;
  occurred_at: unknown;
}

/**
 * Consulting retention is winning the next engagement (DOMAIN.md section 10): continuity between
 * projects, partner presence during gaps, and the re-engagement rate. Two queries per batch: the
 * engagements of the batch, then held touchpoints by a partner or principal for the accounts that
 * are between engagements.
 */
export const continuityFactsProvider: FactProvider = {
  id: PROVIDER_ID,
  facts: declareFacts(PROVIDER_ID, [
    { name: 'consulting.engagementGapDays', type: 'number', unit: 'days', min: 0, label: 'days between engagements', description: 'Whole days since the last engagement ended (actual end, or planned end when closed without one), while no engagement is running; null while one runs or when none has ended.' },
    { name: 'consulting.nextEngagementPlanned', type: 'boolean', label: 'next engagement planned', description: 'Whether an engagement is won but not started: status planned, or a start date after asOf (cancelled ones excluded).' },
    { name: 'consulting.partnerTouchpointsInGap', type: 'number', unit: 'count', min: 0, label: 'partner touchpoints since the last engagement ended', description: 'Held touchpoints with a firm person titled partner or principal, from the day after the last engagement ended to asOf; null outside a gap between engagements.' },
    { name: 'consulting.endedEngagements3y', type: 'number', unit: 'count', min: 0, label: 'engagements ended in 3 years', description: 'Engagements that ended (completed, or cancelled after starting) in the last 1095 days.' },
    { name: 'consulting.reengagementSample3y', type: 'number', unit: 'count', min: 0, label: 'engagements behind the re-engagement rate', description: `Engagements ended in the last 1095 days that were followed by another, or whose follow-on window (${FOLLOW_ON_WINDOW_DAYS} days after the end) has passed; those still inside it without a follow-on are not yet decided and left out.` },
    { name: 'consulting.reengagementRatePct', type: 'number', unit: 'percent', min: 0, max: 100, label: 're-engagement rate', description: `Share of consulting.reengagementSample3y followed by another engagement (won, started after it, from 90 days before its end to ${FOLLOW_ON_WINDOW_DAYS} days after), in percent, one decimal; null when the sample is empty.` },
  ]),

  async compute({ em, tenantId, accountIds, asOf }: FactBatchContext) {
    const clock = new FactClock(asOf);
    const engagements = await selectRows<EngagementRow>(
      em,
      `select account_id, start_date, planned_end_date, actual_end_date, status
         from engagements where tenant_id = :tenantId and account_id in (:ids)`,
      { tenantId, ids: accountIds },
    );
    const byAccount = groupBy(engagements);
    const continuity = new Map(
      accountIds.map((id) => {
        const spans: EngagementSpan[] = (byAccount.get(id) ?? []).map((r) => ({ startDate: r.start_date, plannedEndDate: r.planned_end_date, actualEndDate: r.actual_end_date ?? null, status: r.status }));
        return [id, continuityOf(spans, clock.asOfDate)] as const;
      }),
    );

    // Partner presence during gaps: only accounts in a gap, only since the earliest gap start.
    const inGap = [...continuity].filter(([, c]) => c.gapSince !== null);
    const partnerTouchpoints = new Map<string, number>();
    if (inGap.length) {
      const earliest = inGap.map(([, c]) => c.gapSince!).sort()[0];
      const rows = await selectRows<PartnerTouchpointRow>(
        em,
        `select t.account_id, t.occurred_at
           from touchpoints t join people p on p.id = t.person_id and p.tenant_id = t.tenant_id
          where t.tenant_id = :tenantId and t.account_id in (:ids) and t.outcome = 'held'
            and p.title in ('partner', 'principal') and t.occurred_at >= :from and t.occurred_at <= :asOf`,
        { tenantId, ids: inGap.map(([id]) => id), from: new Date(`${earliest}T00:00:00.000Z`), asOf: clock.asOf },
      );
      for (const row of rows) {
        const since = continuity.get(String(row.account_id))?.gapSince;
        // The gap starts the day after the last engagement ended (the closing meeting is not gap contact).
        if (since && daysBetween(since, row.occurred_at as Date | number | string) > 0) partnerTouchpoints.set(String(row.account_id), (partnerTouchpoints.get(String(row.account_id)) ?? 0) + 1);
      }
    }

    const result = new Map<string, Partial<FactValues>>();
    for (const [accountId, c] of continuity) {
      result.set(accountId, {
        'consulting.engagementGapDays': c.gapDays,
        'consulting.nextEngagementPlanned': c.nextEngagementPlanned,
        'consulting.partnerTouchpointsInGap': c.gapSince !== null ? (partnerTouchpoints.get(accountId) ?? 0) : null,
        'consulting.endedEngagements3y': c.ended3y,
        'consulting.reengagementSample3y': c.sample3y,
        'consulting.reengagementRatePct': c.reengagementRatePct,
      });
    }
    return result;
  },
};
