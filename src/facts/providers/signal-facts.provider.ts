import { declareFacts, type FactValues } from '../fact-definition.js';
import type { FactBatchContext, FactProvider } from '../fact-provider.js';
import { count } from '../numbers.js';
import { indexBy, selectRows } from '../sql.js';
import { FactClock, toInstant } from '../time.js';

export const SIGNAL_FACTS_PROVIDER_ID = 'core.observations';

interface SignalRow {
  account_id: string;
  competitor90: unknown;
  exploring90: unknown;
  rfp180: unknown;
  discount180: unknown;
  refused180: unknown;
  no_strategic90: unknown;
  last_negative_tone: unknown;
  last_positive_tone: unknown;
}

/**
 * Qualitative warning signals people or integrations recorded as observations (DOMAIN.md section 5).
 * One aggregate query per batch over the last 180 days. Without observations the booleans are false
 * (nothing was noticed) and counts 0.
 */
export const signalFactsProvider: FactProvider = {
  id: SIGNAL_FACTS_PROVIDER_ID,
  facts: declareFacts(SIGNAL_FACTS_PROVIDER_ID, [
    { name: 'competitorMentioned90d', type: 'boolean', label: 'competitor mentioned', description: 'Whether a competitor_mentioned or comparison_questions observation was recorded in the last 90 days.' },
    { name: 'exploringOptions90d', type: 'boolean', label: 'client exploring options', description: 'Whether an exploring_options, second_opinion or rfp_issued observation was recorded in the last 90 days.' },
    { name: 'rfpIssued180d', type: 'boolean', label: 'RFP issued', description: 'Whether an rfp_issued observation was recorded in the last 180 days.' },
    { name: 'discountRequests180d', type: 'number', unit: 'count', min: 0, label: 'discount or rate pushback requests', description: 'discount_request, unbundling_request and rate_pushback observations in the last 180 days.' },
    { name: 'refusedMultiMonthCommitment180d', type: 'boolean', label: 'refused a multi-month commitment', description: 'Whether a refused_multi_month_commitment observation was recorded in the last 180 days.' },
    { name: 'negativeToneShift90d', type: 'boolean', label: 'tone shifted to neutral or critical', description: 'Whether the latest tone_shift observation of the last 90 days heard a neutral or critical tone (a later shift back to positive clears it).' },
    { name: 'noStrategicInputRequested90d', type: 'boolean', label: 'no longer asks for strategic input', description: 'Whether a no_strategic_input_requested observation was recorded in the last 90 days.' },
  ]),

  async compute({ em, tenantId, accountIds, asOf }: FactBatchContext) {
    const clock = new FactClock(asOf);
    const rows = await selectRows<SignalRow>(
      em,
      `select account_id,
              sum(case when kind in ('competitor_mentioned', 'comparison_questions') and observed_at > :since90 then 1 else 0 end) as competitor90,
              sum(case when kind in ('exploring_options', 'second_opinion', 'rfp_issued') and observed_at > :since90 then 1 else 0 end) as exploring90,
              sum(case when kind = 'rfp_issued' then 1 else 0 end) as rfp180,
              sum(case when kind in ('discount_request', 'unbundling_request', 'rate_pushback') then 1 else 0 end) as discount180,
              sum(case when kind = 'refused_multi_month_commitment' then 1 else 0 end) as refused180,
              sum(case when kind = 'no_strategic_input_requested' and observed_at > :since90 then 1 else 0 end) as no_strategic90,
              max(case when kind = 'tone_shift' and tone in ('neutral', 'critical') and observed_at > :since90 then observed_at end) as last_negative_tone,
              max(case when kind = 'tone_shift' and tone = 'positive' and observed_at > :since90 then observed_at end) as last_positive_tone
         from observations
        where tenant_id = :tenantId and account_id in (:ids) and observed_at > :since180 and observed_at <= :asOf
        group by account_id`,
      { tenantId, ids: accountIds, asOf: clock.asOf, since90: clock.since(90), since180: clock.since(180) },
    );
    const byAccount = indexBy(rows);
    const result = new Map<string, Partial<FactValues>>();
    for (const accountId of accountIds) {
      const row = byAccount.get(accountId);
      const negative = toInstant(row?.last_negative_tone ?? null);
      const positive = toInstant(row?.last_positive_tone ?? null);
      result.set(accountId, {
        competitorMentioned90d: count(row?.competitor90) > 0,
        exploringOptions90d: count(row?.exploring90) > 0,
        rfpIssued180d: count(row?.rfp180) > 0,
        discountRequests180d: count(row?.discount180),
        refusedMultiMonthCommitment180d: count(row?.refused180) > 0,
        negativeToneShift90d: negative !== null && (positive === null || negative.getTime() > positive.getTime()),
        noStrategicInputRequested90d: count(row?.no_strategic90) > 0,
      });
    }
    return result;
  },
};
