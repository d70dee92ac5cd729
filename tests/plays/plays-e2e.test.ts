// Plays end to end on the real Temporal dev server, through the HTTP API, the play-command
// outbox and a real worker. Dev-server time is real, so the recovery template's sustained
// period is shortened to ~10 s here; the full 14-day course runs on the time-skipping server
// (recovery.workflow.test.ts).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivitiesFrom } from '../../src/activities/index.js';
import { createRenewalSchedulerActivities } from '../../src/activities/renewal-scheduler.activities.js';
import { PlayCommand } from '../../src/escalations/play-command.entity.js';
import { seedDemoPortfolio } from '../../src/persistence/demo/seed-demo.js';
import { addPluginDemoAttributes } from '../../src/plugin-host/demo-attributes.js';
import { INSTALLED_PLUGINS, type InstalledPlugins } from '../../src/plugin-host/installed-plugins.js';
import { Account } from '../../src/accounts/account.entity.js';
import { PlayInstance } from '../../src/plays/play-instance.entity.js';
import { PlayStarter } from '../../src/plays/play-starter.service.js';
import { PlayTriggers } from '../../src/plays/play-triggers.js';
import { PlayTemplateCatalog } from '../../src/plays/play-template-catalog.js';
import { AccountHealth } from '../../src/scoring/account-health.entity.js';
import { HealthSnapshot } from '../../src/scoring/health-snapshot.entity.js';
import { RescoreOnActivity } from '../../src/scoring/rescore-on-activity.js';
import { ScoringService } from '../../src/scoring/scoring.service.js';
import { Task } from '../../src/tasks/task.entity.js';
import { Person } from '../../src/relationships/person.entity.js';
import { TemporalClientService } from '../../src/temporal/temporal-client.service.js';
import { startDevServer, type DevServer } from '../temporal/dev-server.js';
import { installQuietTemporalRuntime } from '../temporal/sdk-runtime.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';
import { eventually, workflowBundle } from './play-test-kit.js';
import { createLogger } from '../../src/logging/logger.js';
import { TenantsService } from '../../src/tenants/tenants.service.js';

installQuietTemporalRuntime();
const T = { tenant: 'demo' };
const HOUR = 3_600_000;
const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();

