import { declareFacts, FactClock, pluginAttributesOf, selectRows, toInstant, type FactBatchContext, type FactProvider, type FactValues } from '../../../src/plugin-api/index.js';
import { DEFAULT_SLA_HOURS, readAttributes, type Severity } from './attributes.js';

export const SUPPORT_PROVIDER_ID = 'technology.support';
const HOUR_MS = 3_600_000;

interface IssueRow {
  account_id: string;
  severity: Severity;
  opened_at: unknown;
  resolved_at: unknown;
}

/**
 * Support quality against the client's SLA (attributes.technology.slaHours, or the default
 * 8/24/72/168 hours to resolve by severity), from the core service_issues table. Two queries per
 * batch: the accounts' attributes and the issues opened in the last 90 days or still open.
 */
export const supportFacts: FactProvider = {
  id: SUPPORT_PROVIDER_ID,
  facts: declareFacts(SUPPORT_PROVIDER_ID, [
    {
      name: 'technology.slaBreaches90d',
      type: 'number',
      unit: 'count',
      min: 0,
      label: 'SLA breaches in 90 days',
      description: 'Service issues opened in the last 90 days whose resolution time (resolved_at, or asOf while still open) exceeded the SLA hours for their severity. Exactly at the SLA hour is met, not breached.',
    },
    {
      name: 'technology.openIssuesPastSla',
      type: 'number',
      unit: 'count',
      min: 0,
      label: 'open service issues past their SLA',
      description: 'Service issues open at asOf (whenever opened) that have been open longer than the SLA hours for their severity.',
    },
  ]),

  async compute(ctx: FactBatchContext) {
    const clock = new FactClock(ctx.asOf);
    const attributes = await pluginAttributesOf(ctx, 'technology');
    const issues = await selectRows<IssueRow>(
      ctx.em,
      `select account_id, severity, opened_at, resolved_at
         from service_issues
        where tenant_id = :tenantId and account_id in (:ids) and opened_at <= :asOf
          and (opened_at > :since90 or resolved_at is null or resolved_at > :asOf)`,
      { tenantId: ctx.tenantId, ids: ctx.accountIds, asOf: clock.asOf, since90: clock.since(90) },
    );
    const out = new Map<string, Partial<FactValues>>();
    // Counts are never missing: every account of the industry gets 0 when nothing was breached.
    for (const accountId of ctx.accountIds) out.set(accountId, { 'technology.slaBreaches90d': 0, 'technology.openIssuesPastSla': 0 });
    const slaOf = new Map<string, Record<Severity, number>>();
    for (const issue of issues) {
      const accountId = String(issue.account_id);
      let sla = slaOf.get(accountId);
      if (!sla) slaOf.set(accountId, (sla = readAttributes(attributes.get(accountId))?.slaHours ?? DEFAULT_SLA_HOURS));
      const opened = toInstant(issue.opened_at)!;
      const resolved = toInstant(issue.resolved_at);
      const open = resolved === null || resolved.getTime() > clock.asOfMs;
      const hours = ((open ? clock.asOfMs : resolved.getTime()) - opened.getTime()) / HOUR_MS;
      if (hours <= sla[issue.severity]) continue;
      const values = out.get(accountId)!;
      if (clock.within(opened, 90)) values['technology.slaBreaches90d'] = (values['technology.slaBreaches90d'] as number) + 1;
      if (open) values['technology.openIssuesPastSla'] = (values['technology.openIssuesPastSla'] as number) + 1;
    }
    return out;
  },
};
