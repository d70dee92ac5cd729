// A fixed, realistic set of ingestion events for one account: a year of relationship history
// (stakeholders, a retainer, a project going over budget, invoices issued and paid late, meetings
// held and cancelled, NPS/CSAT answers, a complaint opened and resolved, a competitor mention, a
// champion leaving, a churn and a win-back). Every timestamp is relative to `now`, so the same set
// can be delivered for many accounts and must always end in the same state.
import { deterministicUuid } from '../../../src/ingestion/deterministic-id.js';

export interface IngestionEvent {
  id: string;
  type: string;
  /** When it happened at the source: the order the events describe. */
  occurredAt: string;
  data: Record<string, unknown>;
}

export interface AccountEventSet {
  /** Updates (paid, resolved, departed, progressed) name rows that other events of the set create. */
  events: IngestionEvent[];
}

/** Builds the set for `accountId`; event ids start with `prefix` (unique per account in the tenant). */
export function accountEventSet(tenantId: string, accountId: string, prefix: string, now: Date): AccountEventSet {
  const at = (daysAgo: number, hour = 10) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysAgo, hour)).toISOString();
  const day = (daysAgo: number) => at(daysAgo).slice(0, 10);
  const rowOf = (eventId: string) => deterministicUuid(tenantId, 'event', `${prefix}${eventId}`);
  const events: IngestionEvent[] = [];
  const add = (id: string, type: string, occurredAt: string, data: Record<string, unknown>) => events.push({ id: `${prefix}${id}`, type, occurredAt, data });

  // Who we talk to, and a stakeholder who later leaves.
  add('sh-champion', 'stakeholder.added', at(380), { accountId, name: 'Cleo Champion', role: 'champion', seniority: 'director', strength: 'strong', metInPerson: true });
  add('sh-cfo', 'stakeholder.added', at(370), { accountId, name: 'Dana CFO', role: 'decision_maker', seniority: 'c_level', strength: 'developing' });
  add('sh-user', 'stakeholder.added', at(200), { accountId, name: 'Uma User', role: 'user', seniority: 'manager', strength: 'weak' });
  add('sh-champion-left', 'stakeholder.departed', at(12), { stakeholderId: rowOf('sh-champion'), departedAt: day(12) });

  // Money: a retainer, a project that goes over budget and is put on hold, invoices (one paid late).
  add('contract', 'contract.signed', at(400), { accountId, kind: 'retainer', title: 'Advisory retainer', value: 240_000, annualValue: 120_000, startDate: day(400), endDate: day(-330) });
  add('project', 'engagement.started', at(120), { accountId, name: 'Finance transformation', serviceLine: 'advisory', budget: 100_000, startDate: day(120), plannedEndDate: day(-60) });
  add('project-60k', 'engagement.progressed', at(60), { engagementId: rowOf('project'), actualCost: 60_000 });
  add('project-overrun', 'engagement.progressed', at(20), { engagementId: rowOf('project'), actualCost: 115_000, status: 'on_hold' });
  add('project-resumed', 'engagement.progressed', at(10), { engagementId: rowOf('project'), status: 'active' });
  for (const [i, daysAgo] of [300, 210, 120, 30].entries()) {
    add(`inv-${i}`, 'invoice.issued', at(daysAgo), { accountId, amount: 30_000, issuedOn: day(daysAgo), dueOn: day(daysAgo - 30) });
  }
  add('inv-0-paid', 'invoice.paid', at(275), { invoiceId: rowOf('inv-0'), paidOn: day(275) });
  add('inv-1-paid', 'invoice.paid', at(140), { invoiceId: rowOf('inv-1'), paidOn: day(140) }); // 40 days late
  add('inv-2-paid', 'invoice.paid', at(85), { invoiceId: rowOf('inv-2'), paidOn: day(85) });

  // Meetings: strategic and executive ones held, operational ones cancelled lately.
  const meetings: [number, string, string][] = [
    [170, 'executive', 'held'], [95, 'strategic', 'held'], [70, 'operational', 'held'], [45, 'strategic', 'held'],
    [33, 'operational', 'cancelled'], [26, 'operational', 'rescheduled'], [18, 'operational', 'cancelled'], [6, 'maintenance', 'held'],
  ];
  for (const [i, [daysAgo, kind, outcome]] of meetings.entries()) {
    add(`tp-${i}`, 'touchpoint.recorded', at(daysAgo), { accountId, kind, channel: 'meeting', direction: 'outbound', outcome, occurredAt: at(daysAgo) });
  }

  // Satisfaction: NPS falls then partly recovers; a complaint opened and resolved; a serious issue still open.
  add('nps-1', 'survey.responded', at(200), { accountId, kind: 'nps', score: 9, respondedAt: at(200) });
  add('nps-2', 'survey.responded', at(40), { accountId, kind: 'nps', score: 4, respondedAt: at(40) });
  add('nps-3', 'survey.responded', at(5), { accountId, kind: 'nps', score: 7, respondedAt: at(5) });
  add('csat-1', 'survey.responded', at(90), { accountId, kind: 'csat', score: 4, respondedAt: at(90) });
  add('csat-2', 'survey.responded', at(22), { accountId, kind: 'csat', score: 2, respondedAt: at(22) });
  add('complaint', 'service_issue.opened', at(50), { accountId, title: 'Invoices wrong again', severity: 'medium', isComplaint: true, openedAt: at(50) });
  add('complaint-fixed', 'service_issue.resolved', at(30), { serviceIssueId: rowOf('complaint'), resolvedAt: at(30) });
  add('outage', 'service_issue.opened', at(15), { accountId, title: 'Reporting pipeline down', severity: 'high', openedAt: at(15) });

  // What people noticed.
  add('competitor', 'observation.recorded', at(25), { accountId, kind: 'competitor_mentioned', competitor: 'Rival & Co', observedAt: at(25) });
  add('tone', 'observation.recorded', at(3), { accountId, kind: 'tone_shift', tone: 'positive', observedAt: at(3) });

  // The client left for ten days last year and came back (the later event must win).
  add('churned', 'account.churned', at(100), { accountId, churnedAt: day(100), reason: 'competitor_better_value' });
  add('won-back', 'account.won_back', at(90), { accountId });

  return { events };
}

/** The events in the order they happened (ties keep the set's order). */
export function chronological(events: readonly IngestionEvent[]): IngestionEvent[] {
  return events.map((e, i) => ({ e, i })).sort((a, b) => a.e.occurredAt.localeCompare(b.e.occurredAt) || a.i - b.i).map(({ e }) => e);
}
