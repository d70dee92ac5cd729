import { declareFacts, groupBy, selectRows, FactClock, type FactBatchContext, type FactProvider, type FactValues } from '../../../src/plugin-api/index.js';

export const ENGAGEMENT_LETTER_PROVIDER_ID = 'accounting.engagementLetter';

/**
 * Contracts that carry an accounting client's engagement terms: engagement letters, and the
 * annual compliance retainers firms record in their place (in accounting the retainer IS the
 * yearly engagement letter).
 */
export const LETTER_KINDS = ['engagement_letter', 'retainer'] as const;
/** Renewal statuses that leave the renewal undecided. */
const PENDING = new Set(['not_started', 'in_progress']);

interface ContractRow {
  id: string;
  account_id: string;
  start_date: string;
  end_date: string | null;
  renewal_status: string;
}

/**
 * When the engagement letter runs out without a renewal. One query per batch: the letters of
 * the batch still running at asOf or starting later (a later letter is the renewal, even when
 * nobody marked the old one renewed).
 */
export const engagementLetterFacts: FactProvider = {
  id: ENGAGEMENT_LETTER_PROVIDER_ID,
  facts: declareFacts(ENGAGEMENT_LETTER_PROVIDER_ID, [
    { name: 'accounting.daysToEngagementLetterEnd', type: 'number', unit: 'days', min: 0, label: 'days to the engagement letter end', description: 'Days from asOf to the earliest end date of an active engagement letter (contract of kind engagement_letter or retainer) whose renewal is undecided (renewal status not_started or in_progress) and that no later letter follows; null when there is none.' },
  ]),

  async compute({ em, tenantId, accountIds, asOf }: FactBatchContext) {
    const clock = new FactClock(asOf);
    const rows = await selectRows<ContractRow>(
      em,
      `select id, account_id, start_date, end_date, renewal_status
         from contracts
        where tenant_id = :tenantId and account_id in (:ids) and kind in (:kinds)
          and (end_date is null or end_date >= :asOfDate)`,
      { tenantId, ids: accountIds, kinds: [...LETTER_KINDS], asOfDate: clock.asOfDate },
    );
    const out = new Map<string, Partial<FactValues>>();
    for (const [accountId, letters] of groupBy(rows)) {
      let soonest: number | null = null;
      for (const letter of letters) {
        if (letter.start_date > clock.asOfDate || letter.end_date === null || !PENDING.has(letter.renewal_status)) continue;
        const followed = letters.some((next) => next.id !== letter.id && next.start_date > letter.start_date && (next.end_date === null || next.end_date > letter.end_date!));
        if (followed) continue;
        const days = clock.daysUntil(letter.end_date)!;
        soonest = soonest === null ? days : Math.min(soonest, days);
      }
      out.set(accountId, { 'accounting.daysToEngagementLetterEnd': soonest });
    }
    return out;
  },
};
