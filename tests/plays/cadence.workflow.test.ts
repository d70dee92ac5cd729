import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlayInstance } from '../../src/plays/play-instance.entity.js';
import { cadenceWorkflow } from '../../workflows/cadence.workflow.js';
import { cadenceStateQuery, readCadenceParameters, tierChangedSignal, touchpointRecordedSignal, type CadenceInput, type CadenceRequirement } from '../../workflows/shared/cadence.contract.js';
import { cancelPlaySignal, playStateQuery } from '../../workflows/shared/play-signals.js';
import type { PlayTemplate } from '../../workflows/shared/play-types.js';
import { eventually, openPlayKit, type PlayKit } from './play-test-kit.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const iso = (ms: number) => new Date(ms).toISOString();

/** What the scoring side passes: the tier's requirements from rules/cadence.json, as data. */
const rules = JSON.parse(readFileSync(new URL('../../rules/cadence.json', import.meta.url), 'utf8')) as { tiers: { tier: number; requirements: (CadenceRequirement & { onlyDuringActiveWork: boolean })[] }[] };
const requirementsOf = (tier: number): CadenceRequirement[] =>
  rules.tiers.find((t) => t.tier === tier)!.requirements.map(({ touchpointKind, everyDays, description }) => ({ touchpointKind, everyDays, description }));

