import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeterminismViolationError } from '@temporalio/workflow';
import { Worker, bundleWorkflowCode } from '@temporalio/worker';
import { historyToJSON, type historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { renewalWorkflow } from '../../workflows/renewal.workflow.js';
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

  const recordings: Record<string, () => Promise<History>> = {
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
