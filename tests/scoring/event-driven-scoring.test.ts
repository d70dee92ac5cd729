import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountHealth } from '../../src/scoring/account-health.entity.js';
import { HealthSnapshot } from '../../src/scoring/health-snapshot.entity.js';
import { Stakeholder } from '../../src/relationships/stakeholder.entity.js';
import { PlayCommand } from '../../src/escalations/play-command.entity.js';
import { Task } from '../../src/tasks/task.entity.js';
import { seedDemoPortfolio } from '../../src/persistence/demo/seed-demo.js';
import { RescoreOnActivity } from '../../src/scoring/rescore-on-activity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';

const DAY = 86_400_000;
const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();
const date = (msAgo: number) => iso(msAgo).slice(0, 10);

describe('event-driven rescoring and escalation on the demo portfolio', () => {
  let app: TestApp;
  let accountId: string;
  let eventNo = 0;
  const sent: unknown[] = [];

  beforeAll(async () => {
    app = await startTestApp(testDialects()[0]);
    await seedDemoPortfolio(app.orm, { tenantId: 'demo', asOf: new Date(), accounts: 200 });
    const baseline = await app.call('POST', '/api/v1/scoring/rescore', {}, { tenant: 'demo' });
    expect(baseline.status).toBe(200);
    expect(baseline.body.snapshots).toBeGreaterThan(150);
    // A healthy recurring client with no escalation in progress.
    const [candidate] = await app.orm.em.fork().find(AccountHealth, { tenantId: 'demo', score: { $gte: 68, $lte: 85 }, tier: { $gte: 2 }, signalCount: { $lte: 3 } }, { orderBy: { score: 'desc' } });
    expect(candidate, 'the demo portfolio has a healthy tier 2+ account').toBeDefined();
    accountId = candidate.accountId;
  });
  afterAll(async () => app?.close());

  async function latest() {
    const [snapshot] = await app.orm.em.fork().find(HealthSnapshot, { tenantId: 'demo', accountId }, { orderBy: { computedAt: 'desc' }, limit: 1 });
    return snapshot;
  }

  /** Sends one event and waits until the account has been rescored (a new snapshot), timing it. */
  async function send(type: string, data: Record<string, unknown>) {
    const before = await latest();
    const started = Date.now();
    const body = { events: [{ id: `e2e-${++eventNo}`, type, data: { accountId, ...data } }] };
    sent.push(body);
    const res = await app.call('POST', '/api/v1/events', body, { tenant: 'demo' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // The event triggers rescoring by itself (debounced); wait for that queue to drain.
    await new Promise((r) => setTimeout(r, 20));
    await app.app.get(RescoreOnActivity).settled();
    const now = await latest();
    return { snapshot: now, ms: Date.now() - started, unchanged: now.id === before.id };
  }

  it('pushes the account below 60 (explained delta + review task), then below 40 (recovery-plan command)', async () => {
    const em = app.orm.em.fork();
    const champion = await em.findOne(Stakeholder, { tenantId: 'demo', accountId, role: 'champion', departedAt: null });
    // Small, realistic steps: each moves the score by at most ~20 points.
    const steps: [string, Record<string, unknown>][] = [
      ['observation.recorded', { kind: 'tone_shift', tone: 'critical', observedAt: iso(DAY) }],
      ['observation.recorded', { kind: 'new_executive', executiveSeat: 'procurement', observedAt: iso(DAY) }],
      ['observation.recorded', { kind: 'discount_request', observedAt: iso(2 * DAY) }],
      ['observation.recorded', { kind: 'rate_pushback', observedAt: iso(DAY) }],
      ['service_issue.opened', { title: 'Deadline missed', severity: 'high', isComplaint: false, openedAt: iso(3 * DAY) }],
      ['survey.responded', { kind: 'nps', score: 3, respondedAt: iso(DAY) }],
      ...(champion ? [['stakeholder.departed', { stakeholderId: champion.id, accountId: undefined, departedAt: date(2 * DAY) }] as [string, Record<string, unknown>]] : []),
      ['survey.responded', { kind: 'csat', score: 1, respondedAt: iso(DAY / 2) }],
      ['service_issue.opened', { title: 'Formal complaint about the team', severity: 'critical', isComplaint: true, openedAt: iso(DAY) }],
      ['invoice.issued', { amount: 40_000, issuedOn: date(75 * DAY), dueOn: date(45 * DAY) }],
      ['stakeholder.added', { name: 'New CFO', role: 'blocker', seniority: 'c_level', strength: 'at_risk' }],
      ...Array.from({ length: 8 }, (_, i) => ['touchpoint.recorded', { kind: 'operational', channel: 'meeting', direction: 'outbound', outcome: i % 2 ? 'cancelled' : 'rescheduled', occurredAt: iso((i + 1) * DAY) }] as [string, Record<string, unknown>]),
      // The demo portfolio is generated for "today", so the account differs by date: further
      // competitive and relationship blows for accounts the steps above leave just above 40.
      ['observation.recorded', { kind: 'competitor_mentioned', observedAt: iso(DAY / 4) }],
      ['observation.recorded', { kind: 'rfp_issued', observedAt: iso(DAY / 4) }],
      ['observation.recorded', { kind: 'exploring_options', observedAt: iso(DAY / 4) }],
      ['service_issue.opened', { title: 'Second formal complaint', severity: 'critical', isComplaint: true, openedAt: iso(DAY / 4) }],
      ['survey.responded', { kind: 'nps', score: 0, respondedAt: iso(DAY / 4) }],
      ['stakeholder.added', { name: 'New CEO', role: 'decision_maker', seniority: 'c_level', strength: 'at_risk' }],
      ...Array.from({ length: 6 }, (_, i) => ['touchpoint.recorded', { kind: 'operational', channel: 'email', direction: 'outbound', outcome: 'held', responseTimeHours: 400, occurredAt: iso((i + 1) * DAY / 8) }] as [string, Record<string, unknown>]),
    ];
    let crossed60 = false;
    let crossed40 = false;
    for (const [type, raw] of steps) {
      const data = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
      if (type === 'stakeholder.departed') delete data.accountId;
      const { snapshot, ms, unchanged } = await send(type, type === 'stakeholder.departed' ? { ...data, accountId: undefined } : data);
      if (unchanged) continue; // the step changed no conclusion (e.g. a component already at 0)
      expect(ms, 'rescored within seconds of the event').toBeLessThan(5_000);
      expect(snapshot.trigger).toBe('event');
      expect(snapshot.delta?.summary).toMatch(/^[+−±]\d+/);

      if (!crossed60 && snapshot.score < 60) {
        crossed60 = true;
        expect(snapshot.score, 'a single step does not jump straight past 40').toBeGreaterThanOrEqual(40);
        // The delta names components and the facts that moved them.
        expect(snapshot.delta!.delta).toBeLessThan(0);
        expect(snapshot.delta!.components.some((c) => c.delta < 0 && c.factChanges.length > 0)).toBe(true);
        const tasks = await app.orm.em.fork().find(Task, { tenantId: 'demo', accountId, source: 'escalation' });
        expect(tasks.map((t) => t.title)).toContainEqual(expect.stringMatching(/^Hold an account review meeting within 1 week \(health \d+\)$/));
        const review = tasks.find((t) => t.title.startsWith('Hold an account review'))!;
        expect(review).toMatchObject({ ownerRole: 'account_lead', status: 'open' });
        expect(Date.parse(review.dueOn!) - Date.parse(date(0))).toBe(7 * DAY);
        expect(await app.orm.em.fork().count(PlayCommand, { tenantId: 'demo', accountId })).toBe(0);
      }
      if (crossed60 && snapshot.score < 40) {
        crossed40 = true;
        const commands = await app.orm.em.fork().find(PlayCommand, { tenantId: 'demo', accountId });
        expect(commands).toHaveLength(1);
        expect(commands[0]).toMatchObject({ play: 'recovery', action: 'start', status: 'pending', source: 'escalation' });
        expect(commands[0].reason).toMatch(/^health \d+ below 40$/);
        const partnerTasks = await app.orm.em.fork().find(Task, { tenantId: 'demo', accountId, ownerRole: 'partner' });
        expect(partnerTasks.length + (await app.orm.em.fork().count(Task, { tenantId: 'demo', accountId, source: 'escalation' }))).toBeGreaterThan(1);
        break;
      }
    }
    expect(crossed60, 'the events pushed the account below 60').toBe(true);
    expect(crossed40, 'the events pushed the account below 40').toBe(true);

    // The history endpoint explains every change.
    const history = await app.call('GET', `/api/v1/accounts/${accountId}/health/history?limit=50`, undefined, { tenant: 'demo' });
    expect(history.body.items.length).toBeGreaterThan(2);
    expect(history.body.items[0].delta.summary).toMatch(/^[+−±]\d+/);
  });

  it('a replayed event changes nothing and escalates nothing again', async () => {
    const before = await latest();
    const tasks = await app.orm.em.fork().count(Task, { tenantId: 'demo', accountId });
    const replay = await app.call('POST', '/api/v1/events', sent[0], { tenant: 'demo' });
    expect(replay.body).toMatchObject({ applied: 0, duplicates: 1 });
    await new Promise((r) => setTimeout(r, 500));
    expect((await latest()).id).toBe(before.id);
    expect(await app.orm.em.fork().count(Task, { tenantId: 'demo', accountId })).toBe(tasks);
  });
});