describe('plays end to end (dev server, API, outbox, worker)', () => {
  let server: DevServer;
  let app: TestApp;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = `plays-e2e-${Date.now()}`;
  let n = 0;

  beforeAll(async () => {
    server = await startDevServer({ searchAttributes: { RetentionTenant: 'Keyword', RetentionAccount: 'Keyword', RetentionPlay: 'Keyword', RetentionTier: 'Int', RetentionStatus: 'Keyword' } });
    const templates = mkdtempSync(join(tmpdir(), 'retention-templates-'));
    cpSync('play-templates', templates, { recursive: true });
    const recovery = JSON.parse(readFileSync(join(templates, 'recovery.json'), 'utf8'));
    recovery.parameters.sustainedDays = 10 / 86_400; // ~10 s of sustained health
    writeFileSync(join(templates, 'recovery.json'), JSON.stringify(recovery));
    app = await startTestApp(testDialects()[0], { TEMPORAL_ADDRESS: server.address, TEMPORAL_NAMESPACE: server.namespace, TEMPORAL_TASK_QUEUE: taskQueue, PLAY_TEMPLATES_DIR: templates, PLAY_DISPATCH_INTERVAL_MS: '200' });
    // Seeded as ./retention start does: with the installed plugins' sample attributes.
    const installed = app.app.get<InstalledPlugins>(INSTALLED_PLUGINS);
    await seedDemoPortfolio(app.orm, { tenantId: 'demo', asOf: new Date(), accounts: 80, decorate: (portfolio, asOf) => addPluginDemoAttributes(installed, portfolio, asOf) });
    await app.call('POST', '/api/v1/scoring/rescore', {}, T);
    const connection = await NativeConnection.connect({ address: server.address });
    worker = await Worker.create({
      connection, namespace: server.namespace, taskQueue, workflowBundle: await workflowBundle(),
      activities: createActivitiesFrom(app.app, app.orm, createLogger('silent', 'test')),
    });
    running = worker.run();
  }, 180_000);

  afterAll(async () => {
    if (worker?.getState() === 'RUNNING') worker.shutdown();
    await running;
    await app?.close();
    await server?.stop();
  }, 60_000);

  const events = async (list: [string, Record<string, unknown>][]) => {
    const res = await app.call('POST', '/api/v1/events', { events: list.map(([type, data]) => ({ id: `e2e-${++n}`, type, data })) }, T);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await new Promise((r) => setTimeout(r, 20));
    await app.app.get(RescoreOnActivity).settled();
    return res.body.results as { entityId: string }[];
  };
  const score = async (accountId: string) => (await app.orm.em.fork().findOneOrFail(AccountHealth, { tenantId: 'demo', accountId })).score;
  const plays = async (accountId: string) => (await app.call('GET', `/api/v1/accounts/${accountId}/plays`, undefined, T)).body.items as { id: string; play: string; status: string; outcome: string | null; workflowId: string }[];

  it('events push an account below 40 → a recovery plan starts by itself; lifted above 60 for the sustained period → closed as recovered', async () => {
    const snapshots = await app.orm.em.fork().find(HealthSnapshot, { tenantId: 'demo', score: { $gte: 62, $lte: 68 }, tier: { $gte: 2 } });
    // The core recovery course (a plugin's template, e.g. the agencies one, has its own steps and periods).
    const coreRecovery = (s: HealthSnapshot) => !app.app.get(PlayTemplateCatalog).latest('recovery', { industry: s.facts.industry as string }).plugin;
    // The lowest such score first: the same events must take it below 40 whatever day the demo was drawn for.
    snapshots.sort((a, b) => a.score - b.score);
    const candidate = snapshots.find((s) => (s.facts.latestNps as number) >= 9 && s.facts.openComplaints === 0 && s.facts.negativeToneShift90d === false && coreRecovery(s));
    expect(candidate, 'a demo account scoring 62-68 with a promoter NPS and no complaint').toBeDefined();
    const accountId = candidate!.accountId;

    const [, complaint, , , blocker] = await events([
      ['survey.responded', { accountId, kind: 'nps', score: 2, respondedAt: iso(HOUR) }],
      ['service_issue.opened', { accountId, title: 'Invoice errors again', severity: 'medium', isComplaint: true, openedAt: iso(HOUR) }],
      ['observation.recorded', { accountId, kind: 'tone_shift', tone: 'critical', observedAt: iso(HOUR) }],
      ['survey.responded', { accountId, kind: 'csat', score: 1, respondedAt: iso(HOUR) }],
      ['stakeholder.added', { accountId, name: 'New COO', role: 'blocker', seniority: 'c_level', strength: 'at_risk' }],
      ['invoice.issued', { accountId, amount: 25000, issuedOn: iso(100 * 24 * HOUR).slice(0, 10), dueOn: iso(70 * 24 * HOUR).slice(0, 10) }],
      ...Array.from({ length: 8 }, (_, i) => ['touchpoint.recorded', { accountId, kind: 'operational', channel: 'meeting', direction: 'outbound', outcome: 'cancelled', occurredAt: iso((i + 2) * HOUR) }] as [string, Record<string, unknown>]),
    ]);
    expect(await score(accountId)).toBeLessThan(40);

    // The escalation wrote a command; the dispatcher started the play; nobody started it by hand.
    const play = (await eventually(() => plays(accountId), (p) => p.some((x) => x.play === 'recovery' && x.status === 'running'), 20_000)).find((x) => x.play === 'recovery')!;
    expect(play).toMatchObject({ play: 'recovery', status: 'running', workflowId: `demo/${accountId}/recovery` });
    expect((await app.orm.em.fork().findOneOrFail(PlayCommand, { tenantId: 'demo', accountId, play: 'recovery' })).status).toBe('dispatched');
    const state = (await app.call('GET', `/api/v1/plays/${play.id}`, undefined, T)).body.state;
    expect(state).toMatchObject({ play: 'recovery', status: 'running' });

    // People work the plan through the API.
    const diagnostic = await eventually(() => app.orm.em.fork().findOne(Task, { tenantId: 'demo', sourceRef: `${play.workflowId}/diagnostic-conversation` }), (t) => !!t, 20_000);
    expect((await app.call('POST', `/api/v1/tasks/${diagnostic!.id}/complete`, { note: 'billing and tone' }, T)).status).toBe(200);
    expect((await app.call('POST', `/api/v1/tasks/${diagnostic!.id}/complete`, {}, T)).status).toBe(409); // already completed: nothing changes
    expect((await app.call('POST', `/api/v1/tasks/00000000-0000-4000-8000-000000000000/complete`, {}, T)).status).toBe(404);
    await eventually(() => app.orm.em.fork().findOne(Task, { tenantId: 'demo', sourceRef: `${play.workflowId}/recovery-plan` }), (t) => !!t, 20_000);
    expect((await app.call('POST', `/api/v1/plays/${play.id}/signals/recovery-action`, { id: 'fix-billing', title: 'Fix the invoicing errors and credit the client', ownerRole: 'delivery_lead', dueInDays: 5 }, T)).status).toBe(200);
    expect((await app.call('POST', `/api/v1/plays/${play.id}/signals/recovery-plan-ready`, { note: 'agreed with the CFO' }, T)).status).toBe(200);
    expect((await app.call('POST', `/api/v1/plays/${play.id}/signals/renewal-outcome`, { outcome: 'renewed' }, T)).status).toBe(404); // not a recovery signal
    await eventually(() => app.orm.em.fork().findOne(Task, { tenantId: 'demo', sourceRef: `${play.workflowId}/action/fix-billing` }), (t) => !!t, 20_000);

    // The client comes back: health recovers and stays up.
    await events([
      ['survey.responded', { accountId, kind: 'nps', score: 10, respondedAt: iso(0) }],
      ['service_issue.resolved', { serviceIssueId: complaint.entityId, resolvedAt: iso(0) }],
      ['observation.recorded', { accountId, kind: 'tone_shift', tone: 'positive', observedAt: iso(0) }],
      ...Array.from({ length: 3 }, () => ['survey.responded', { accountId, kind: 'csat', score: 5, respondedAt: iso(0) }] as [string, Record<string, unknown>]),
      ...Array.from({ length: 20 }, (_, i) => ['touchpoint.recorded', { accountId, kind: i % 3 ? 'operational' : 'strategic', channel: 'meeting', direction: 'outbound', outcome: 'held', occurredAt: iso((i + 1) * HOUR) }] as [string, Record<string, unknown>]),
    ]);
    expect((await app.call('PATCH', `/api/v1/stakeholders/${blocker.entityId}`, { strength: 'strong', role: 'user' }, T)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 20));
    await app.app.get(RescoreOnActivity).settled();
    expect(await score(accountId)).toBeGreaterThanOrEqual(60);

    const closed = await eventually(() => app.orm.em.fork().findOneOrFail(PlayInstance, { id: play.id }), (p) => p.status !== 'running', 45_000);
    expect(closed).toMatchObject({ status: 'completed', outcome: 'recovered' });
  }, 150_000);

  it('starting the same play twice yields one running play; a lost renewal starts a win-back', async () => {
    const [health] = await app.orm.em.fork().find(AccountHealth, { tenantId: 'demo', band: 'healthy' }, { limit: 1 });
    const accountId = health.accountId;
    const body = { play: 'renewal', reason: 'contract review', scope: 'e2e-contract', anchorDate: new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10) };
    const first = await app.call('POST', `/api/v1/accounts/${accountId}/plays`, body, T);
    const second = await app.call('POST', `/api/v1/accounts/${accountId}/plays`, body, T);
    expect(first.body).toMatchObject({ started: true, workflowId: `demo/${accountId}/renewal/e2e-contract` });
    expect(second.body).toMatchObject({ started: false, workflowId: first.body.workflowId, runId: first.body.runId });
    const renewal = (await plays(accountId)).filter((p) => p.play === 'renewal');
    expect(renewal).toHaveLength(1);

    expect((await app.call('POST', `/api/v1/plays/${renewal[0].id}/signals/renewal-outcome`, { outcome: 'lost', note: 'moved to a competitor' }, T)).status).toBe(200);
    // The win-back may start before the renewal's own closing record lands: wait for both.
    const after = await eventually(() => plays(accountId), (p) => p.some((x) => x.play === 'win_back' && x.status === 'running') && p.some((x) => x.play === 'renewal' && x.status === 'completed'), 30_000);
    expect(after.find((p) => p.play === 'renewal')).toMatchObject({ status: 'completed', outcome: 'lost' });
    expect(after.find((p) => p.play === 'win_back')).toMatchObject({ status: 'running', workflowId: `demo/${accountId}/win_back` });
    const cancel = await app.call('POST', `/api/v1/plays/${after.find((p) => p.play === 'win_back')!.id}/cancel`, { reason: 'test over' }, T);
    expect(cancel.status).toBe(200);
  }, 90_000);

  it('the renewal scheduler starts renewal plays for contracts in their lead time, once; plays are searchable by attribute', async () => {
    const scheduler = createRenewalSchedulerActivities(app.orm, app.app.get(PlayStarter), app.app.get(PlayTemplateCatalog), app.app.get(PlayTriggers), app.app.get(TenantsService));
    const first = await scheduler.startDueRenewals({ tenantId: 'demo' });
    expect(first.started).toBeGreaterThan(0);
    const again = await scheduler.startDueRenewals({ tenantId: 'demo' });
    expect(again.started).toBe(0);
    const client = await app.app.get(TemporalClientService).client();
    const found = await eventually(async () => {
      let count = 0;
      for await (const _ of client.workflow.list({ query: `RetentionTenant = 'demo' AND RetentionPlay = 'renewal' AND RetentionStatus = 'running'` })) count++;
      return count;
    }, (c) => c >= first.started, 20_000);
    expect(found).toBeGreaterThanOrEqual(first.started);

    // The same daily pass starts the data-driven plays: cadence for every active client, and a
    // succession for the legal partner who retires in about three years (asleep until its lead time).
    const triggered = await scheduler.startTriggeredPlays({ tenantId: 'demo' });
    expect(triggered.cadence).toBeGreaterThan(50);
    expect(triggered.succession).toBeGreaterThan(0);
    expect((await scheduler.startTriggeredPlays({ tenantId: 'demo' })).cadence).toBe(0);
    const successions = await app.orm.em.fork().find(PlayInstance, { tenantId: 'demo', play: 'succession', status: 'running' });
    const retiring = await app.orm.em.fork().find(Person, { tenantId: 'demo', departureKind: 'retirement', departureDate: { $gte: new Date(Date.now() + 900 * 86_400_000).toISOString().slice(0, 10) } });
    expect(retiring.length).toBeGreaterThan(0);
    expect(successions.some((s) => retiring.some((p) => s.workflowId.endsWith(`/succession/person-${p.id}`)))).toBe(true);

    // Legal clients of the retiring partner run the legal plugin's multi-year succession: the junior
    // partner is named about three years out, not 180 days before the departure as in the core play.
    const legalIds = new Set((await app.orm.em.fork().find(Account, { tenantId: 'demo', industry: 'legal' }, { fields: ['id'] })).map((a) => a.id));
    const legal = successions.filter((s) => legalIds.has(s.accountId) && retiring.some((p) => s.workflowId.endsWith(`/succession/person-${p.id}`)));
    expect(legal.length, 'a legal demo account whose relationship partner retires in about three years').toBeGreaterThan(0);
    for (const play of legal) {
      expect(play.templateId).toBe('legal.succession');
      const departure = retiring.find((p) => play.workflowId.endsWith(`/succession/person-${p.id}`))!.departureDate!;
      type Steps = { status: string; steps: { id: string; status: string; dueOn?: string }[] };
      const state = await eventually(async () => (await app.call('GET', `/api/v1/plays/${play.id}`, undefined, T)).body.state as Steps, (st) => !!st?.steps?.find((x) => x.id === 'name-junior-partner')?.dueOn, 20_000);
      expect(state.status).toBe('running');
      const named = state.steps.find((x) => x.id === 'name-junior-partner')!;
      // Due 1,065 days before the departure; when that day has passed (the demo draws the departure 900+
      // days out from today) the step is due within the template's first month instead. Either way years
      // ahead of the departure, never the core play's 180 days.
      const lead = (Date.parse(departure) - Date.parse(named.dueOn!)) / 86_400_000;
      const daysLeft = Math.floor((Date.parse(departure) - Date.parse(new Date().toISOString().slice(0, 10))) / 86_400_000);
      expect(lead).toBeLessThanOrEqual(1065);
      expect(lead).toBeGreaterThanOrEqual(Math.min(1065, daysLeft) - 31);
    }
  }, 120_000);
});
