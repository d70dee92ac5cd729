// The same workflow on a real Temporal CLI dev server, driven through our own connection
// helpers (src/temporal) and then found again by the `temporal` CLI acting as a client.
import { NativeConnection, Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWiringCheckActivities } from '../../src/activities/wiring-check.activities.js';
import {
  connectTemporalClient,
  nativeConnectionOptions,
  type TemporalClientHandle,
  type TemporalConfig,
} from '../../src/temporal/temporal-connection.js';
import { acknowledgeWiringCheckSignal, wiringCheckStateQuery } from '../../workflows/shared/wiring-check.contract.js';
import { wiringCheckWorkflow } from '../../workflows/wiring-check.workflow.js';
import { runTemporalCli, startDevServer, type DevServer } from './dev-server.js';
import { installQuietTemporalRuntime } from './sdk-runtime.js';
import { WORKFLOWS_PATH } from './workflows-path.js';

interface CliWorkflowRow {
  execution?: { workflowId?: string; runId?: string };
  type?: { name?: string };
  status?: string;
}

describe('wiringCheckWorkflow on the Temporal CLI dev server', () => {
  let server: DevServer;
  let config: TemporalConfig;
  let clientHandle: TemporalClientHandle;

  beforeAll(async () => {
    installQuietTemporalRuntime();
    server = await startDevServer();
    config = {
      TEMPORAL_ADDRESS: server.address,
      TEMPORAL_NAMESPACE: server.namespace,
      TEMPORAL_TASK_QUEUE: `wiring-${randomUUID()}`,
      TEMPORAL_TLS: false,
    };
    clientHandle = await connectTemporalClient(config);
  }, 60_000);

  afterAll(async () => {
    await clientHandle?.close();
    await server?.stop();
  }, 30_000);

  it('completes via client + worker, and `temporal workflow list` shows it', async () => {
    const connection = await NativeConnection.connect(nativeConnectionOptions(config));
    const worker = await Worker.create({
      connection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      workflowsPath: WORKFLOWS_PATH, // the SDK bundles our TS sources itself
      activities: createWiringCheckActivities(),
    });
    const workflowId = `wiring-check/${randomUUID()}`;
    const { client } = clientHandle;

    const result = await worker.runUntil(async () => {
      const handle = await client.workflow.start(wiringCheckWorkflow, {
        taskQueue: config.TEMPORAL_TASK_QUEUE,
        workflowId,
        args: [{ tenantId: 'tenant-dev', note: 'via dev server' }],
      });
      await expect.poll(() => handle.query(wiringCheckStateQuery).then((s) => s.stage), { timeout: 20_000 }).toBe(
        'awaiting-acknowledgement',
      );
      await handle.signal(acknowledgeWiringCheckSignal, { by: 'cli-test' });
      return handle.result();
    });
    await connection.close();

    expect(result).toEqual({
      stage: 'acknowledged',
      acknowledgedBy: 'cli-test',
      activityResult: { echoedNote: 'via dev server', tenantId: 'tenant-dev', attempt: 1 },
    });

    // Visibility is eventually consistent: poll until the CLI sees the closed run.
    let rows: CliWorkflowRow[] = [];
    for (let i = 0; i < 50; i++) {
      const out = await runTemporalCli(server, ['workflow', 'list', '--query', `WorkflowId = '${workflowId}'`, '-o', 'json']);
      rows = parseJsonRows(out);
      if (rows.some((r) => r.status?.includes('COMPLETED'))) break;
      await sleep(200);
    }
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ execution: { workflowId }, type: { name: 'wiringCheckWorkflow' } });
    expect(rows[0]?.status).toContain('COMPLETED');
  }, 90_000);
});

/** The CLI prints a JSON array for `-o json` (and one object per line for `-o jsonl`). */
function parseJsonRows(out: string): CliWorkflowRow[] {
  const text = out.trim();
  if (text === '') return [];
  if (text.startsWith('[')) return JSON.parse(text) as CliWorkflowRow[];
  return text.split('\n').map((line) => JSON.parse(line) as CliWorkflowRow);
}
