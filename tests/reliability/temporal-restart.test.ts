// The Temporal server crashes (SIGKILL) and comes back, twice, while 300 plays are being started:
// 100 onboarding plays through the play-command outbox (half of the commands written while the
// server is down), 100 recovery plans the escalation protocol requests through the same outbox
// (the new accounts have no history yet, so they score critical), and 100 renewal plays by hand
// through POST /accounts/{id}/plays from concurrent clients that retry what fails. Afterwards every requested play exists exactly once in Temporal
// (one execution per deterministic workflow id) and in the play registry, the outbox is drained
// with no command failed, and every task a play opened exists exactly once.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { WorkflowExecutionInfo } from '@temporalio/client';
import { createActivitiesFrom } from '../../src/activities/index.js';
import { PlayCommand } from '../../src/escalations/play-command.entity.js';
import { createLogger } from '../../src/logging/logger.js';
import { PlayInstance } from '../../src/plays/play-instance.entity.js';
import { playWorkflowId } from '../../src/plays/play-workflows.js';
import { Task } from '../../src/tasks/task.entity.js';
import { TemporalClientService } from '../../src/temporal/temporal-client.service.js';
import { playStateQuery } from '../../workflows/shared/play-signals.js';
import type { PlayKind } from '../../workflows/shared/play-types.js';
import { eventually, workflowBundle } from '../plays/play-test-kit.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';
import { installQuietTemporalRuntime } from '../temporal/sdk-runtime.js';
import { writeFigures } from './kit/figures.js';
import { openFirm, type FirmClient } from './kit/firm-client.js';
import { startRestartableDevServer, type RestartableDevServer } from './kit/restartable-dev-server.js';

installQuietTemporalRuntime();
const TENANT = 'restart';
const ACCOUNTS = 100;
const HTTP_CLIENTS = 4;
/** The first outage is short, the second longer than the clients' own gRPC retries last. */
const DOWNTIMES_MS = [3_000, 15_000];
const SEARCH_ATTRIBUTES = { RetentionTenant: 'Keyword', RetentionAccount: 'Keyword', RetentionPlay: 'Keyword', RetentionTier: 'Int', RetentionStatus: 'Keyword' } as const;

