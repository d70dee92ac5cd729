import { count, declareFacts, FactClock, groupBy, indexBy, selectRows, type FactBatchContext, type FactProvider, type FactValues } from '../../../src/plugin-api/index.js';

/**
 * Standing arrangements: a general retainer, or a standing engagement letter (how firms paper an
 * ongoing advisory relationship billed monthly). The core `hasRetainer` only knows 'retainer'.
 */
const STANDING_KINDS = new Set(['retainer', 'engagement_letter']);
const PRACTICE_WINDOW_DAYS = 730;

interface ContractRow {
  account_id: string;
  kind: string;
  end_date: string | null;
}

export const PRACTICE_PROVIDER_ID = 'legal.practice';

/**
 * How the client instructs the firm (DOMAIN.md section 10, legal): standing retainer vs matter by
 * matter (litigation), and across how many practice areas (cross-sell). Two queries per batch:
 * active contracts, and distinct practice areas of matters running in the last 24 months.
 */
export const practiceFactsProvider: FactProvider = {
  id: PRACTICE_PROVIDER_ID,
  facts: declareFacts(PRACTICE_PROVIDER_ID, [
    {
      name: 'legal.practiceAreas24m',
      type: 'number',
      unit: 'count',
      min: 0,
      label: 'practice areas served in 24 months',
      description: `Distinct practice areas (engagement service lines, case-insensitive) of matters running at some point in the last ${PRACTICE_WINDOW_DAYS} days; cancelled engagements do not count.`,
    },
    {
      name: 'legal.hasStandingRetainer',
      type: 'boolean',
      label: 'has a standing retainer',
      description: 'Whether a contract of kind retainer or engagement_letter (a standing engagement) is active at asOf.',
    },
    {
      name: 'legal.activeMatters',
      type: 'number',
      unit: 'count',
      min: 0,
      label: 'active matters',
      description: 'Contracts of kind matter active at asOf (started, no end date or ending on or after asOf).',
    },
    {
      name: 'legal.matterOnly',
      type: 'boolean',
      label: 'matter-only client',
      description: 'Whether the client has active matters but no active standing retainer: the relationship lasts as long as its open matters.',
    },
    {
      name: 'legal.daysToLastMatterEnd',
      type: 'number',
      unit: 'days',
      min: 0,
      label: 'days until the last open matter ends',
      description: 'Days from asOf to the latest end date among active matters (when the work runs out unless new instructions come); null without active matters or when one has no end date.',
    },
  ]),

  async compute({ em, tenantId, accountIds, asOf }: FactBatchContext) {
    const clock = new FactClock(asOf);
    const base = { tenantId, ids: accountIds, asOfDate: clock.asOfDate };
    const contracts = await selectRows<ContractRow>(
      em,
      `select account_id, kind, end_date
         from contracts
        where tenant_id = :tenantId and account_id in (:ids) and kind in ('retainer', 'engagement_letter', 'matter')
          and start_date <= :asOfDate and (end_date is null or end_date >= :asOfDate)`,
      base,
    );
    const areas = await selectRows<{ account_id: string; n: unknown }>(
      em,
      `select account_id, count(distinct lower(trim(service_line))) as n
         from engagements
        where tenant_id = :tenantId and account_id in (:ids) and status <> 'cancelled'
          and start_date <= :asOfDate and (actual_end_date is null or actual_end_date > :since)
        group by account_id`,
      { ...base, since: clock.sinceDate(PRACTICE_WINDOW_DAYS) },
    );

    const contractsBy = groupBy(contracts);
    const areasBy = indexBy(areas);
    const result = new Map<string, Partial<FactValues>>();
    for (const accountId of accountIds) {
      const active = contractsBy.get(accountId) ?? [];
      const matters = active.filter((c) => c.kind === 'matter');
      const standing = active.some((c) => STANDING_KINDS.has(c.kind));
      const openEnded = matters.some((c) => c.end_date === null);
      const lastEnd = matters.map((c) => c.end_date).filter((d): d is string => d !== null).sort().at(-1);
      result.set(accountId, {
        'legal.practiceAreas24m': count(areasBy.get(accountId)?.n),
        'legal.hasStandingRetainer': standing,
        'legal.activeMatters': matters.length,
        'legal.matterOnly': matters.length > 0 && !standing,
        'legal.daysToLastMatterEnd': matters.length === 0 || openEnded ? null : clock.daysUntil(lastEnd!),
      });
    }
    return result;
  },
};
