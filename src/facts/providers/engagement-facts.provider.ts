import { declareFacts, type FactValues } from '../fact-definition.js';
import type { FactBatchContext, FactProvider } from '../fact-provider.js';
import { changePct, count, num, ratio, roundOrNull } from '../numbers.js';
import { indexBy, selectRows } from '../sql.js';
import { FactClock } from '../time.js';

export const ENGAGEMENT_FACTS_PROVIDER_ID = 'core.engagement';

interface WindowRow {
  account_id: string;
  held30: unknown;
  held90: unknown;
  held_prev90: unknown;
  executive90: unknown;
  strategic90: unknown;
  operational90: unknown;
  maintenance90: unknown;
  inbound90: unknown;
  non_email90: unknown;
  cancelled90: unknown;
  no_response90: unknown;
  response90: unknown;
  response_prev90: unknown;
  last_held: unknown;
  last_strategic: unknown;
  last_executive: unknown;
  last_strategic_only: unknown;
  last_operational: unknown;
  last_maintenance: unknown;
}
type LastRow = Pick<WindowRow, 'account_id' | 'last_held' | 'last_strategic' | 'last_executive' | 'last_strategic_only' | 'last_operational' | 'last_maintenance'>;

/**
 * Touchpoint facts (engagement frequency, DOMAIN.md section 4). At most two aggregate queries per
 * batch: windowed counts over the last 180 days (which also yield the latest held touchpoints when
 * they are that recent), and the latest held touchpoints over the whole history, only for the accounts
 * of the batch that lack one of them in the window.
 * "Touchpoints" count held ones only; cancellations and no-responses are counted separately.
 */
