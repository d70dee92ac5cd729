import { declareFacts, type FactValues } from '../fact-definition.js';
import type { FactBatchContext, FactProvider } from '../fact-provider.js';
import { bool, count } from '../numbers.js';
import { groupBy, indexBy, selectRows } from '../sql.js';
import { FactClock } from '../time.js';

export const RELATIONSHIP_FACTS_PROVIDER_ID = 'core.relationship';

interface StakeholderRow {
  id: string;
  account_id: string;
  role: string;
  seniority: string;
  strength: string;
  is_firm_alumnus: unknown;
  departed_at: string | null;
}
interface ThreadRow {
  account_id: string;
  stakeholder_id: string;
  last_held: unknown;
}
interface AssignmentRow {
  account_id: string;
  role: string;
  from_date: string;
  to_date: string | null;
}

const ENGAGED = new Set(['strong', 'developing']);

/**
 * Stakeholder map and firm-side coverage (DOMAIN.md section 3): who we reach, how senior, who left.
 * Four queries per batch: stakeholders, held touchpoints per stakeholder (180 days), team
 * assignments, and new-executive observations. Stakeholder role and strength are current values
 * (not versioned), so time travel only applies to departure dates and touchpoints.
 */
export const relationshipFactsProvider: FactProvider = {
  id: RELATIONSHIP_FACTS_PROVIDER_ID,
  facts: declareFacts(RELATIONSHIP_FACTS_PROVIDER_ID, [
    { name: 'stakeholderCount', type: 'number', unit: 'count', min: 0, label: 'stakeholders', description: 'Stakeholders at the client not departed by asOf.' },
    { name: 'activeThreads', type: 'number', unit: 'count', min: 0, label: 'active stakeholder threads', description: 'Current stakeholders with a held touchpoint in the last 90 days.' },
    { name: 'decisionMakerAccess', type: 'boolean', label: 'access to a decision-maker', description: 'Whether a current decision-maker has a strong or developing relationship with us.' },
    { name: 'cLevelAccess', type: 'boolean', label: 'C-level access', description: 'Whether a current C-level stakeholder has a strong or developing relationship, or had a held touchpoint in the last 180 days.' },
    { name: 'hasActiveChampion', type: 'boolean', label: 'has an active champion', description: 'Whether a current (not departed) stakeholder has the champion role.' },
    { name: 'championDeparted', type: 'boolean', label: 'champion left', description: 'Whether a champion departed in the last 180 days.' },
    { name: 'singleThreaded', type: 'boolean', label: 'single-threaded', description: 'Whether the relationship hangs on one person: at most one current stakeholder, or at most one active thread.' },
    { name: 'atRiskStakeholders', type: 'number', unit: 'count', min: 0, label: 'at-risk stakeholders', description: 'Current stakeholders whose relationship strength is at risk.' },
    { name: 'blockers', type: 'number', unit: 'count', min: 0, label: 'blockers', description: 'Current stakeholders with the blocker role.' },
    { name: 'firmAlumniContacts', type: 'number', unit: 'count', min: 0, label: 'firm alumni at the client', description: 'Current stakeholders who are former employees of the firm.' },
    { name: 'newExecutiveSponsorOrProcurement', type: 'boolean', label: 'new executive in the sponsor or procurement seat', description: 'Whether a new_executive observation for the sponsor or procurement seat was recorded in the last 180 days.' },
    { name: 'hasExecutiveSponsor', type: 'boolean', label: 'has an executive sponsor', description: 'Whether someone at the firm holds an executive_sponsor assignment active at asOf.' },
    { name: 'teamChanges365d', type: 'number', unit: 'count', min: 0, label: 'team changes in 12 months', description: 'Team assignments that started or ended in the last 365 days (each assignment counted once).' },
    { name: 'accountLeadChangedDays', type: 'number', unit: 'days', min: 0, label: 'days since the account lead changed', description: 'Days since the current account lead assignment started (the latest one when several); null without an account lead.' },
  ]),

  async compute({ em, tenantId, accountIds, asOf }: FactBatchContext) {
    const clock = new FactClock(asOf);
    const base = { tenantId, ids: accountIds };
    const stakeholders = await selectRows<StakeholderRow>(
      em,
      `select id, account_id, role, seniority, strength, is_firm_alumnus, departed_at
         from stakeholders where tenant_id = :tenantId and account_id in (:ids)`,
      base,
    );
    const threads = await selectRows<ThreadRow>(
      em,
      `select account_id, stakeholder_id, max(occurred_at) as last_held
         from touchpoints
        where tenant_id = :tenantId and account_id in (:ids) and stakeholder_id is not null and outcome = 'held'
          and occurred_at > :since180 and occurred_at <= :asOf
        group by account_id, stakeholder_id`,
      { ...base, since180: clock.since(180), asOf: clock.asOf },
    );
    const assignments = await selectRows<AssignmentRow>(
      em,
      `select account_id, role, from_date, to_date
         from team_assignments where tenant_id = :tenantId and account_id in (:ids) and from_date <= :asOfDate`,
      { ...base, asOfDate: clock.asOfDate },
    );
    const newExecutives = await selectRows<{ account_id: string; n: unknown }>(
      em,
      `select account_id, count(*) as n
         from observations
        where tenant_id = :tenantId and account_id in (:ids) and kind = 'new_executive'
          and executive_seat in ('sponsor', 'procurement') and observed_at > :since180 and observed_at <= :asOf
        group by account_id`,
      { ...base, since180: clock.since(180), asOf: clock.asOf },
    );

    const stakeholdersBy = groupBy(stakeholders);
    const lastHeldByStakeholder = new Map(threads.map((t) => [String(t.stakeholder_id), t.last_held]));
    const assignmentsBy = groupBy(assignments);
    const newExecutiveBy = indexBy(newExecutives);
    const since180 = clock.sinceDate(180);
    const since365 = clock.sinceDate(365);

    const result = new Map<string, Partial<FactValues>>();
    for (const accountId of accountIds) {
      const all = stakeholdersBy.get(accountId) ?? [];
      const current = all.filter((s) => s.departed_at === null || s.departed_at > clock.asOfDate);
      const lastHeld = (s: StakeholderRow) => lastHeldByStakeholder.get(String(s.id)) ?? null;
      const activeThreads = current.filter((s) => clock.within(lastHeld(s), 90)).length;

      const team = assignmentsBy.get(accountId) ?? [];
      const activeTeam = team.filter((a) => a.to_date === null || a.to_date >= clock.asOfDate);
      const leadStarts = activeTeam.filter((a) => a.role === 'account_lead').map((a) => a.from_date).sort();

      result.set(accountId, {
        stakeholderCount: current.length,
        activeThreads,
        decisionMakerAccess: current.some((s) => s.role === 'decision_maker' && ENGAGED.has(s.strength)),
        cLevelAccess: current.some((s) => s.seniority === 'c_level' && (ENGAGED.has(s.strength) || clock.within(lastHeld(s), 180))),
        hasActiveChampion: current.some((s) => s.role === 'champion'),
        championDeparted: all.some((s) => s.role === 'champion' && s.departed_at !== null && s.departed_at > since180 && s.departed_at <= clock.asOfDate),
        singleThreaded: current.length <= 1 || activeThreads <= 1,
        atRiskStakeholders: current.filter((s) => s.strength === 'at_risk').length,
        blockers: current.filter((s) => s.role === 'blocker').length,
        firmAlumniContacts: current.filter((s) => bool(s.is_firm_alumnus)).length,
        newExecutiveSponsorOrProcurement: count(newExecutiveBy.get(accountId)?.n) > 0,
        hasExecutiveSponsor: activeTeam.some((a) => a.role === 'executive_sponsor'),
        teamChanges365d: team.filter((a) => a.from_date > since365 || (a.to_date !== null && a.to_date > since365 && a.to_date <= clock.asOfDate)).length,
        accountLeadChangedDays: leadStarts.length > 0 ? clock.daysSince(leadStarts.at(-1)!) : null,
      });
    }
    return result;
  },
};
