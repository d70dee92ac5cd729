import { ACCOUNT_STATUSES, INDUSTRIES } from '../../domain/vocabulary.js';
import { declareFacts, type FactValues } from '../fact-definition.js';
import type { FactBatchContext, FactProvider } from '../fact-provider.js';
import { round } from '../numbers.js';
import { selectRows } from '../sql.js';
import { FactClock, monthsBetween } from '../time.js';

export const PROFILE_FACTS_PROVIDER_ID = 'core.profile';

interface AccountRow {
  id: string;
  industry: string;
  status: string;
  segment: string | null;
  region: string | null;
  client_since: string;
  churned_at: string | null;
}

/** Facts from the account row itself: who the client is and for how long. One query per batch. */
export const profileFactsProvider: FactProvider = {
  id: PROFILE_FACTS_PROVIDER_ID,
  facts: declareFacts(PROFILE_FACTS_PROVIDER_ID, [
    { name: 'industry', type: 'string', enumValues: INDUSTRIES, label: 'industry', description: 'Industry of the client as recorded on the account.' },
    { name: 'accountStatus', type: 'string', enumValues: ACCOUNT_STATUSES, label: 'account status', description: 'Account status; a churned account whose churn date lies after asOf counts as active (time travel).' },
    { name: 'segment', type: 'string', label: 'segment', description: 'Segment recorded on the account; null when unset.' },
    { name: 'region', type: 'string', label: 'region', description: 'Region recorded on the account; null when unset.' },
    { name: 'tenureMonths', type: 'number', unit: 'months', min: 0, label: 'tenure in months', description: 'Whole calendar months from clientSince to asOf (0 before the first full month).' },
    { name: 'tenureYears', type: 'number', unit: 'years', min: 0, label: 'tenure in years', description: 'tenureMonths / 12 to one decimal (5.0 = five full years).' },
    { name: 'clientSinceDays', type: 'number', unit: 'days', min: 0, label: 'days as a client', description: 'Whole days from clientSince to asOf.' },
  ]),

  async compute({ em, tenantId, accountIds, asOf }: FactBatchContext) {
    const clock = new FactClock(asOf);
    const rows = await selectRows<AccountRow>(
      em,
      `select id, industry, status, segment, region, client_since, churned_at
         from accounts where tenant_id = :tenantId and id in (:ids)`,
      { tenantId, ids: accountIds },
    );
    const result = new Map<string, Partial<FactValues>>();
    for (const row of rows) {
      const months = Math.max(0, monthsBetween(row.client_since, clock.asOf));
      const status = row.status === 'churned' && row.churned_at !== null && row.churned_at > clock.asOfDate ? 'active' : row.status;
      result.set(String(row.id), {
        industry: row.industry,
        accountStatus: status,
        segment: row.segment ?? null,
        region: row.region ?? null,
        tenureMonths: months,
        tenureYears: round(months / 12, 1),
        clientSinceDays: Math.max(0, clock.daysSince(row.client_since)!),
      });
    }
    return result;
  },
};
