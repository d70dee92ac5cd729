import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker, bundleWorkflowCode } from '@temporalio/worker';
import { historyToJSON, type historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { renewalWorkflow } from '../../workflows/renewal.workflow.js';
import { recoveryWorkflow } from '../../workflows/recovery.workflow.js';
import { winBackWorkflow } from '../../workflows/win-back.workflow.js';
import { successionWorkflow } from '../../workflows/succession.workflow.js';
import { onboardingWorkflow } from '../../workflows/onboarding.workflow.js';
import { cadenceWorkflow } from '../../workflows/cadence.workflow.js';
import { cancelPlaySignal } from '../../workflows/shared/play-signals.js';
import type { PlayKind, PlayState } from '../../workflows/shared/play-types.js';
import { healthChangedSignal, playStateQuery } from '../../workflows/shared/play-signals.js';
import { renewalOutcomeSignal } from '../../workflows/shared/renewal.contract.js';
import { completeOpenStep, eventually, openPlayKit, workflowBundle, type PlayKit } from './play-test-kit.js';

type History = Parameters<typeof historyFromJSON>[0];
const DAY = 86_400_000;
const file = (name: string) => fileURLToPath(new URL(`./histories/${name}.json`, import.meta.url));

/**
 * Replay over recorded histories: each play's recorded run must replay on the current workflow
 * code. Re-record (after an intended, patched() change) with RECORD_HISTORIES=1.
 */
describe('workflow replay over recorded histories', () => {
  let kit: PlayKit;
  beforeAll(async () => {
    kit = await openPlayKit();
  });
  afterAll(async () => kit?.close());

  /** A run that exercises a play's start, tasks, a time skip, a health signal and cancellation. */
  const recordRun = (play: PlayKind, workflow: (input: any) => Promise<PlayState>, extra: Record<string, unknown>) => async (): Promise<History> =>
    kit.withWorker(`record-${play}`, async () => {
      const now = await kit.env.currentTimeMs();
      const input = { tenantId: 'acme', accountId: kit.accountId, accountName: 'Globex', template: kit.template(play), context: {}, reason: 'recording', anchorDate: new Date(now + 200 * DAY).toISOString().slice(0, 10), ...extra };
      const h = await kit.env.client.workflow.start(workflow, { taskQueue: `record-${play}`, workflowId: `acme/${kit.accountId}/${play}/recorded`, args: [input] });
      await eventually(() => kit.tasks({ sourceRef: { $like: `acme/${kit.accountId}/${play}/recorded/%` } }), (t) => t.length > 0, 20_000);
      await kit.env.sleep(10 * DAY);
      await h.signal(healthChangedSignal, { score: 20, band: 'critical', tier: 3, at: new Date().toISOString(), signals: [] });
      await kit.env.sleep(2 * DAY);
      await h.signal(cancelPlaySignal, { reason: 'recording done', by: 'test' });
      await h.result();
      return JSON.parse(historyToJSON(await h.fetchHistory())) as History;
    });

  const recordings: Record<string, () => Promise<History>> = {
    recovery: recordRun('recovery', recoveryWorkflow as never, { context: { signalCategories: 'competitive,relationship', score: 35 } }),
    win_back: recordRun('win_back', winBackWorkflow as never, { context: { churnReason: 'competitor_better_value' } }),
    succession: recordRun('succession', successionWorkflow as never, { anchorDate: undefined, context: { trigger: 'champion_departed' } }),
    onboarding: recordRun('onboarding', onboardingWorkflow as never, {}),
    cadence: recordRun('cadence', cadenceWorkflow as never, { cadence: { tier: 3, requirements: [{ touchpointKind: 'strategic', everyDays: 30, description: 'monthly strategic' }, { touchpointKind: 'executive', everyDays: 91, description: 'quarterly executive' }] }, lastTouchpoints: { strategic: null, executive: null } }),
    renewal: async () =>
      kit.withWorker('record-renewal', async () => {
        const now = await kit.env.currentTimeMs();
        const h = await kit.env.client.workflow.start(renewalWorkflow, {
          taskQueue: 'record-renewal', workflowId: `acme/${kit.accountId}/renewal/recorded`,
          args: [{ tenantId: 'acme', accountId: kit.accountId, accountName: 'Globex', template: kit.template('renewal'), anchorDate: new Date(now + 180 * DAY).toISOString().slice(0, 10), context: { contractId: 'recorded' }, reason: 'recording' }],
        });
        await eventually(() => completeOpenStep(h, 'value-recap').catch(() => ''), (s) => s !== '');
        await eventually(() => h.query(playStateQuery), (s) => s.currentStep === 'stakeholder-remapping');
        await kit.env.sleep(70 * DAY); // late: escalated
        await h.signal(healthChangedSignal, { score: 35, band: 'critical', tier: 2, at: new Date().toISOString(), signals: [] });
        await eventually(() => h.query(playStateQuery), (s) => s.attention === 'critical');
        await h.signal(renewalOutcomeSignal, { outcome: 'lost', by: 'pat' });
        await h.result();
        return JSON.parse(historyToJSON(await h.fetchHistory())) as History;
      }),
  };

  for (const play of Object.keys(recordings)) {
    it(`${play}: the recorded history replays on the current code`, async () => {
      if (process.env.RECORD_HISTORIES || !existsSync(file(play))) writeFileSync(file(play), `${JSON.stringify(await recordings[play](), null, 1)}\n`);
      const history = JSON.parse(readFileSync(file(play), 'utf8')) as History;
      await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history);
    });
  }

  it('catches a deliberately incompatible change to a workflow', async () => {
    const history = JSON.parse(readFileSync(file('renewal'), 'utf8')) as History;
    const changed = await bundleWorkflowCode({ workflowsPath: fileURLToPath(new URL('./incompatible/renewal-reordered.workflow.ts', import.meta.url)), logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } as never });
    await expect(Worker.runReplayHistory({ workflowBundle: changed }, history)).rejects.toBeInstanceOf(DeterminismViolationError);
  });
});
