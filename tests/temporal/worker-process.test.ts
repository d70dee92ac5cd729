// The worker entry point as a process against a real dev server: boots from compiled JS
// (with and without a prebuilt bundle), runs a workflow, drains on SIGTERM and exits 0.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTemporalClient, type TemporalClientHandle } from '../../src/temporal/temporal-connection.js';
import { acknowledgeWiringCheckSignal } from '../../workflows/shared/wiring-check.contract.js';
import { wiringCheckWorkflow } from '../../workflows/wiring-check.workflow.js';
import { startDevServer, type DevServer } from './dev-server.js';
import { installQuietTemporalRuntime } from './sdk-runtime.js';
import { compileWorker, spawnWorker } from './worker-process.js';

describe('src/worker.ts as a process', () => {
  let server: DevServer;
  let clientHandle: TemporalClientHandle;

  beforeAll(async () => {
    installQuietTemporalRuntime();
    server = await startDevServer();
    clientHandle = await connectTemporalClient({
      TEMPORAL_ADDRESS: server.address,
      TEMPORAL_NAMESPACE: server.namespace,
      TEMPORAL_TASK_QUEUE: 'unused-by-client',
      TEMPORAL_TLS: false,
    });
  }, 60_000);

  afterAll(async () => {
    await clientHandle?.close();
    await server?.stop();
  }, 30_000);

  it.each([
    { prebuiltBundle: false, expectedKind: 'path' },
    { prebuiltBundle: true, expectedKind: 'bundle' },
  ])('prebuiltBundle=$prebuiltBundle: serves workflows, then drains on SIGTERM and exits 0', async ({ prebuiltBundle, expectedKind }) => {
    const build = await compileWorker({ prebuiltBundle });
    try {
      const taskQueue = `worker-proc-${randomUUID()}`;
      const worker = spawnWorker(build.outDir, {
        TEMPORAL_ADDRESS: server.address,
        TEMPORAL_NAMESPACE: server.namespace,
        TEMPORAL_TASK_QUEUE: taskQueue,
      });
      const running = await worker.waitForLog('worker running');
      expect(running).toMatchObject({ process: 'worker', taskQueue, workflows: { kind: expectedKind } });

      const handle = await clientHandle.client.workflow.start(wiringCheckWorkflow, {
        taskQueue,
        workflowId: `wiring-check/${randomUUID()}`,
        args: [{ tenantId: 'tenant-proc', note: 'from the worker process' }],
      });
      await handle.signal(acknowledgeWiringCheckSignal, { by: 'worker-process-test' });
      const result = await handle.result();
      expect(result).toMatchObject({ stage: 'acknowledged', acknowledgedBy: 'worker-process-test' });
      expect(result.activityResult).toMatchObject({ echoedNote: 'from the worker process', tenantId: 'tenant-proc' });

      worker.child.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
      expect(worker.logs.map((l) => l.msg)).toEqual(
        expect.arrayContaining(['shutdown requested: draining in-flight tasks', 'worker drained and stopped']),
      );
    } finally {
      await build.cleanup();
    }
  }, 90_000);
});
