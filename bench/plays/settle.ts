/**
 * "Every play is open and held": each renewal has run its first workflow task, its first
 * activities, and is now asleep on a durable timer / condition with nothing pending.
 *
 * Two checks, cheap before precise:
 * 1. the database: every play's account has a task (the first step's task is created by an
 *    activity the first workflow task schedules, so the worker has processed that workflow task
 *    and run the activity). Polled once a second: one COUNT query, no load on Temporal.
 * 2. Temporal: DescribeWorkflowExecution on every play shows it Running with no pending workflow
 *    task and no pending activity, i.e. the workflow task after the activity completed too and
 *    the play is waiting on its timer. Describe is answered by the server alone: it does not
 *    wake the workflow on the worker (a query would, and would distort the memory figure).
 */
import type { MikroORM } from '@mikro-orm/core';
import type { Client } from '@temporalio/client';
import { setTimeout as sleep } from 'node:timers/promises';

const RUNNING = 1; // temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING

export async function playsWithATask(orm: MikroORM, tenantId: string): Promise<number> {
  const rows = await orm.em.fork().getConnection().execute<{ n: number | string }[]>('select count(distinct account_id) as n from tasks where tenant_id = ?', [tenantId]);
  return Number(rows[0]?.n ?? 0);
}

export async function waitForFirstTasks(orm: MikroORM, tenantId: string, expected: number, deadline: number, onPoll?: (count: number) => void): Promise<void> {
  for (;;) {
    const count = await playsWithATask(orm, tenantId);
    onPoll?.(count);
    if (count >= expected) return;
    if (performance.now() > deadline) throw new Error(`only ${count} of ${expected} plays created their first task before the deadline`);
    await sleep(1_000);
  }
}

export interface SettleSweep {
  sweeps: number;
  ms: number;
  /** Mean events in a held play's history (workflow started … timer started). */
  meanHistoryEvents: number;
}

/** Describes every play (at most `concurrency` at once) until none has pending work. */
export async function waitUntilSettled(client: Client, workflowIds: string[], concurrency: number, deadline: number): Promise<SettleSweep> {
  const t0 = performance.now();
  let pending = workflowIds;
  const historyLength = new Map<string, number>();
  let sweeps = 0;
  while (pending.length) {
    sweeps++;
    const unsettled: string[] = [];
    const reasons = new Map<string, number>();
    let next = 0;
    const lane = async () => {
      while (next < pending.length) {
        const workflowId = pending[next++];
        const d = await client.workflowService.describeWorkflowExecution({ namespace: client.options.namespace, execution: { workflowId } });
        const status = d.workflowExecutionInfo?.status;
        if (status !== RUNNING) throw new Error(`play ${workflowId} is no longer running (status ${status}): it should be asleep until its first step is due`);
        const busy = d.pendingWorkflowTask ? 'workflow task' : (d.pendingActivities ?? []).length ? 'activity' : undefined;
        if (busy) {
          unsettled.push(workflowId);
          reasons.set(busy, (reasons.get(busy) ?? 0) + 1);
        } else historyLength.set(workflowId, Number(d.workflowExecutionInfo?.historyLength ?? 0));
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, pending.length) }, lane));
    pending = unsettled;
    if (!pending.length) break;
    if (performance.now() > deadline) throw new Error(`${pending.length} plays still have pending work at the deadline (${JSON.stringify(Object.fromEntries(reasons))}), e.g. ${pending[0]}`);
    await sleep(1_000);
  }
  const lengths = [...historyLength.values()];
  return { sweeps, ms: Math.round(performance.now() - t0), meanHistoryEvents: Math.round((lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length)) * 10) / 10 };
}
