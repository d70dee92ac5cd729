// The worker process is SIGKILLed three times during one renewal play that ends lost: between
// activities, in the middle of an activity (its database write held up by a lock, so the kill is
// certain to land while the activity runs), and right after the decisive signal (while the play
// closes). People keep working through the API while no worker runs. Afterwards every side effect
// the play causes exists exactly once: its tasks (one per step reached), the play registry row
// (completed, lost), the win-back command in the outbox, the cancelling of its open task; and the
// workflow history shows the interrupted activity was run again, not skipped.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CONFIG } from '../../src/config/config.module.js';
import type { AppConfig } from '../../src/config/config.schema.js';
import { PlayCommand } from '../../src/escalations/play-command.entity.js';
import { PlayInstance } from '../../src/plays/play-instance.entity.js';
import { Task } from '../../src/tasks/task.entity.js';
import { TemporalClientService } from '../../src/temporal/temporal-client.service.js';
import { taskCompletedSignal } from '../../workflows/shared/play-signals.js';
import { eventually } from '../plays/play-test-kit.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';
import { startDevServer, type DevServer } from '../temporal/dev-server.js';
import { installQuietTemporalRuntime } from '../temporal/sdk-runtime.js';
import { compileWorker, spawnWorker, type CompiledWorker, type WorkerProcess } from '../temporal/worker-process.js';
import { writeFigures } from './kit/figures.js';
import { openFirm, type FirmClient } from './kit/firm-client.js';
import { holdSqliteWriteLock } from './kit/sqlite-write-lock.js';

installQuietTemporalRuntime();
const TENANT = 'kill';

