import { Worker } from '@temporalio/worker';
import { createPlayFollowUpActivities } from '../../src/activities/play-follow-up.activities.js';
import { createPlayActivities } from '../../src/activities/play.activities.js';
import { createWinBackActivities } from '../../src/activities/win-back.activities.js';
import { workflowBundle, type PlayKit } from './play-test-kit.js';

/** Like `kit.withWorker`, with the win-back activities registered too (real activities, real database). */
export async function withWinBackWorker<T>(kit: PlayKit, taskQueue: string, body: () => Promise<T>): Promise<T> {
  const activities = { ...createPlayActivities(kit.orm), ...createPlayFollowUpActivities(kit.orm), ...createWinBackActivities(kit.orm) };
  const worker = await Worker.create({ connection: kit.env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(), activities });
  return worker.runUntil(body);
}
