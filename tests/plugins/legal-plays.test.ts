// The legal succession play end to end on the real time-skipping server: a partner's recorded
// retirement, entered through the HTTP API, starts the succession play with the plugin's
// template (legal client) or the core one (consulting client); a real worker with the real
// activities runs it, and people complete its tasks through the API.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivitiesFrom } from '../../src/activities/index.js';
import { createLogger } from '../../src/logging/logger.js';
import { PlayTriggersOnActivity } from '../../src/plays/play-triggers-on-activity.js';
import { Task } from '../../src/tasks/task.entity.js';
import { playStateQuery } from '../../workflows/shared/play-signals.js';
import type { PlayState } from '../../workflows/shared/play-types.js';
import { successionStateQuery, type SuccessionView } from '../../workflows/shared/succession.contract.js';
import { eventually, workflowBundle } from '../plays/play-test-kit.js';
import { createTimeSkippingEnv } from '../temporal/test-server.js';
import { installQuietTemporalRuntime } from '../temporal/sdk-runtime.js';
import { daysAgo, daysAhead, startPluginKit, type PluginKit } from './plugin-kit.js';

installQuietTemporalRuntime();
const DAY = 86_400_000;
const HOUR = 3_600_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('legal partner succession play (time-skipping server, HTTP API, real worker)', () => {
  let env: TestWorkflowEnvironment;
  let kit: PluginKit;
  const taskQueue = `legal-succession-${Date.now()}`;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    kit = await startPluginKit({ TEMPORAL_ADDRESS: env.address, TEMPORAL_TASK_QUEUE: taskQueue, TEMPORAL_SEARCH_ATTRIBUTES: 'false' });
  }, 120_000);
  afterAll(async () => {
    await kit?.close();
    await env?.teardown();
  });

  const tasksOf = async (workflowId: string) => {
    const tasks = await kit.app.orm.em.fork().find(Task, { tenantId: kit.tenant, sourceRef: { $like: `${workflowId}/%` } });
    return Object.fromEntries(tasks.map((t) => [t.sourceRef!.slice(workflowId.length + 1), t]));
  };
  /** Lets server time run until the step opens (the play sleeps until openAheadDays before it is due). */
  const untilOpen = async (h: ReturnType<TestWorkflowEnvironment['client']['workflow']['getHandle']>, stepId: string) => {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const step = (await h.query(playStateQuery)).steps.find((s) => s.id === stepId);
      if (step?.status === 'open' && step.taskId) return step;
      const next = (await h.query(successionStateQuery)).nextStep;
      const wait = next ? Date.parse(next.opensAt) - (await env.currentTimeMs()) : 0;
      if (wait > 0) await env.sleep(wait + HOUR);
      else await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`step ${stepId} did not open: ${JSON.stringify((await h.query(playStateQuery)).steps)}`);
  };
  /** Completes the step's task through the API, which signals the play. */
  const complete = async (h: ReturnType<TestWorkflowEnvironment['client']['workflow']['getHandle']>, stepId: string) => {
    const step = await untilOpen(h, stepId);
    const res = await kit.app.call('POST', `/api/v1/tasks/${step.taskId}/complete`, { note: 'done' }, { tenant: kit.tenant });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await eventually(() => h.query(playStateQuery), (s: PlayState) => s.steps.find((x) => x.id === stepId)?.status === 'done');
  };

  it('a partner retiring in three years: the legal play opens its junior-partner step at once (the core play sleeps until 180 days before), then runs its multi-year course with a year of overlap', async () => {
    const partner = await kit.create('people', { name: 'Eleanor Whitmore', email: 'eleanor@firm.example', title: 'partner', practiceArea: 'Corporate', departureKind: 'retirement', departureDate: daysAhead(3 * 365) });
    const legal = await kit.account({ name: 'Halden Rowe Industries', industry: 'legal' });
    const consulting = await kit.account({ name: 'Halden Rowe Advisory', industry: 'consulting' });
    for (const accountId of [legal, consulting]) await kit.create('team-assignments', { accountId, personId: partner, role: 'account_lead', fromDate: daysAgo(3000) });
    await kit.app.app.get(PlayTriggersOnActivity).settled();

    // The recorded retirement started one succession play per client, each with its industry's template.
    const playOf = async (accountId: string) => (await kit.app.call('GET', `/api/v1/accounts/${accountId}/plays`, undefined, { tenant: kit.tenant })).body.items as { play: string; templateId: string; workflowId: string; status: string }[];
    const [legalPlay] = await eventually(() => playOf(legal), (items) => items.length === 1);
    const [corePlay] = await eventually(() => playOf(consulting), (items) => items.length === 1);
    expect(legalPlay).toMatchObject({ play: 'succession', templateId: 'legal.succession', status: 'running', workflowId: `${kit.tenant}/${legal}/succession/person-${partner}` });
    expect(corePlay).toMatchObject({ play: 'succession', templateId: 'succession-default', status: 'running' });

    const departure = Date.parse(daysAhead(3 * 365));
    const before = (days: number) => isoDate(departure - days * DAY);
    await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities: createActivitiesFrom(kit.app.app, kit.app.orm, createLogger('silent', 'test')) }).then((worker) =>
      worker.runUntil(async () => {
        const h = env.client.workflow.getHandle(legalPlay.workflowId);
        const core = env.client.workflow.getHandle(corePlay.workflowId);
        const startedAt = await env.currentTimeMs();

        // Core template: a durable timer until 180 days before the departure, no task yet.
        const waiting = await eventually(() => core.query(successionStateQuery), (v: SuccessionView) => v.nextStep !== undefined);
        expect(waiting).toMatchObject({ phase: 'waiting', transitionStartsOn: before(180), overlapStartsOn: before(60) });
        // Legal template: the transition starts now, three years out, with a year of overlap.
        const view = await eventually(() => h.query(successionStateQuery), (v: SuccessionView) => v.phase === 'transition');
        expect(view).toMatchObject({ departureKind: 'retirement', departingPersonId: partner, departureOn: before(0), overlapStartsOn: before(365), compressed: false });

        // Step 1, within days: the partner names the junior partner (due 1065 days before).
        const named = await untilOpen(h, 'name-junior-partner');
        expect(Date.parse((await h.query(playStateQuery)).history.find((e) => e.event === 'step opened')!.at) - startedAt).toBeLessThan(2 * DAY);
        expect(named.dueOn).toBe(before(1065));
        let tasks = await tasksOf(h.workflowId);
        expect(tasks['name-junior-partner']).toMatchObject({ ownerRole: 'partner', status: 'open', dueOn: before(1065), title: 'Name the junior partner who will succeed to the client relationship' });
        expect(tasks['name-junior-partner'].description).toContain(`Succession: the relationship owner's retirement on ${before(0)}.`);
        expect(Object.keys(await tasksOf(core.workflowId))).toEqual([]);
        await complete(h, 'name-junior-partner');

        // Step 2 opens about 45 days later (30 days before its due date, 1020 days before the departure).
        expect((await h.query(successionStateQuery)).nextStep).toMatchObject({ id: 'relationship-documentation', dueOn: before(1020) });
        await untilOpen(h, 'relationship-documentation');
        const opened2 = Date.parse((await h.query(playStateQuery)).history.filter((e) => e.event === 'step opened')[1].at);
        expect(opened2).toBeGreaterThanOrEqual(departure - 1050 * DAY);
        expect(opened2).toBeLessThan(departure - 1049 * DAY);
        await complete(h, 'relationship-documentation');

        // Step 3: the junior partner joins the client's matters, 975 days before; the first joint review with the GC is next.
        await untilOpen(h, 'junior-joins-matters');
        expect((await h.query(successionStateQuery))).toMatchObject({ phase: 'transition', overlapStartsOn: before(365) });
        await complete(h, 'junior-joins-matters');
        expect((await h.query(successionStateQuery)).nextStep).toMatchObject({ id: 'first-joint-review', dueOn: before(820), opensAt: new Date(departure - 850 * DAY).toISOString() });
        tasks = await tasksOf(h.workflowId);
        expect(tasks['relationship-documentation']).toMatchObject({ ownerRole: 'account_lead', ownerPersonId: partner, status: 'done', dueOn: before(1020) });
        expect(tasks['junior-joins-matters']).toMatchObject({ ownerRole: 'account_lead', status: 'done', dueOn: before(975) });
        // Champion-only steps do not apply to a partner's retirement.
        expect((await h.query(playStateQuery)).steps.filter((s) => s.status === 'skipped').map((s) => s.id)).toEqual(['identify-new-champion', 'meet-new-champion']);
        // The core play is still asleep, 2.5 years before its transition.
        expect(await core.query(successionStateQuery)).toMatchObject({ phase: 'waiting' });
      }),
    );
  });
});