describe('touchpoint cadence play (real time-skipping server, real activities)', () => {
  let kit: PlayKit;
  beforeAll(async () => {
    kit = await openPlayKit();
  });
  afterAll(async () => kit?.close());

  const start = (id: string, taskQueue: string, input: Pick<CadenceInput, 'cadence' | 'lastTouchpoints'>, template: PlayTemplate = kit.template('cadence')) =>
    kit.env.client.workflow.start(cadenceWorkflow, {
      taskQueue,
      workflowId: `acme/${kit.accountId}/cadence/${id}`,
      args: [{ tenantId: 'acme', accountId: kit.accountId, accountName: 'Globex', template, context: {}, reason: 'cadence for tier', ...input }],
    });
  const reminders = (workflowId: string, kind = '') => kit.tasks({ sourceRef: { $like: `${workflowId}/reminder/${kind}%` } });

  it('tier 3: one reminder per due kind for its role (coordinated), a logged touchpoint restarts its clock, the next one comes when due, a tier change re-plans, cancelling closes open reminders', async () => {
    const now = await kit.env.currentTimeMs();
    const today = isoDate(now);
    const id = `acme/${kit.accountId}/cadence/tier3`;
    const result = await kit.withWorker('cadence-tier3', async () => {
      const h = await start('tier3', 'cadence-tier3', {
        cadence: { tier: 3, requirements: requirementsOf(3) }, // operational 7, strategic 30, executive 91, maintenance 60 days
        lastTouchpoints: { operational: iso(now - 5 * DAY), strategic: iso(now - 30 * DAY), executive: iso(now - 100 * DAY), maintenance: null },
      });
      // Strategic is due today, executive is overdue, maintenance never happened: three reminders now, none for operational (due in 2 days).
      const first = await eventually(() => reminders(id), (t) => t.length === 3);
      const byKind = Object.fromEntries(first.map((t) => [t.sourceRef!.split('/').at(-2)!, t]));
      expect(Object.keys(byKind).sort()).toEqual(['executive', 'maintenance', 'strategic']);
      expect(byKind.executive).toMatchObject({ ownerRole: 'executive_sponsor', ownerPersonId: kit.people.sponsor, dueOn: today, status: 'open', sourceRef: `${id}/reminder/executive/${today}`, title: 'Executive touchpoint due for Globex: quarterly executive touchpoint' });
      expect(byKind.strategic).toMatchObject({ ownerRole: 'account_lead', ownerPersonId: kit.people.lead, dueOn: today, title: 'Strategic touchpoint due for Globex: monthly strategic touchpoint' });
      expect(byKind.maintenance).toMatchObject({ ownerRole: 'account_lead', dueOn: today });
      expect(byKind.executive.description).toContain(`Tier 3 cadence: quarterly executive touchpoint (every 91 days). Last executive touchpoint: ${isoDate(now - 100 * DAY)}.`);
      expect(byKind.executive.description).toContain(`operational (delivery_lead, ${isoDate(now + 2 * DAY)})`); // coordinate with what is due this week
      expect(byKind.maintenance.description).toContain('Last maintenance touchpoint: none recorded.');

      // The executive touchpoint happens: its reminder is done and its clock restarts.
      await h.signal(touchpointRecordedSignal, { kind: 'executive', at: iso(now), by: 'pat' });
      await eventually(() => reminders(id, 'executive'), (t) => t[0]?.status === 'done');
      const afterTouch = await h.query(cadenceStateQuery);
      expect(afterTouch.kinds.find((k) => k.kind === 'executive')).toMatchObject({ lastReminded: null, nextDueOn: isoDate(now + 91 * DAY), ownerRole: 'executive_sponsor' });
      expect(afterTouch).toMatchObject({ tier: 3, run: 1, cyclesThisRun: 1, remindersCreated: 3 });

      // A day later the weekly operational reminder (delivery lead), due the day after.
      const operational = afterTouch.kinds.find((k) => k.kind === 'operational')!;
      expect(operational.remindAt).toBe(iso(now - 5 * DAY + 6 * DAY));
      await kit.env.sleep(Date.parse(operational.remindAt) - (await kit.env.currentTimeMs()) + HOUR);
      const [op] = await eventually(() => reminders(id, 'operational'), (t) => t.length === 1);
      expect(op).toMatchObject({ ownerRole: 'delivery_lead', ownerPersonId: null, dueOn: isoDate(now + 2 * DAY), sourceRef: `${id}/reminder/operational/${isoDate(now + 2 * DAY)}` });

      // Down to tier 1 (operational 14, maintenance 180): strategic and executive are no longer required.
      await h.signal(tierChangedSignal, { tier: 1, requirements: requirementsOf(1) });
      const replanned = await eventually(() => h.query(cadenceStateQuery), (v) => v.tier === 1);
      expect(replanned.kinds.map((k) => [k.kind, k.nextDueOn])).toEqual([
        ['operational', isoDate(Date.parse(isoDate(now + 2 * DAY)) + 14 * DAY)],
        ['maintenance', isoDate(Date.parse(today) + 180 * DAY)],
      ]);
      await eventually(() => reminders(id, 'strategic'), (t) => t[0]?.status === 'cancelled');
      const state = await h.query(playStateQuery);
      expect(state.steps.map((s) => [s.id, s.ownerRole, s.status])).toEqual([['operational', 'delivery_lead', 'open'], ['maintenance', 'account_lead', 'open']]);

      await h.signal(cancelPlaySignal, { reason: 'account closed', by: 'pat' });
      return h.result();
    });
    expect(result).toMatchObject({ play: 'cadence', status: 'cancelled' });
    expect(result.history.map((e) => e.event)).toEqual(expect.arrayContaining(['reminders created', 'touchpoint recorded', 'tier changed', 'cancelled']));
    const all = await reminders(id);
    expect(all).toHaveLength(4); // idempotent: one per kind and due date
    expect(Object.fromEntries(all.map((t) => [t.sourceRef!.split('/').at(-2), t.status]))).toEqual({ executive: 'done', strategic: 'cancelled', maintenance: 'cancelled', operational: 'cancelled' });
    const instance = await kit.orm.em.fork().findOneOrFail(PlayInstance, { workflowId: id });
    expect(instance).toMatchObject({ play: 'cadence', status: 'cancelled', lastEvent: 'cancelled: account closed (by pat)' });
  });

  it('continues as new after cyclesPerRun reminder cycles, carrying tier, requirements, touchpoint clocks and reminders forward', async () => {
    const base = kit.template('cadence');
    const template: PlayTemplate = { ...base, parameters: { ...base.parameters, cyclesPerRun: 2 } };
    expect(readCadenceParameters(template)).toMatchObject({ parameters: { cyclesPerRun: 2, remindAheadDays: 7 }, problems: [] });
    const now = await kit.env.currentTimeMs();
    const today = Date.parse(isoDate(now));
    const id = `acme/${kit.accountId}/cadence/continued`;
    const result = await kit.withWorker('cadence-continue', async () => {
      const h = await start('continued', 'cadence-continue', {
        cadence: { tier: 2, requirements: [{ touchpointKind: 'operational', everyDays: 7, description: 'weekly status' }, { touchpointKind: 'strategic', everyDays: 30, description: 'monthly insight' }] },
        lastTouchpoints: { operational: iso(now - 7 * DAY), strategic: iso(now - 10 * DAY) },
      }, template);
      await eventually(() => reminders(id, 'operational'), (t) => t.length === 1); // cycle 1
      // Run 1 learns a touchpoint and a new tier; both must survive continue-as-new.
      await h.signal(touchpointRecordedSignal, { kind: 'strategic', at: iso(now), by: 'lee' });
      await h.signal(tierChangedSignal, { tier: 4, requirements: [{ touchpointKind: 'operational', everyDays: 7, description: 'continuous operational' }, { touchpointKind: 'strategic', everyDays: 21, description: 'bi-weekly strategic' }] });
      await eventually(() => h.query(cadenceStateQuery), (v) => v.tier === 4);
      const firstRunId = h.firstExecutionRunId;
      await kit.env.sleep(7 * DAY); // cycle 2 (operational due today + 7) → continue as new
      const continued = await eventually(() => h.query(cadenceStateQuery), (v) => v.run === 2);
      expect((await h.describe()).runId).not.toBe(firstRunId);
      expect(continued).toMatchObject({ tier: 4, run: 2, cyclesThisRun: 0, remindersCreated: 2, lastTouchpoints: { operational: iso(now - 7 * DAY), strategic: iso(now) } });
      expect(continued.kinds).toEqual([
        expect.objectContaining({ kind: 'operational', everyDays: 7, description: 'continuous operational', lastReminded: isoDate(today + 7 * DAY), nextDueOn: isoDate(today + 14 * DAY) }),
        expect.objectContaining({ kind: 'strategic', everyDays: 21, lastTouchpoint: iso(now), lastReminded: null, nextDueOn: isoDate(now + 21 * DAY) }),
      ]);
      // The new run keeps reminding from where the last one stopped: no duplicate, no gap.
      await kit.env.sleep(7 * DAY);
      await eventually(() => reminders(id, 'operational'), (t) => t.length === 3);
      const state = await h.query(playStateQuery);
      expect(state.history.map((e) => e.event)).toEqual(expect.arrayContaining(['tier changed', 'continuing as new', 'continued as new', 'reminders created']));
      await h.signal(cancelPlaySignal, { reason: 'test over', by: 'lee' });
      return h.result(); // follows the runs
    });
    expect(result).toMatchObject({ status: 'cancelled' });
    const ops = await reminders(id, 'operational');
    expect(ops.map((t) => t.sourceRef!.split('/').at(-1))).toEqual([isoDate(today), isoDate(today + 7 * DAY), isoDate(today + 14 * DAY)]);
    expect(ops.every((t) => t.ownerRole === 'delivery_lead' && t.status === 'cancelled')).toBe(true);
    const instance = await kit.orm.em.fork().findOneOrFail(PlayInstance, { workflowId: id });
    expect(instance).toMatchObject({ play: 'cadence', status: 'cancelled' });
  });
});