export const engagementFactsProvider: FactProvider = {
  id: ENGAGEMENT_FACTS_PROVIDER_ID,
  facts: declareFacts(ENGAGEMENT_FACTS_PROVIDER_ID, [
    { name: 'daysSinceLastContact', type: 'number', unit: 'days', min: 0, label: 'days since last contact', description: 'Whole days since the latest held touchpoint of any kind; null when none was ever held.' },
    { name: 'daysSinceLastStrategicConversation', type: 'number', unit: 'days', min: 0, label: 'days since last strategic conversation', description: 'Whole days since the latest held strategic or executive touchpoint; null when none.' },
    { name: 'daysSinceLastStrategicTouchpoint', type: 'number', unit: 'days', min: 0, label: 'days since last strategic touchpoint', description: 'Whole days since the latest held touchpoint of kind strategic (cadence); null when none.' },
    { name: 'daysSinceLastOperationalTouchpoint', type: 'number', unit: 'days', min: 0, label: 'days since last operational touchpoint', description: 'Whole days since the latest held operational touchpoint (cadence); null when none.' },
    { name: 'daysSinceLastMaintenanceTouchpoint', type: 'number', unit: 'days', min: 0, label: 'days since last maintenance touchpoint', description: 'Whole days since the latest held maintenance touchpoint (cadence); null when none.' },
    { name: 'daysSinceLastExecutiveTouchpoint', type: 'number', unit: 'days', min: 0, label: 'days since last executive touchpoint', description: 'Whole days since the latest held executive touchpoint; null when none.' },
    { name: 'touchpoints30d', type: 'number', unit: 'count', min: 0, label: 'touchpoints in 30 days', description: 'Held touchpoints in the last 30 days.' },
    { name: 'touchpoints90d', type: 'number', unit: 'count', min: 0, label: 'touchpoints in 90 days', description: 'Held touchpoints in the last 90 days.' },
    { name: 'touchpointsPrev90d', type: 'number', unit: 'count', min: 0, label: 'touchpoints in the previous 90 days', description: 'Held touchpoints 91 to 180 days before asOf.' },
    { name: 'touchpointTrendPct', type: 'number', unit: 'percent', min: -100, label: 'touchpoint trend', description: '(touchpoints90d - touchpointsPrev90d) / touchpointsPrev90d x 100, one decimal; null when the previous 90 days had none.' },
    { name: 'executiveTouchpoints90d', type: 'number', unit: 'count', min: 0, label: 'executive touchpoints in 90 days', description: 'Held executive touchpoints (business reviews, strategic planning, executive dinners) in the last 90 days.' },
    { name: 'strategicTouchpoints90d', type: 'number', unit: 'count', min: 0, label: 'strategic touchpoints in 90 days', description: 'Held strategic touchpoints (insights, introductions, recommendations) in the last 90 days.' },
    { name: 'operationalTouchpoints90d', type: 'number', unit: 'count', min: 0, label: 'operational touchpoints in 90 days', description: 'Held operational touchpoints (status meetings, milestone reviews) in the last 90 days.' },
    { name: 'maintenanceTouchpoints90d', type: 'number', unit: 'count', min: 0, label: 'maintenance touchpoints in 90 days', description: 'Held maintenance touchpoints (check-in calls, congratulations, cards) in the last 90 days.' },
    { name: 'cancellationRate90d', type: 'number', unit: 'ratio', min: 0, max: 1, label: 'meeting cancellation rate', description: 'Cancelled or rescheduled touchpoints / all non-email touchpoints in the last 90 days, two decimals; null when there were none.' },
    { name: 'noResponseCount90d', type: 'number', unit: 'count', min: 0, label: 'unanswered outreach in 90 days', description: 'Touchpoints in the last 90 days that got no response.' },
    { name: 'avgResponseHours90d', type: 'number', unit: 'hours', min: 0, label: 'average client response time', description: 'Average responseTimeHours of touchpoints in the last 90 days that record one, one decimal; null when none.' },
    { name: 'avgResponseHoursPrev90d', type: 'number', unit: 'hours', min: 0, label: 'average client response time in the previous 90 days', description: 'Average responseTimeHours 91 to 180 days before asOf, one decimal; null when none.' },
    { name: 'responseTimeTrendPct', type: 'number', unit: 'percent', min: -100, label: 'response time trend', description: 'Change of the average response time against the previous 90 days in percent (positive = slower), one decimal; null when either average is missing.' },
    { name: 'inboundShare90d', type: 'number', unit: 'ratio', min: 0, max: 1, label: 'share of client-initiated contact', description: 'Share of held touchpoints in the last 90 days initiated by the client (inbound), two decimals; null when none was held.' },
  ]),

  async compute({ em, tenantId, accountIds, asOf }: FactBatchContext) {
    const clock = new FactClock(asOf);
    const params = {
      tenantId,
      ids: accountIds,
      asOf: clock.asOf,
      since30: clock.since(30),
      since90: clock.since(90),
      since180: clock.since(180),
    };
    const windows = await selectRows<WindowRow>(
      em,
      `select account_id,
              sum(case when outcome = 'held' and occurred_at > :since30 then 1 else 0 end) as held30,
              sum(case when outcome = 'held' and occurred_at > :since90 then 1 else 0 end) as held90,
              sum(case when outcome = 'held' and occurred_at <= :since90 then 1 else 0 end) as held_prev90,
              sum(case when outcome = 'held' and occurred_at > :since90 and kind = 'executive' then 1 else 0 end) as executive90,
              sum(case when outcome = 'held' and occurred_at > :since90 and kind = 'strategic' then 1 else 0 end) as strategic90,
              sum(case when outcome = 'held' and occurred_at > :since90 and kind = 'operational' then 1 else 0 end) as operational90,
              sum(case when outcome = 'held' and occurred_at > :since90 and kind = 'maintenance' then 1 else 0 end) as maintenance90,
              sum(case when outcome = 'held' and occurred_at > :since90 and direction = 'inbound' then 1 else 0 end) as inbound90,
              sum(case when occurred_at > :since90 and channel <> 'email' then 1 else 0 end) as non_email90,
              sum(case when occurred_at > :since90 and channel <> 'email' and outcome in ('cancelled', 'rescheduled') then 1 else 0 end) as cancelled90,
              sum(case when occurred_at > :since90 and outcome = 'no_response' then 1 else 0 end) as no_response90,
              avg(case when occurred_at > :since90 then response_time_hours end) as response90,
              avg(case when occurred_at <= :since90 then response_time_hours end) as response_prev90,
              max(case when outcome = 'held' then occurred_at end) as last_held,
              max(case when outcome = 'held' and kind in ('strategic', 'executive') then occurred_at end) as last_strategic,
              max(case when outcome = 'held' and kind = 'executive' then occurred_at end) as last_executive,
              max(case when outcome = 'held' and kind = 'strategic' then occurred_at end) as last_strategic_only,
              max(case when outcome = 'held' and kind = 'operational' then occurred_at end) as last_operational,
              max(case when outcome = 'held' and kind = 'maintenance' then occurred_at end) as last_maintenance
         from touchpoints
        where tenant_id = :tenantId and account_id in (:ids) and occurred_at > :since180 and occurred_at <= :asOf
        group by account_id`,
      params,
    );
    const windowBy = indexBy(windows);
    // Latest held touchpoints: the window already has them for most accounts; only accounts missing
    // one of the three in the last 180 days need the (longer) scan of their whole history.
    const needHistory = accountIds.filter((id) => {
      const w = windowBy.get(id);
      return !w || w.last_held == null || w.last_strategic == null || w.last_executive == null || w.last_strategic_only == null || w.last_operational == null || w.last_maintenance == null;
    });
    const lasts =
      needHistory.length === 0
        ? []
        : await selectRows<LastRow>(
            em,
            `select account_id,
                    max(occurred_at) as last_held,
                    max(case when kind in ('strategic', 'executive') then occurred_at end) as last_strategic,
                    max(case when kind = 'executive' then occurred_at end) as last_executive,
                    max(case when kind = 'strategic' then occurred_at end) as last_strategic_only,
                    max(case when kind = 'operational' then occurred_at end) as last_operational,
                    max(case when kind = 'maintenance' then occurred_at end) as last_maintenance
               from touchpoints
              where tenant_id = :tenantId and account_id in (:ids) and outcome = 'held' and occurred_at <= :asOf
              group by account_id`,
            { ...params, ids: needHistory },
          );
    const lastBy = indexBy(lasts);

    const result = new Map<string, Partial<FactValues>>();
    for (const accountId of accountIds) {
      const w = windowBy.get(accountId);
      const last = lastBy.get(accountId) ?? w;
      const held90 = count(w?.held90);
      const heldPrev90 = count(w?.held_prev90);
      const response90 = roundOrNull(num(w?.response90), 1);
      const responsePrev90 = roundOrNull(num(w?.response_prev90), 1);
      result.set(accountId, {
        daysSinceLastContact: clock.daysSince(last?.last_held ?? null),
        daysSinceLastStrategicConversation: clock.daysSince(last?.last_strategic ?? null),
        daysSinceLastExecutiveTouchpoint: clock.daysSince(last?.last_executive ?? null),
        daysSinceLastStrategicTouchpoint: clock.daysSince(last?.last_strategic_only ?? null),
        daysSinceLastOperationalTouchpoint: clock.daysSince(last?.last_operational ?? null),
        daysSinceLastMaintenanceTouchpoint: clock.daysSince(last?.last_maintenance ?? null),
        touchpoints30d: count(w?.held30),
        touchpoints90d: held90,
        touchpointsPrev90d: heldPrev90,
        touchpointTrendPct: changePct(held90, heldPrev90),
        executiveTouchpoints90d: count(w?.executive90),
        strategicTouchpoints90d: count(w?.strategic90),
        operationalTouchpoints90d: count(w?.operational90),
        maintenanceTouchpoints90d: count(w?.maintenance90),
        cancellationRate90d: ratio(count(w?.cancelled90), count(w?.non_email90)),
        noResponseCount90d: count(w?.no_response90),
        avgResponseHours90d: response90,
        avgResponseHoursPrev90d: responsePrev90,
        responseTimeTrendPct: changePct(num(w?.response90), num(w?.response_prev90)),
        inboundShare90d: ratio(count(w?.inbound90), held90),
      });
    }
    return result;
  },
};
