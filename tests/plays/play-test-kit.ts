import type { MikroORM } from '@mikro-orm/core';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { Account } from '../../src/accounts/account.entity.js';
import { createPlayFollowUpActivities } from '../../src/activities/play-follow-up.activities.js';
import { createPlayActivities } from '../../src/activities/play.activities.js';
import { openOrm } from '../../src/persistence/open-orm.js';
import { loadPlayTemplates } from '../../src/plays/play-template-catalog.js';
import { Person } from '../../src/relationships/person.entity.js';
import { TeamAssignment } from '../../src/relationships/team-assignment.entity.js';
import { Task } from '../../src/tasks/task.entity.js';
import { Tenant } from '../../src/tenants/tenant.entity.js';
import { playStateQuery, taskCompletedSignal } from '../../workflows/shared/play-signals.js';
import type { PlayKind, PlayState } from '../../workflows/shared/play-types.js';
import { createTimeSkippingEnv } from '../temporal/test-server.js';
import { WORKFLOWS_PATH } from '../temporal/workflows-path.js';
import { testDialects, type TestDatabase } from '../support/test-databases.js';

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
/** One webpack bundle per test file (the SDK would bundle per worker otherwise). */
export const workflowBundle = () => (bundle ??= bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} } as never }));

export interface PlayKit {
  env: TestWorkflowEnvironment;
  orm: MikroORM;
  db: TestDatabase;
  tenantId: string;
  accountId: string;
  people: Record<'lead' | 'sponsor', string>;
  template(play: PlayKind): ReturnType<ReturnType<typeof loadPlayTemplates>['latest']>;
  /** Runs `body` while a real worker (real activities on the real database) serves the queue. */
  withWorker<T>(taskQueue: string, body: () => Promise<T>): Promise<T>;
  tasks(where?: Record<string, unknown>): Promise<Task[]>;
  close(): Promise<void>;
}

/** Real time-skipping server + real SQLite database with one account and its team. */
export async function openPlayKit(): Promise<PlayKit> {
  const env = await createTimeSkippingEnv();
  const db = await testDialects()[0].create();
  const orm = await openOrm(db.config);
  await orm.migrator.up();
  const em = orm.em.fork();
  em.create(Tenant, { id: 'acme', name: 'Acme LLP' });
  const account = em.create(Account, { tenantId: 'acme', name: 'Globex', industry: 'consulting', clientSince: '2020-01-01' });
  const lead = em.create(Person, { tenantId: 'acme', name: 'Lee Lead', email: 'lee@firm.example', title: 'manager' });
  const sponsor = em.create(Person, { tenantId: 'acme', name: 'Pat Partner', email: 'pat@firm.example', title: 'partner' });
  em.create(TeamAssignment, { tenantId: 'acme', accountId: account.id, personId: lead.id, role: 'account_lead', fromDate: '2020-01-01' });
  em.create(TeamAssignment, { tenantId: 'acme', accountId: account.id, personId: sponsor.id, role: 'executive_sponsor', fromDate: '2020-01-01' });
  await em.flush();
  const templates = loadPlayTemplates();
  const activities = { ...createPlayActivities(orm), ...createPlayFollowUpActivities(orm) };
  return {
    env, orm, db, tenantId: 'acme', accountId: account.id, people: { lead: lead.id, sponsor: sponsor.id },
    template: (play) => templates.latest(play),
    async withWorker(taskQueue, body) {
      const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities });
      return worker.runUntil(body);
    },
    tasks: (where = {}) => orm.em.fork().find(Task, { tenantId: 'acme', accountId: account.id, ...where }, { orderBy: { createdAt: 'asc', title: 'asc' } }),
    async close() {
      await env.teardown();
      await orm.close(true);
      await db.drop();
    },
  };
}

/** Completes the play's open step (as the API does after marking the task done). */
export async function completeOpenStep(handle: { query: (q: typeof playStateQuery) => Promise<PlayState>; signal: (s: typeof taskCompletedSignal, a: { stepId: string; taskId: string; by: string }) => Promise<void> }, expectedStep?: string): Promise<string> {
  const state = await handle.query(playStateQuery);
  const open = state.steps.find((s) => s.status === 'open' && s.taskId);
  if (!open) throw new Error(`no open step; state: ${JSON.stringify(state.steps)}`);
  if (expectedStep && open.id !== expectedStep) throw new Error(`expected step ${expectedStep}, open is ${open.id}`);
  await handle.signal(taskCompletedSignal, { stepId: open.id, taskId: open.taskId!, by: 'lee' });
  return open.id;
}

/** Waits (in real time; the server is not skipping while we poll) until the predicate holds. */
export async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}
