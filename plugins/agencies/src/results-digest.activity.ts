import { count, FactClock, pluginAttributesOf, selectRows, type PluginActivityDeps, type PluginActivityInput, type PluginActivityResult } from '../../../src/plugin-api/index.js';
import { agencyAttributesSchema } from './attributes.js';

interface CampaignRow {
  name: string;
  start_date: string;
  planned_end_date: string;
  actual_end_date: string | null;
  status: string;
  budget: unknown;
  actual_cost: unknown;
}

const DEFAULT_WINDOW_DAYS = 365;

/**
 * Automated recovery step: gathers the evidence the results review with the client needs (what
 * the campaigns of the last year delivered, the latest KPI result, how long since a new concept
 * and a results report) and records it in the play's history. Read-only, so retries are harmless;
 * it contacts nobody.
 */
export async function resultsDigest(input: PluginActivityInput, deps: PluginActivityDeps): Promise<PluginActivityResult> {
  const em = deps.orm.em.fork();
  const clock = new FactClock(new Date());
  const windowDays = typeof input.parameters.resultsDigestDays === 'number' && input.parameters.resultsDigestDays >= 1 ? Math.round(input.parameters.resultsDigestDays) : DEFAULT_WINDOW_DAYS;
  const campaigns = await selectRows<CampaignRow>(
    em,
    `select name, start_date, planned_end_date, actual_end_date, status, budget, actual_cost
       from engagements
      where tenant_id = :tenantId and account_id = :accountId and status <> 'planned' and start_date <= :today
        and (actual_end_date is null or actual_end_date > :since)
      order by start_date`,
    { tenantId: input.tenantId, accountId: input.accountId, today: clock.asOfDate, since: clock.sinceDate(windowDays) },
  );
  const upcoming = await selectRows<{ n: unknown }>(
    em,
    `select count(*) as n from engagements
      where tenant_id = :tenantId and account_id = :accountId and actual_end_date is null and status <> 'cancelled'
        and (status = 'planned' or start_date > :today)`,
    { tenantId: input.tenantId, accountId: input.accountId, today: clock.asOfDate },
  );
  const raw = (await pluginAttributesOf({ em, tenantId: input.tenantId, accountIds: [input.accountId], asOf: clock.asOf }, 'agencies')).get(input.accountId);
  const parsed = raw ? agencyAttributesSchema.safeParse(raw) : undefined;
  const summary = describeResults({
    windowDays,
    today: clock.asOfDate,
    daysSince: (date) => clock.daysSince(date)!,
    campaigns: campaigns.map((c) => ({ name: c.name, plannedEnd: c.planned_end_date, actualEnd: c.actual_end_date, status: c.status, budget: count(c.budget), actualCost: count(c.actual_cost) })),
    nextPlanned: count(upcoming[0]?.n) > 0,
    attributes: parsed?.success ? parsed.data : undefined,
  });
  deps.log.info({ accountId: input.accountId, stepId: input.stepId }, 'agency results digest compiled');
  return { summary };
}

export interface ResultsEvidence {
  windowDays: number;
  today: string;
  daysSince(date: string): number;
  campaigns: { name: string; plannedEnd: string; actualEnd: string | null; status: string; budget: number; actualCost: number }[];
  nextPlanned: boolean;
  attributes?: { lastNewConceptOn?: string; lastResultsReportOn?: string; latestCampaign?: { name: string; kpi: string; attainmentPct: number } };
}

/** The digest in one paragraph (pure, so it is tested without a database). */
export function describeResults(e: ResultsEvidence): string {
  const parts: string[] = [];
  const isRunning = (c: ResultsEvidence['campaigns'][number]) => (c.actualEnd !== null ? c.actualEnd > e.today : c.status === 'active' || c.status === 'on_hold');
  const running = e.campaigns.filter(isRunning).length;
  const over = e.campaigns.filter((c) => c.actualCost > c.budget).length;
  // Late: ended after the planned end, or still running past it.
  const late = e.campaigns.filter((c) => (isRunning(c) ? e.today : (c.actualEnd ?? c.plannedEnd)) > c.plannedEnd).length;
  const details = [running ? `${running} running` : 'none running', ...(over ? [`${over} over budget`] : []), ...(late ? [`${late} late`] : [])];
  parts.push(`${e.campaigns.length} campaign${e.campaigns.length === 1 ? '' : 's'} in the last ${e.windowDays} days (${details.join(', ')})`);
  const latest = e.attributes?.latestCampaign;
  parts.push(latest ? `latest result: ${latest.name} at ${latest.attainmentPct}% of its ${latest.kpi} target` : 'no campaign result recorded');
  const concept = e.attributes?.lastNewConceptOn;
  parts.push(concept && concept <= e.today ? `last new creative concept ${e.daysSince(concept)} days ago` : 'no new creative concept recorded');
  const report = e.attributes?.lastResultsReportOn;
  parts.push(report && report <= e.today ? `last results report ${e.daysSince(report)} days ago` : 'no results report recorded');
  parts.push(e.nextPlanned ? 'next campaign planned' : 'no next campaign planned');
  return `Results digest: ${parts.join('; ')}.`;
}
