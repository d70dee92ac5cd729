// The whole play stack for a browser test: a Temporal dev server, the HTTP app on a seeded and scored
// demo firm, a worker with the real activities, and a browser (as tests/plays/plays-e2e.test.ts runs it).
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Browser } from 'playwright-core';
import { createActivitiesFrom } from '../../src/activities/index.js';
import { createLogger } from '../../src/logging/logger.js';
import { seedDemoPortfolio } from '../../src/persistence/demo/seed-demo.js';
import { workflowBundle } from '../plays/play-test-kit.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';
import { startDevServer, type DevServer } from '../temporal/dev-server.js';
import { installQuietTemporalRuntime } from '../temporal/sdk-runtime.js';
import { launchBrowser } from './console-kit.js';

export interface PlaysStack {
  server: DevServer;
  app: TestApp;
  browser: Browser;
  close(): Promise<void>;
}

export async function startPlaysStack(options: { tenant: string; accounts: number; taskQueue: string; env?: Record<string, string> }): Promise<PlaysStack> {
  installQuietTemporalRuntime();
  const server = await startDevServer({ searchAttributes: { RetentionTenant: 'Keyword', RetentionAccount: 'Keyword', RetentionPlay: 'Keyword', RetentionTier: 'Int', RetentionStatus: 'Keyword' } });
  const app = await startTestApp(testDialects()[0], { TEMPORAL_ADDRESS: server.address, TEMPORAL_NAMESPACE: server.namespace, TEMPORAL_TASK_QUEUE: options.taskQueue, ...options.env });
  await seedDemoPortfolio(app.orm, { tenantId: options.tenant, asOf: new Date(), accounts: options.accounts });
  // Scored like a live firm: tiers, and the escalation tasks real inboxes also hold.
  const rescored = await app.call('POST', '/api/v1/scoring/rescore', {}, { tenant: options.tenant });
  if (rescored.status !== 200) throw new Error(`rescoring the demo failed: ${rescored.status}`);
  const connection = await NativeConnection.connect({ address: server.address });
  const worker = await Worker.create({
    connection, namespace: server.namespace, taskQueue: options.taskQueue, workflowBundle: await workflowBundle(),
    activities: createActivitiesFrom(app.app, app.orm, createLogger('silent', 'test')),
  });
  const running = worker.run();
  const browser = await launchBrowser();
  return {
    server, app, browser,
    async close() {
      await browser.close();
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await app.close();
      await server.stop();
    },
  };
}
