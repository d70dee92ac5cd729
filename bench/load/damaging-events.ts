/**
 * Events that lower an account's health, most damaging first, so a short burst per account
 * crosses the escalation thresholds of rules/escalation.json (score below 60, below 40, a 15+
 * point drop, a payment 30+ days late). Each one changes a fact some health, signal or
 * escalation rule reads (rules/health.json, rules/signals.json); repeats past the end of the
 * list re-send the same kinds with new ids (another complaint, another detractor answer…).
 */
export interface IngestEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Step = (at: (msAgo: number) => string, day: (msAgo: number) => string) => { type: string; data: Record<string, unknown> };

const STEPS: Step[] = [
  // satisfaction: promoter/passive → detractor (up to −14)
  (at) => ({ type: 'survey.responded', data: { kind: 'nps', score: 0, respondedAt: at(HOUR) } }),
  // satisfaction: no open complaints → open complaint + serious issue (−14)
  (at) => ({ type: 'service_issue.opened', data: { title: 'Formal complaint about the team', severity: 'critical', isComplaint: true, openedAt: at(2 * HOUR) } }),
  // financial: pays on time → invoice 45 days late (−20), and the payment-30-late protocol
  (_, day) => ({ type: 'invoice.issued', data: { amount: 40_000, issuedOn: day(75 * DAY), dueOn: day(45 * DAY) } }),
  (at) => ({ type: 'observation.recorded', data: { kind: 'tone_shift', tone: 'critical', observedAt: at(3 * HOUR) } }),
  (at) => ({ type: 'observation.recorded', data: { kind: 'new_executive', executiveSeat: 'procurement', observedAt: at(4 * HOUR) } }),
  () => ({ type: 'stakeholder.added', data: { name: 'New CFO', role: 'blocker', seniority: 'c_level', strength: 'at_risk' } }),
  (at) => ({ type: 'observation.recorded', data: { kind: 'discount_request', observedAt: at(5 * HOUR) } }),
  (at) => ({ type: 'observation.recorded', data: { kind: 'discount_request', observedAt: at(6 * HOUR) } }),
  (at) => ({ type: 'survey.responded', data: { kind: 'csat', score: 1, respondedAt: at(7 * HOUR) } }),
  (at) => ({ type: 'observation.recorded', data: { kind: 'competitor_mentioned', observedAt: at(8 * HOUR) } }),
  (at) => ({ type: 'observation.recorded', data: { kind: 'rfp_issued', observedAt: at(9 * HOUR) } }),
  (at) => ({ type: 'observation.recorded', data: { kind: 'exploring_options', observedAt: at(10 * HOUR) } }),
];

/** The `step`-th damaging event for an account (steps past the list wrap around). */
export function damagingEvent(step: number, accountId: string, id: string, asOf: number): IngestEvent {
  const at = (msAgo: number) => new Date(asOf - msAgo - step * 1000).toISOString();
  const day = (msAgo: number) => new Date(asOf - msAgo).toISOString().slice(0, 10);
  const { type, data } = STEPS[step % STEPS.length](at, day);
  return { id, type, data: { accountId, ...data } };
}

export const DAMAGING_STEPS = STEPS.length;
