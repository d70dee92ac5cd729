import { declareFacts, FactClock, groupBy, selectRows, type FactBatchContext, type FactProvider, type FactValues } from '../../../src/plugin-api/index.js';

interface AssignmentRow {
  account_id: string;
  from_date: string;
  to_date: string | null;
}

/**
 * Account-team stability. Clients of agencies notice every new face on their account: a creative
 * director or account manager who leaves takes the brand knowledge with them. One query per batch
 * over the account's team assignments (a handful per account).
 */
export const teamFacts: FactProvider = {
  id: 'agencies.team',
  facts: declareFacts('agencies.team', [
    {
      name: 'agencies.accountTeamChanges12m',
      type: 'number',
      unit: 'count',
      min: 0,
      label: 'account-team departures in 12 months',
      description:
        'Team assignments (any role) that ended in the last 365 days while the account kept being served, i.e. someone else was still or newly on its team after that day. Assignments ending with the whole relationship (a lost client) do not count; unlike teamChanges365d, a handover counts once, not as a start plus an end.',
    },
  ]),

  async compute({ em, tenantId, accountIds, asOf }: FactBatchContext) {
    const clock = new FactClock(asOf);
    const since365 = clock.sinceDate(365);
    const rows = await selectRows<AssignmentRow>(
      em,
      `select account_id, from_date, to_date
         from team_assignments
        where tenant_id = :tenantId and account_id in (:ids) and from_date <= :asOfDate`,
      { tenantId, ids: accountIds, asOfDate: clock.asOfDate },
    );
    const byAccount = groupBy(rows);
    const result = new Map<string, Partial<FactValues>>();
    for (const accountId of accountIds) {
      const team = byAccount.get(accountId) ?? [];
      const departures = team.filter(
        (a) => a.to_date !== null && a.to_date > since365 && a.to_date <= clock.asOfDate && team.some((b) => b !== a && (b.to_date === null || b.to_date > a.to_date!)),
      );
      result.set(accountId, { 'agencies.accountTeamChanges12m': departures.length });
    }
    return result;
  },
};
