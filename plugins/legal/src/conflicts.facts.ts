import { declareFacts, FactClock, pluginAttributesOf, type FactBatchContext, type FactProvider, type FactValues } from '../../../src/plugin-api/index.js';
import { legalAttributesSchema, type ConflictCheck } from './attributes.js';

const DECLINE_WINDOW_DAYS = 365;

export const CONFLICTS_PROVIDER_ID = 'legal.conflicts';

/**
 * Conflict checks (DOMAIN.md section 10, legal) from `account.attributes.legal.conflictChecks`,
 * as they stood at asOf: a check raised later is ignored, one decided later was still pending.
 * One query per batch. Accounts that record no conflict checks get null (no data), an empty list 0.
 */
export const conflictFactsProvider: FactProvider = {
  id: CONFLICTS_PROVIDER_ID,
  facts: declareFacts(CONFLICTS_PROVIDER_ID, [
    {
      name: 'legal.pendingConflictChecks',
      type: 'number',
      unit: 'count',
      min: 0,
      label: 'pending conflict checks',
      description: 'Conflict checks raised on or before asOf and not decided by asOf; null when the account records no conflict checks.',
    },
    {
      name: 'legal.oldestPendingConflictCheckDays',
      type: 'number',
      unit: 'days',
      min: 0,
      label: 'days the oldest conflict check has been pending',
      description: 'Days since the oldest still-pending conflict check was raised (the client is waiting to instruct us); null when none is pending.',
    },
    {
      name: 'legal.conflictDeclines12m',
      type: 'number',
      unit: 'count',
      min: 0,
      label: 'matters declined for a conflict in 12 months',
      description: `Conflict checks declined in the last ${DECLINE_WINDOW_DAYS} days (the client took the matter to another firm); null when the account records no conflict checks.`,
    },
  ]),

  async compute(ctx: FactBatchContext) {
    const clock = new FactClock(ctx.asOf);
    const result = new Map<string, Partial<FactValues>>();
    for (const [accountId, raw] of await pluginAttributesOf(ctx, 'legal')) {
      // Validated on every write; a row written before a schema change is treated as no data.
      const parsed = legalAttributesSchema.safeParse(raw);
      const checks = parsed.success ? parsed.data.conflictChecks : undefined;
      if (!checks) continue;
      const raised = checks.filter((c) => c.raisedOn <= clock.asOfDate);
      const decidedBy = (c: ConflictCheck) => c.decidedOn !== undefined && c.decidedOn <= clock.asOfDate;
      const pending = raised.filter((c) => !decidedBy(c));
      const oldest = pending.map((c) => c.raisedOn).sort()[0];
      const declineSince = clock.sinceDate(DECLINE_WINDOW_DAYS);
      result.set(accountId, {
        'legal.pendingConflictChecks': pending.length,
        'legal.oldestPendingConflictCheckDays': oldest === undefined ? null : clock.daysSince(oldest),
        'legal.conflictDeclines12m': raised.filter((c) => c.status === 'declined' && decidedBy(c) && c.decidedOn! > declineSince).length,
      });
    }
    return result;
  },
};
