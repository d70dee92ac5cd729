// The wiring-check workflow on the real Java time-skipping server with a real Worker:
// activity result, query, signal and the durable timeout all travel through Temporal.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Worker, type WorkflowBundle } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWiringCheckActivities } from '../../src/activities/wiring-check.activities.js';
import { acknowledgeWiringCheckSignal, wiringCheckStateQuery } from '../../workflows/shared/wiring-check.contract.js';
import { wiringCheckWorkflow } from '../../workflows/wiring-check.workflow.js';
import { createTimeSkippingEnv } from './test-server.js';
import { installQuietTemporalRuntime } from './sdk-runtime.js';
import { WORKFLOWS_PATH } from './workflows-path.js';

describe('wiringCheckWorkflow on the time-skipping test server', () => {
  let env: TestWorkflowEnvironment;
  let workflowBundle: WorkflowBundle;

  beforeAll(async () => {
    installQuietTemporalRuntime();
    // Bundle once for both tests (~2 s) while the JVM server starts.
    [env, workflowBundle] = await Promise.all([
      createTimeSkippingEnv(),
      bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: new DefaultLogger('WARN') }),
    ]);
  }, 60_000);

  afterAll(async () => {
    await env?.teardown();
  });

  async function withWorker<T>(fn: (taskQueue: string) => Promise<T>): Promise<T> {
    const taskQueue = `wiring-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle,
      activities: createWiringCheckActivities(),
    });
    return worker.runUntil(fn(taskQueue));
  }

  it('runs the activity, exposes state by query and completes on the signal', async () => {
    const result = await withWorker(async (taskQueue) => {
      const handle = await env.client.workflow.start(wiringCheckWorkflow, {
        taskQueue,
        workflowId: `wiring-check/${randomUUID()}`,
        args: [{ tenantId: 'tenant-a', note: 'hello temporal' }],
      });

      // Wait until the activity has completed and the workflow sits on the signal.
      await expect
        .poll(() => handle.query(wiringCheckStateQuery).then((s) => s.stage), { timeout: 20_000 })
        .toBe('awaiting-acknowledgement');
      expect(await handle.query(wiringCheckStateQuery)).toEqual({
        stage: 'awaiting-acknowledgement',
        activityResult: { echoedNote: 'hello temporal', tenantId: 'tenant-a', attempt: 1 },
      });

      await handle.signal(acknowledgeWiringCheckSignal, { by: 'ops@example.com' });
      return handle.result();
    });

    expect(result).toEqual({
      stage: 'acknowledged',
      acknowledgedBy: 'ops@example.com',
      activityResult: { echoedNote: 'hello temporal', tenantId: 'tenant-a', attempt: 1 },
    });
  }, 60_000);

  it('times out after a day without acknowledgement (time skipped, not waited)', async () => {
    const started = Date.now();
    const result = await withWorker((taskQueue) =>
      env.client.workflow.execute(wiringCheckWorkflow, {
        taskQueue,
        workflowId: `wiring-check/${randomUUID()}`,
        args: [{ tenantId: 'tenant-b', note: 'nobody answers' }],
      }),
    );
    expect(result.stage).toBe('timed-out');
    expect(result.acknowledgedBy).toBeUndefined();
    expect(result.activityResult?.tenantId).toBe('tenant-b');
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);
});
