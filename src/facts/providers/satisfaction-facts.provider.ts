import { declareFacts, type FactValues } from '../fact-definition.js';
import type { FactBatchContext, FactProvider } from '../fact-provider.js';
import { count, mean, num, round } from '../numbers.js';
import { groupBy, indexBy, selectRows } from '../sql.js';
import { FactClock } from '../time.js';

export const SATISFACTION_FACTS_PROVIDER_ID = 'core.satisfaction';

interface SurveyRow {
  account_id: string;
  kind: 'nps' | 'csat';
  score: unknown;
  responded_at: unknown;
  rn: unknown;
}
interface IssueRow {
  account_id: string;
  open_complaints: unknown;
  open_issues: unknown;
  critical90: unknown;
  complaints90: unknown;
  last_complaint: unknown;
}

/**
 * Satisfaction signals (DOMAIN.md section 4): NPS, CSAT, complaints and service issues. Two queries
 * per batch: the two latest answers of each survey kind plus the last year's CSAT (window function),
 * and one aggregate over service issues. NPS/CSAT are per account: the latest answer of anyone there.
 */
export const satisfactionFactsProvider: FactProvider = {
  id: SATISFACTION_FACTS_PROVIDER_ID,
  facts: declareFacts(SATISFACTION_FACTS_PROVIDER_ID, [
    { name: 'latestNps', type: 'number', unit: 'score', min: 0, max: 10, label: 'latest NPS answer', description: 'Score (0-10) of the latest NPS answer at or before asOf; null when none.' },
    { name: 'previousNps', type: 'number', unit: 'score', min: 0, max: 10, label: 'previous NPS answer', description: 'Score of the NPS answer before the latest one; null when fewer than two.' },
    { name: 'npsChange', type: 'number', unit: 'points', min: -10, max: 10, label: 'NPS change', description: 'latestNps - previousNps; null when either is missing.' },
    { name: 'avgCsat365d', type: 'number', unit: 'score', min: 1, max: 5, label: 'average CSAT in 12 months', description: 'Average CSAT score (1-5) of answers in the last 365 days, two decimals; null when none.' },
    { name: 'latestCsat', type: 'number', unit: 'score', min: 1, max: 5, label: 'latest CSAT answer', description: 'Score of the latest CSAT answer at or before asOf; null when none.' },
    { name: 'openComplaints', type: 'number', unit: 'count', min: 0, label: 'open complaints', description: 'Complaints opened by asOf and not resolved at asOf.' },
    { name: 'openServiceIssues', type: 'number', unit: 'count', min: 0, label: 'open service issues', description: 'Service issues (complaints included) opened by asOf and not resolved at asOf.' },
    { name: 'criticalIssues90d', type: 'number', unit: 'count', min: 0, label: 'serious service issues in 90 days', description: 'Service issues of high or critical severity opened in the last 90 days.' },
    { name: 'complaints90d', type: 'number', unit: 'count', min: 0, label: 'complaints in 90 days', description: 'Complaints opened in the last 90 days.' },
    { name: 'daysSinceLastComplaint', type: 'number', unit: 'days', min: 0, label: 'days since the last complaint', description: 'Whole days since the latest complaint was opened; null when there was none.' },
  ]),

  async compute({ em, tenantId, accountIds, asOf }: FactBatchContext) {
    const clock = new FactClock(asOf);
    const since365 = clock.since(365);
    const surveys = await selectRows<SurveyRow>(
      em,
      `select account_id, kind, score, responded_at, rn from (
         select account_id, kind, score, responded_at,
                row_number() over (partition by account_id, kind order by responded_at desc, id desc) as rn
           from survey_responses
          where tenant_id = :tenantId and account_id in (:ids) and responded_at <= :asOf
       ) ranked
       where rn <= 2 or (kind = 'csat' and responded_at > :since365)`,
      { tenantId, ids: accountIds, asOf: clock.asOf, since365 },
    );
    const issues = await selectRows<IssueRow>(
      em,
      `select account_id,
              sum(case when is_complaint and (resolved_at is null or resolved_at > :asOf) then 1 else 0 end) as open_complaints,
              sum(case when resolved_at is null or resolved_at > :asOf then 1 else 0 end) as open_issues,
              sum(case when severity in ('high', 'critical') and opened_at > :since90 then 1 else 0 end) as critical90,
              sum(case when is_complaint and opened_at > :since90 then 1 else 0 end) as complaints90,
              max(case when is_complaint then opened_at end) as last_complaint
         from service_issues
        where tenant_id = :tenantId and account_id in (:ids) and opened_at <= :asOf
        group by account_id`,
      { tenantId, ids: accountIds, asOf: clock.asOf, since90: clock.since(90) },
    );

    const surveysBy = groupBy(surveys);
    const issuesBy = indexBy(issues);
    const result = new Map<string, Partial<FactValues>>();
    for (const accountId of accountIds) {
      const answers = surveysBy.get(accountId) ?? [];
      const ranked = (kind: SurveyRow['kind'], rank: number) => num(answers.find((a) => a.kind === kind && count(a.rn) === rank)?.score);
      const latestNps = ranked('nps', 1);
      const previousNps = ranked('nps', 2);
      const csat365 = answers.filter((a) => a.kind === 'csat' && clock.within(a.responded_at, 365)).map((a) => count(a.score));
      const avgCsat = mean(csat365);
      const issue = issuesBy.get(accountId);
      result.set(accountId, {
        latestNps,
        previousNps,
        npsChange: latestNps === null || previousNps === null ? null : latestNps - previousNps,
        avgCsat365d: avgCsat === null ? null : round(avgCsat, 2),
        latestCsat: ranked('csat', 1),
        openComplaints: count(issue?.open_complaints),
        openServiceIssues: count(issue?.open_issues),
        criticalIssues90d: count(issue?.critical90),
        complaints90d: count(issue?.complaints90),
        daysSinceLastComplaint: clock.daysSince(issue?.last_complaint ?? null),
      });
    }
    return result;
  },
};