describe('worker killed (SIGKILL) three times during a play: every side effect once', () => {
  let server: DevServer;
  let app: TestApp;
  let firm: FirmClient;
  let build: CompiledWorker;
  let workerEnv: Record<string, string>;
  let sqliteFile: string;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    server = await startDevServer({ searchAttributes: { RetentionTenant: 'Keyword', RetentionAccount: 'Keyword', RetentionPlay: 'Keyword', RetentionTier: 'Int', RetentionStatus: 'Keyword' } });
    const taskQueue = `kill-side-effects-${Date.now()}`;
    // The outbox is not drained during the test (every 10 min): the win-back command the play writes stays countable.
    app = await startTestApp(testDialects()[0], { TEMPORAL_ADDRESS: server.address, TEMPORAL_NAMESPACE: server.namespace, TEMPORAL_TASK_QUEUE: taskQueue, PLAY_DISPATCH_INTERVAL_MS: '600000' });
    firm = await openFirm(app.app, app.url, TENANT);
    const config = app.app.get<AppConfig>(APP_CONFIG);
    sqliteFile = join(config.DATA_DIR, config.SQLITE_FILE);
    workerEnv = { TEMPORAL_ADDRESS: server.address, TEMPORAL_NAMESPACE: server.namespace, TEMPORAL_TASK_QUEUE: taskQueue, DATA_DIR: config.DATA_DIR, SQLITE_FILE: config.SQLITE_FILE };
    build = await compileWorker({ prebuiltBundle: true });
  }, 180_000);

  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    await build?.cleanup();
    await app?.close();
    await server?.stop();
  }, 60_000);

  const startWorker = async () => {
    const worker = spawnWorker(build.outDir, workerEnv);
    workers.push(worker);
    await worker.waitForLog('worker running');
    return worker;
  };
  const kill = async (worker: WorkerProcess) => {
    worker.child.kill('SIGKILL');
    expect(await worker.exited).toBeNull(); // no clean exit: no drain, no goodbye
  };

  it('tasks, registry row, outbox command and task closing each happen exactly once', async () => {
    const account = await firm.call('POST', '/api/v1/accounts', { name: 'Globex', industry: 'legal', clientSince: '2020-01-01' });
    expect(account.status).toBe(201);
    const accountId = account.body.id as string;
    const started = await firm.call('POST', `/api/v1/accounts/${accountId}/plays`, { play: 'renewal', reason: 'contract ends in six months', scope: 'ctr-2027', anchorDate: new Date(Date.now() + 170 * 86_400_000).toISOString().slice(0, 10) });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const workflowId = started.body.workflowId as string;
    const playId = (await app.orm.em.fork().findOneOrFail(PlayInstance, { tenantId: TENANT, workflowId })).id;
    const taskOf = (step: string) => app.orm.em.fork().findOne(Task, { tenantId: TENANT, sourceRef: `${workflowId}/${step}` });
    const opened = async (step: string) => (await eventually(() => taskOf(step), (t) => !!t, 60_000))!;
    const complete = async (step: string) => {
      const res = await firm.call('POST', `/api/v1/tasks/${(await opened(step)).id}/complete`, { note: `${step} done` });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };

    // Kill 1, between activities: the first task exists, the play waits for a person.
    let worker = await startWorker();
    await opened('value-recap');
    await kill(worker);
    await complete('value-recap'); // no worker runs: the signal waits in Temporal

    // Kill 2, in the middle of an activity: another process holds the database's write lock, the step
    // is completed (signalled as the API does), so the next step's createPlayTask runs and waits on the
    // lock; the worker is killed while it runs. The API call for the same task follows once the lock is
    // gone (the play ignores a second completion of a finished step).
    worker = await startWorker();
    const remapping = await opened('stakeholder-remapping');
    const lock = await holdSqliteWriteLock(sqliteFile);
    const client = await app.app.get(TemporalClientService).client();
    const handle = client.workflow.getHandle(workflowId);
    await handle.signal(taskCompletedSignal, { stepId: 'stakeholder-remapping', taskId: remapping.id, by: 'lee' });
    const inFlight = await eventually(async () => (await handle.describe()).raw.pendingActivities ?? [], (p) => p.some((a) => a.activityType?.name === 'createPlayTask' && !!a.lastStartedTime), 20_000);
    expect(inFlight.some((a) => a.activityType?.name === 'createPlayTask'), 'createPlayTask is running when the worker dies').toBe(true);
    expect(await taskOf('business-review'), 'not written yet').toBeNull();
    await kill(worker);
    await lock.release();
    await complete('stakeholder-remapping');
    worker = await startWorker();
    await opened('business-review'); // after the activity's timeout Temporal runs it again, on the new worker

    // Kill 3, while the play closes: the decision arrives and the worker dies straight away.
    const outcome = await firm.call('POST', `/api/v1/plays/${playId}/signals/renewal-outcome`, { outcome: 'lost', note: 'moved to a competitor' });
    expect(outcome.status, JSON.stringify(outcome.body)).toBe(200);
    await kill(worker);
    worker = await startWorker();
    expect(await handle.result()).toMatchObject({ status: 'completed', outcome: 'lost' });
    worker.child.kill('SIGTERM');
    await worker.exited;

    // Side effects, counted.
    const em = app.orm.em.fork();
    // (The escalation protocol opened its own tasks for the new, data-less account: not the play's.)
    const tasks = (await em.find(Task, { tenantId: TENANT, accountId, source: 'play' })).filter((t) => t.sourceRef!.startsWith(`${workflowId}/`));
    const byStep = tasks.map((t) => [t.sourceRef!.slice(workflowId.length + 1), t.status]);
    // Done by people, the open one cancelled when the play closed, the post-mortem kept open for after the play.
    expect(byStep.sort()).toEqual([['business-review', 'cancelled'], ['churn-post-mortem', 'open'], ['stakeholder-remapping', 'done'], ['value-recap', 'done']]);
    const registry = await em.find(PlayInstance, { tenantId: TENANT, accountId });
    expect(registry.map((p) => ({ workflowId: p.workflowId, status: p.status, outcome: p.outcome }))).toEqual([{ workflowId, status: 'completed', outcome: 'lost' }]);
    const commands = await em.find(PlayCommand, { tenantId: TENANT, accountId, source: 'play' }); // (escalations asked for a recovery plan too: not the play's)
    expect(commands.map((c) => ({ play: c.play, key: c.idempotencyKey, status: c.status }))).toEqual([{ play: 'win_back', key: `${workflowId}/win-back`, status: 'pending' }]);
    let executions = 0;
    for await (const _ of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) executions++;
    expect(executions).toBe(1);

    // The history: what ran, and what ran more than once because a worker died under it.
    const history = await handle.fetchHistory();
    const scheduled = new Map<string, number>();
    let retried = 0;
    for (const event of history.events ?? []) {
      const name = event.activityTaskScheduledEventAttributes?.activityType?.name;
      if (name) scheduled.set(name, (scheduled.get(name) ?? 0) + 1);
      if ((event.activityTaskStartedEventAttributes?.attempt ?? 1) > 1) retried++;
    }
    expect(Object.fromEntries(scheduled)).toMatchObject({ createPlayTask: 4, requestPlay: 1, closePlayTasks: 1 });
    expect(retried, 'the activity killed mid-flight ran again').toBeGreaterThanOrEqual(1);

    writeFigures({
      suite: 'worker-kill-side-effects',
      faultsInjected: { workerKills: 3, killedMidActivity: 1 },
      inputsTried: { plays: 1, apiCalls: 6, activitiesScheduled: [...scheduled.values()].reduce((a, b) => a + b, 0) },
      failuresFound: { duplicateTasks: tasks.length - new Set(tasks.map((t) => t.sourceRef)).size, registryRows: registry.length - 1, duplicateCommands: commands.length - 1, executions: executions - 1 },
      observations: { activitiesRunAgainAfterAKill: retried, scheduled: Object.fromEntries(scheduled) },
    });
  }, 240_000);
});
