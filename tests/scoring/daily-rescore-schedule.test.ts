import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivitiesFrom } from '../../src/activities/index.js';
import { seedDemoPortfolio } from '../../src/persistence/demo/seed-demo.js';
import { AccountHealth } from '../../src/scoring/account-health.entity.js';
import { tenantScheduleId, TenantSchedules } from '../../src/scoring/tenant-schedules.js';
import { PlayStarter } from '../../src/plays/play-starter.service.js';
import { PlayTriggers } from '../../src/plays/play-triggers.js';
import { PlayTemplateCatalog } from '../../src/plays/play-template-catalog.js';
import { HealthSnapshot } from '../../src/scoring/health-snapshot.entity.js';
import { ScoringService } from '../../src/scoring/scoring.service.js';
import { TemporalClientService } from '../../src/temporal/temporal-client.service.js';
import { startDevServer, type DevServer } from '../temporal/dev-server.js';
import { installQuietTemporalRuntime } from '../temporal/sdk-runtime.js';
import { WORKFLOWS_PATH } from '../temporal/workflows-path.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';
import { createLogger } from '../../src/logging/logger.js';

installQuietTemporalRuntime();

describe('daily portfolio rescoring on a Temporal Schedule (dev server)', () => {
  let server: DevServer;
  let app: TestApp;
  const taskQueue = `rescore-${Date.now()}`;

  beforeAll(async () => {
    server = await startDevServer();
    app = await startTestApp(testDialects()[0], { TEMPORAL_ADDRESS: server.address, TEMPORAL_NAMESPACE: server.namespace, TEMPORAL_TASK_QUEUE: taskQueue, RESCORE_DAILY_AT: '03:30', TEMPORAL_SEARCH_ATTRIBUTES: 'false' });
    await seedDemoPortfolio(app.orm, { tenantId: 'demo', asOf: new Date(), accounts: 30 });
  });
  afterAll(async () => {
    await app?.close();
    await server?.stop();
  });

  it('creates one schedule per tenant idempotently, and a triggered run rescores the portfolio through the worker', async () => {
    const schedules = app.app.get(TenantSchedules);
    expect(await schedules.reconcile()).toContain('demo');
    await schedules.ensure('demo'); // again: already there, no error
    const client = await app.app.get(TemporalClientService).client();
    const handle = client.schedule.getHandle(tenantScheduleId('demo', 'daily-rescore'));
    const description = await handle.describe();
    expect(description.spec.calendars?.[0]).toMatchObject({ hour: [{ start: 3, end: 3, step: 1 }], minute: [{ start: 30, end: 30, step: 1 }] });
    expect(description.action).toMatchObject({ type: 'startWorkflow', workflowType: 'dailyRescoreWorkflow', taskQueue });

    const connection = await NativeConnection.connect({ address: server.address });
    const worker = await Worker.create({ connection, namespace: server.namespace, taskQueue, workflowsPath: WORKFLOWS_PATH, activities: createActivitiesFrom(app.app, app.orm, createLogger('silent', 'test')) });
    await worker.runUntil(async () => {
      await handle.trigger();
      const deadline = Date.now() + 60_000;
      while ((await app.orm.em.fork().count(AccountHealth, { tenantId: 'demo' })) < 28 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      // The schedule started the run; wait for the workflow to report its summary.
      const [action] = (await handle.describe()).info.recentActions;
      expect(action).toBeDefined();
      const summary = await client.workflow.getHandle(action.action.workflow.workflowId, action.action.workflow.firstExecutionRunId).result();
      expect(summary).toMatchObject({ tenantId: 'demo', accounts: 28 });
    });
    await connection.close();
    const health = await app.orm.em.fork().count(AccountHealth, { tenantId: 'demo' });
    expect(health).toBeGreaterThanOrEqual(28); // 30 accounts minus the churned ones
    const snapshot = await app.orm.em.fork().findOne(HealthSnapshot, { tenantId: 'demo' });
    expect(snapshot?.trigger).toBe('schedule');
  });
});
