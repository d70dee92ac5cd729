import { declareFacts, FactClock, num, selectRows, type FactBatchContext, type FactProvider, type FactValues } from '../../../src/plugin-api/index.js';

/** A retainer the client can end within one monthly billing cycle is renewed, in effect, every month. */
export const MONTH_TO_MONTH_NOTICE_DAYS = 31;

/**
 * Retainer terms. One query per batch over the retainers active at asOf. What makes agency
 * retention month-to-month is the notice period, not the contract's nominal end date.
 */
export const retainerFacts: FactProvider = {
  id: 'agencies.retainer',
  facts: declareFacts('agencies.retainer', [
    {
      name: 'agencies.retainerNoticeDays',
      type: 'number',
      unit: 'days',
      min: 0,
      max: 3650,
      label: 'retainer notice period',
      description: 'The shortest notice period (days) among retainers active at asOf: how soon the client can walk away. Null without an active retainer.',
    },
    {
      name: 'agencies.monthToMonthRetainer',
      type: 'boolean',
      label: 'month-to-month retainer',
      description: `Whether an active retainer can be ended on ${MONTH_TO_MONTH_NOTICE_DAYS} days' notice or less, i.e. within one monthly billing cycle.`,
    },
  ]),

  async compute({ em, tenantId, accountIds, asOf }: FactBatchContext) {
    const clock = new FactClock(asOf);
    const rows = await selectRows<{ account_id: string; notice: unknown }>(
      em,
      `select account_id, min(notice_period_days) as notice
         from contracts
        where tenant_id = :tenantId and account_id in (:ids) and kind = 'retainer'
          and start_date <= :asOfDate and (end_date is null or end_date >= :asOfDate)
        group by account_id`,
      { tenantId, ids: accountIds, asOfDate: clock.asOfDate },
    );
    const noticeBy = new Map(rows.map((r) => [String(r.account_id), num(r.notice)]));
    const result = new Map<string, Partial<FactValues>>();
    for (const accountId of accountIds) {
      const notice = noticeBy.get(accountId) ?? null;
      result.set(accountId, {
        'agencies.retainerNoticeDays': notice,
        'agencies.monthToMonthRetainer': notice !== null && notice <= MONTH_TO_MONTH_NOTICE_DAYS,
      });
    }
    return result;
  },
};
