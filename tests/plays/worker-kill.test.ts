// SIGKILL the real worker process in the middle of a renewal play, start another: the play
// continues where it was and no task is created twice (activities are idempotent by key).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/core';
import { Account } from '../../src/accounts/account.entity.js';
import { loadConfig } from '../../src/config/load-config.js';
import { openOrm } from '../../src/persistence/open-orm.js';
import { loadPlayTemplates } from '../../src/plays/play-template-catalog.js';
import { Task } from '../../src/tasks/task.entity.js';
import { Tenant } from '../../src/tenants/tenant.entity.js';
import { connectTemporalClient, type TemporalClientHandle } from '../../src/temporal/temporal-connection.js';
import { renewalWorkflow } from '../../workflows/renewal.workflow.js';
import { playStateQuery, taskCompletedSignal } from '../../workflows/shared/play-signals.js';
import { renewalOutcomeSignal } from '../../workflows/shared/renewal.contract.js';
import { startDevServer, type DevServer } from '../temporal/dev-server.js';
import { installQuietTemporalRuntime } from '../temporal/sdk-runtime.js';
import { compileWorker, spawnWorker } from '../temporal/worker-process.js';
import { eventually } from './play-test-kit.js';

const DAY = 86_400_000;

describe('worker killed (SIGKILL) in the middle of a play', () => {
  let server: DevServer;
  let temporal: TemporalClientHandle;
  let orm: MikroORM;
  let dataDir: string;
  let accountId: string;

  beforeAll(async () => {
    installQuietTemporalRuntime();
    server = await startDevServer();
    temporal = await connectTemporalClient({ TEMPORAL_ADDRESS: server.address, TEMPORAL_NAMESPACE: server.namespace, TEMPORAL_TASK_QUEUE: 'unused', TEMPORAL_TLS: false });
    dataDir = mkdtempSync(join(tmpdir(), 'retention-kill-'));
    execFileSync(process.execPath, ['dist/src/persistence/migrate.js'], { env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: '' } });
    orm = await openOrm(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
    const em = orm.em.fork();
    em.create(Tenant, { id: 'acme', name: 'Acme' });
    accountId = em.create(Account, { tenantId: 'acme', name: 'Globex', industry: 'legal', clientSince: '2020-01-01' }).id;
    await em.flush();
  }, 120_000);

  afterAll(async () => {
    await orm?.close(true);
    await temporal?.close();
    await server?.stop();
  }, 30_000);

  it('the restarted worker continues the play; every task exists exactly once', async () => {
    const build = await compileWorker({ prebuiltBundle: true });
    const taskQueue = `kill-${Date.now()}`;
    const env = { TEMPORAL_ADDRESS: server.address, TEMPORAL_NAMESPACE: server.namespace, TEMPORAL_TASK_QUEUE: taskQueue, DATA_DIR: dataDir };
    try {
      let worker = spawnWorker(build.outDir, env);
      await worker.waitForLog('worker running');
      const workflowId = `acme/${accountId}/renewal/kill-test`;
      const handle = await temporal.client.workflow.start(renewalWorkflow, {
        taskQueue, workflowId,
        args: [{ tenantId: 'acme', accountId, accountName: 'Globex', template: loadPlayTemplates().latest('renewal'), anchorDate: new Date(Date.now() + 180 * DAY).toISOString().slice(0, 10), context: { contractId: 'kill-test' }, reason: 'kill test' }],
      });
      const tasks = () => orm.em.fork().find(Task, { tenantId: 'acme', sourceRef: { $like: `${workflowId}/%` } });
      const complete = async (stepId: string) => {
        const state = await eventually(() => handle.query(playStateQuery), (s) => s.steps.find((x) => x.id === stepId)?.status === 'open', 30_000);
        const step = state.steps.find((x) => x.id === stepId)!;
        await handle.signal(taskCompletedSignal, { stepId, taskId: step.taskId!, by: 'lee' });
      };

      await complete('value-recap');
      await eventually(tasks, (t) => t.length === 2, 30_000); // stakeholder re-mapping opened
      worker.child.kill('SIGKILL');
      expect(await worker.exited).toBeNull(); // killed, no clean exit

      // While no worker runs, a person completes the open step: the signal waits in Temporal.
      await handle.signal(taskCompletedSignal, { stepId: 'stakeholder-remapping', taskId: (await tasks()).find((t) => t.sourceRef!.endsWith('/stakeholder-remapping'))!.id, by: 'lee' });

      worker = spawnWorker(build.outDir, env);
      await worker.waitForLog('worker running');
      for (const step of ['business-review', 'more-valuable-conversation', 'proposal', 'negotiation']) await complete(step);
      await handle.signal(renewalOutcomeSignal, { outcome: 'expanded', by: 'pat' });
      expect(await handle.result()).toMatchObject({ status: 'completed', outcome: 'expanded' });
      worker.child.kill('SIGTERM');
      await worker.exited;

      const created = await tasks();
      const keys = created.map((t) => t.sourceRef!.slice(workflowId.length + 1)).sort();
      expect(keys).toEqual(['business-review', 'decision', 'more-valuable-conversation', 'negotiation', 'proposal', 'stakeholder-remapping', 'value-recap']);
      expect(new Set(keys).size).toBe(keys.length);
    } finally {
      await build.cleanup();
    }
  }, 180_000);
});
