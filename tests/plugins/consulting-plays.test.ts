import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPlugins } from '../../src/plugin-host/install-plugins.js';
import { renewalWorkflow } from '../../workflows/renewal.workflow.js';
import { playStateQuery } from '../../workflows/shared/play-signals.js';
import type { PlayTemplate } from '../../workflows/shared/play-types.js';
import { renewalOutcomeSignal } from '../../workflows/shared/renewal.contract.js';
import { completeOpenStep, eventually, openPlayKit, type PlayKit } from '../plays/play-test-kit.js';

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The consulting renewal template ("win the next engagement") run by the core renewal workflow on
 * the real time-skipping server with real activities: the workflow reads only the template's data,
 * so this proves the data drives it as intended.
 */
describe('consulting renewal template in the renewal workflow', () => {
  let kit: PlayKit;
  let template: PlayTemplate;
  beforeAll(async () => {
    kit = await openPlayKit(); // its account is a consulting client
    template = (await installPlugins()).templates.latest('renewal', { industry: 'consulting' });
  });
  afterAll(async () => kit?.close());

  const start = async (id: string, taskQueue: string, endInDays = 90) => {
    const now = await kit.env.currentTimeMs();
    const anchorDate = isoDay(now + endInDays * DAY);
    const handle = await kit.env.client.workflow.start(renewalWorkflow, {
      taskQueue,
      workflowId: `acme/${kit.accountId}/renewal/${id}`,
      args: [{ tenantId: 'acme', accountId: kit.accountId, accountName: 'Globex', template, anchorDate, context: { contractId: id }, reason: `project ends in ${endInDays} days` }],
    });
    return { handle, anchorDate, now };
  };
  const tasksOf = async (workflowId: string) => {
    const tasks = await kit.tasks({ sourceRef: { $like: `${workflowId}/%` } });
    return Object.fromEntries(tasks.map((t) => [t.sourceRef!.slice(workflowId.length + 1), t]));
  };

  it('follow-on need, results review and proposal before the end; the partner keeps in touch through the gap until the next engagement is signed', async () => {
    const { handle, anchorDate } = await start('p-gap', 'consulting-gap');
    const result = await kit.withWorker('consulting-gap', async () => {
      const steps: string[] = [];
      for (const id of ['follow-on-need', 'results-review', 'next-engagement-proposal']) steps.push(await eventually(() => completeOpenStep(handle, id).catch(() => ''), (s) => s !== ''));
      expect(steps).toEqual(['follow-on-need', 'results-review', 'next-engagement-proposal']);
      const state = await eventually(() => handle.query(playStateQuery), (s) => s.steps.every((step) => step.status !== 'pending'));
      expect(state.steps.find((s) => s.id === 'gap-check-ins')).toMatchObject({ status: 'open', ownerRole: 'partner', dueOn: isoDay(Date.parse(anchorDate) + 14 * DAY) });
      // The project ends with nothing signed: past the end the gap task stays open and the decision is chased.
      await kit.env.sleep(100 * DAY);
      await eventually(() => handle.query(playStateQuery), (s) => s.history.some((e) => e.event === 'decision overdue'));
      const during = await tasksOf(handle.workflowId);
      expect(during['gap-check-ins']).toMatchObject({ status: 'open', ownerRole: 'partner', ownerPersonId: kit.people.sponsor });
      // 40 days into the gap the client signs the next engagement.
      await handle.signal(renewalOutcomeSignal, { outcome: 'renewed', by: 'pat', note: 'phase 2 signed' });
      return handle.result();
    });
    expect(result).toMatchObject({ status: 'completed', outcome: 'renewed', templateId: 'consulting.renewal' });
    const tasks = await tasksOf(handle.workflowId);
    expect(tasks['follow-on-need']).toMatchObject({ ownerRole: 'account_lead', ownerPersonId: kit.people.lead });
    expect(tasks['results-review']).toMatchObject({ ownerRole: 'partner', ownerPersonId: kit.people.sponsor });
    expect(Object.values(tasks).filter((t) => t.status === 'open')).toEqual([]);
  });

  it('waits the 60-day decision grace (not the core 30) before closing as undecided', async () => {
    const { handle, now } = await start('p-undecided', 'consulting-undecided', 10);
    const result = await kit.withWorker('consulting-undecided', async () => {
      await eventually(() => handle.query(playStateQuery), (s) => s.currentStep !== undefined);
      for (let i = 0; i < 3; i++) await eventually(() => completeOpenStep(handle).catch(() => ''), (s) => s !== '');
      // 45 days after the end: still inside the grace period.
      await kit.env.sleep(55 * DAY);
      expect((await handle.query(playStateQuery)).status).toBe('running');
      return handle.result();
    });
    expect(result).toMatchObject({ status: 'failed', outcome: 'undecided' });
    expect((await kit.env.currentTimeMs()) - now).toBeGreaterThanOrEqual(70 * DAY - DAY);
  });
});
