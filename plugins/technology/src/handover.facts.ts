import { declareFacts, FactClock, pluginAttributesOf, selectRows, toInstant, type FactBatchContext, type FactProvider, type FactValues } from '../../../src/plugin-api/index.js';
import { readAttributes } from './attributes.js';

export const HANDOVER_PROVIDER_ID = 'technology.handover';
/** The implementation-to-support handover: the first 120 days after go-live. */
export const HANDOVER_DAYS = 120;
/** Support touchpoints are counted during the first year after go-live (when they matter). */
const COUNT_HORIZON_DAYS = 365;

interface TouchpointRow {
  account_id: string;
  occurred_at: unknown;
}

/**
 * Go-live and the handover to support: implementation leads to ongoing support, and the handover
 * is when clients fall between two teams. Two queries per batch: the attributes and the held
 * operational touchpoints of accounts that went live within the last year.
 */
export const handoverFacts: FactProvider = {
  id: HANDOVER_PROVIDER_ID,
  facts: declareFacts(HANDOVER_PROVIDER_ID, [
    { name: 'technology.daysSinceGoLive', type: 'number', unit: 'days', min: -3650, max: 36500, label: 'days since go-live', description: 'Whole days from the go-live date to asOf (negative: go-live is still ahead); null when no go-live date is recorded.' },
    { name: 'technology.inHandover', type: 'boolean', label: 'in the handover to support', description: `Go-live happened within the last ${HANDOVER_DAYS} days (day 0 to ${HANDOVER_DAYS}); false otherwise, also without a go-live date.` },
    {
      name: 'technology.supportTouchpointsSinceGoLive',
      type: 'number',
      unit: 'count',
      min: 0,
      label: 'support touchpoints since go-live',
      description: `Held operational touchpoints from the go-live day to asOf; null without a go-live date, while go-live is ahead, or once it is more than ${COUNT_HORIZON_DAYS} days past (the count only matters around the handover).`,
    },
  ]),

  async compute(ctx: FactBatchContext) {
    const clock = new FactClock(ctx.asOf);
    const out = new Map<string, Partial<FactValues>>();
    const counted = new Map<string, number>(); // account → go-live instant (ms), for accounts whose touchpoints are counted
    // Booleans are never missing: an account without a go-live date is not in handover.
    for (const accountId of ctx.accountIds) out.set(accountId, { 'technology.inHandover': false });
    for (const [accountId, raw] of await pluginAttributesOf(ctx, 'technology')) {
      const goLiveOn = readAttributes(raw)?.goLiveOn;
      const days = goLiveOn ? clock.daysSince(goLiveOn) : null;
      out.set(accountId, { 'technology.daysSinceGoLive': days, 'technology.inHandover': days !== null && days >= 0 && days <= HANDOVER_DAYS, 'technology.supportTouchpointsSinceGoLive': null });
      if (days !== null && days >= 0 && days <= COUNT_HORIZON_DAYS) {
        counted.set(accountId, toInstant(goLiveOn)!.getTime());
        out.get(accountId)!['technology.supportTouchpointsSinceGoLive'] = 0;
      }
    }
    if (counted.size === 0) return out;
    const rows = await selectRows<TouchpointRow>(
      ctx.em,
      `select account_id, occurred_at
         from touchpoints
        where tenant_id = :tenantId and account_id in (:ids) and kind = 'operational' and outcome = 'held'
          and occurred_at >= :from and occurred_at <= :asOf`,
      { tenantId: ctx.tenantId, ids: [...counted.keys()], from: new Date(Math.min(...counted.values())), asOf: clock.asOf },
    );
    for (const row of rows) {
      const accountId = String(row.account_id);
      if (toInstant(row.occurred_at)!.getTime() < counted.get(accountId)!) continue;
      const values = out.get(accountId)!;
      values['technology.supportTouchpointsSinceGoLive'] = (values['technology.supportTouchpointsSinceGoLive'] as number) + 1;
    }
    return out;
  },
};