describe('Temporal server killed and restarted while plays start', () => {
  let server: RestartableDevServer;
  let app: TestApp;
  let firm: FirmClient;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = `restart-${Date.now()}`;
  const accountIds: string[] = [];

  beforeAll(async () => {
    server = await startRestartableDevServer({ searchAttributes: SEARCH_ATTRIBUTES });
    app = await startTestApp(testDialects()[0], { TEMPORAL_ADDRESS: server.address, TEMPORAL_NAMESPACE: server.namespace, TEMPORAL_TASK_QUEUE: taskQueue, PLAY_DISPATCH_INTERVAL_MS: '200' });
    firm = await openFirm(app.app, app.url, TENANT);
    for (let i = 0; i < ACCOUNTS; i++) {
      // Clients of two years' standing: nothing starts a play for them by itself (no onboarding, no contract).
      const res = await firm.call('POST', '/api/v1/accounts', { name: `Client ${i}`, industry: 'other', clientSince: new Date(Date.now() - 730 * 86_400_000).toISOString().slice(0, 10) });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      accountIds.push(res.body.id);
    }
    const connection = await NativeConnection.connect({ address: server.address });
    worker = await Worker.create({ connection, namespace: server.namespace, taskQueue, workflowBundle: await workflowBundle(), activities: createActivitiesFrom(app.app, app.orm, createLogger('silent', 'test')) });
    running = worker.run();
  }, 180_000);

  afterAll(async () => {
    if (worker?.getState() === 'RUNNING') worker.shutdown();
    await running?.catch(() => undefined);
    await app?.close();
    await server?.close();
  }, 60_000);

  it('300 play starts across two server crashes: each play exactly once in Temporal and the registry, no command lost, no task twice', async () => {
    const onboarding = accountIds.map((id) => playWorkflowId(TENANT, id, 'onboarding'));
    const renewal = accountIds.map((id, i) => playWorkflowId(TENANT, id, 'renewal', `contract-${i}`));
    const registered = () => app.orm.em.fork().count(PlayInstance, { tenantId: TENANT, play: { $in: ['onboarding', 'renewal'] } });
    // The escalation side writes commands into the outbox (here: directly, as its transaction does).
    const writeCommands = async (ids: string[]) => {
      const em = app.orm.em.fork();
      for (const accountId of ids) {
        em.create(PlayCommand, { tenantId: TENANT, accountId, play: 'onboarding', action: 'start', reason: 'new client', source: 'reliability', sourceRef: accountId, idempotencyKey: `onboarding/${accountId}`, payload: {} });
      }
      await em.flush();
    };

    // Renewals by hand: concurrent clients; whatever fails (5xx, connection refused) is retried, same request.
    const http = { attempts: 0, failures: new Map<string, number>() };
    const startRenewal = async (i: number) => {
      const body = { play: 'renewal', reason: 'contract enters its lead time', scope: `contract-${i}`, anchorDate: new Date(Date.now() + 170 * 86_400_000).toISOString().slice(0, 10) };
      for (let attempt = 1; ; attempt++) {
        http.attempts++;
        const res = await firm.call('POST', `/api/v1/accounts/${accountIds[i]}/plays`, body, { timeoutMs: 30_000 });
        if (res.status === 200 || res.status === 201) return res.body as { workflowId: string };
        const key = `${res.status} ${String(res.body?.message ?? res.body?.error ?? '').slice(0, 80)}`;
        http.failures.set(key, (http.failures.get(key) ?? 0) + 1);
        if (attempt > 200) throw new Error(`renewal ${i} never started: ${key}`);
        await sleep(250);
      }
    };
    const pending = Array.from({ length: ACCOUNTS }, (_, i) => i);
    const clients = Array.from({ length: HTTP_CLIENTS }, async () => {
      const started: { workflowId: string }[] = [];
      for (let i = pending.shift(); i !== undefined; i = pending.shift()) {
        started.push(await startRenewal(i));
        await sleep(30); // a person's pace, so the starts span the crashes
      }
      return started;
    });

    // The faults: kill the server once a fifth of the plays is registered and again at three fifths;
    // while it is down the outbox receives the second half of the commands.
    const faults: { atRegistered: number; downMs: number; restartMs: number }[] = [];
    const crash = async (whenRegistered: number, downtimeMs: number, duringDowntime?: () => Promise<void>) => {
      await eventually(registered, (n) => n >= whenRegistered, 60_000);
      const at = await registered();
      const down = Date.now();
      await server.kill();
      await duringDowntime?.();
      await sleep(Math.max(0, downtimeMs - (Date.now() - down)));
      const restartMs = await server.restart();
      faults.push({ atRegistered: at, downMs: Date.now() - down, restartMs });
    };
    await writeCommands(accountIds.slice(0, ACCOUNTS / 2));
    await crash(40, DOWNTIMES_MS[0], () => writeCommands(accountIds.slice(ACCOUNTS / 2)));
    await crash(120, DOWNTIMES_MS[1]);
    const startedByHand = (await Promise.all(clients)).flat();
    expect(startedByHand.map((s) => s.workflowId).sort()).toEqual([...renewal].sort());

    // The outbox drains by itself once Temporal is back; no command is given up.
    const commands = await eventually(() => app.orm.em.fork().find(PlayCommand, { tenantId: TENANT }), (c) => c.every((x) => x.status !== 'pending'), 90_000);
    const byStatus = (status: string) => commands.filter((c) => c.status === status).length;
    expect({ dispatched: byStatus('dispatched'), failed: byStatus('failed'), pending: byStatus('pending') }).toEqual({ dispatched: commands.length, failed: 0, pending: 0 });
    // Besides ours, scoring wrote recovery commands for the new, data-less (critical) accounts: they count too.
    const expected = [...new Set([...renewal, ...commands.map((c) => playWorkflowId(TENANT, c.accountId, c.play as PlayKind))])].sort();
    expect(expected).toEqual(expect.arrayContaining(onboarding));

    // The registry: one row per requested play, nothing else.
    const rows = await app.orm.em.fork().find(PlayInstance, { tenantId: TENANT });
    expect(rows.map((r) => r.workflowId).sort()).toEqual(expected);
    expect(rows.filter((r) => r.status !== 'running')).toEqual([]);

    // Temporal: exactly one execution per workflow id (a second run would be a duplicate play), all running.
    const client = await app.app.get(TemporalClientService).client();
    const executions = await eventually(async () => {
      const found: WorkflowExecutionInfo[] = [];
      for await (const execution of client.workflow.list({ query: `RetentionTenant = '${TENANT}'` })) found.push(execution);
      return found;
    }, (found) => found.length >= expected.length, 30_000);
    const runsPerId = new Map<string, number>();
    for (const e of executions) runsPerId.set(e.workflowId, (runsPerId.get(e.workflowId) ?? 0) + 1);
    expect([...runsPerId.keys()].sort()).toEqual(expected);
    const duplicated = [...runsPerId].filter(([, n]) => n > 1);
    expect(duplicated).toEqual([]);
    const notRunning = (await Promise.all(expected.map(async (id) => ({ id, status: (await client.workflow.getHandle(id).describe()).status.name })))).filter((d) => d.status !== 'RUNNING');
    expect(notRunning).toEqual([]);

    // Tasks: every task a play says it opened exists, exactly once, and no play has a task it does not know.
    const states = await eventually(
      () => Promise.all(expected.map(async (id) => ({ id, state: await client.workflow.getHandle(id).query(playStateQuery) }))),
      (all) => all.every(({ state }) => state.steps.some((s) => s.status === 'open' && s.taskId)),
      60_000,
    );
    const tasks = await app.orm.em.fork().find(Task, { tenantId: TENANT, source: 'play' });
    const taskProblems: string[] = [];
    for (const { id, state } of states) {
      const opened = state.steps.filter((s) => s.taskId).map((s) => s.taskId!).sort();
      const stored = tasks.filter((t) => t.sourceRef!.startsWith(`${id}/`));
      if (!opened.length) taskProblems.push(`${id}: opened no task`);
      if (JSON.stringify(stored.map((t) => t.id).sort()) !== JSON.stringify(opened)) taskProblems.push(`${id}: workflow knows ${opened.length} tasks, database has ${stored.length}`);
      if (new Set(stored.map((t) => t.sourceRef)).size !== stored.length) taskProblems.push(`${id}: a step has two tasks`);
    }

    writeFigures({
      suite: 'temporal-restart',
      faultsInjected: { serverKills: faults.length, commandsWrittenWhileDown: ACCOUNTS / 2 },
      inputsTried: { playsRequested: expected.length, viaOutbox: commands.length, viaHttp: ACCOUNTS, httpAttempts: http.attempts, outboxAttempts: commands.reduce((n, c) => n + c.attempts, 0) + commands.length },
      failuresFound: { lostPlays: expected.length - runsPerId.size, duplicateExecutions: duplicated.length, registryMismatches: expected.length - rows.length, failedCommands: byStatus('failed'), taskProblems: taskProblems.length },
      observations: { faults, httpFailuresRetried: Object.fromEntries(http.failures), commandsWithRetries: commands.filter((c) => c.attempts > 0).length, tasks: tasks.length },
    });
    expect(taskProblems).toEqual([]);
  }, 240_000);
});
