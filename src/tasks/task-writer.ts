import type { EntityManager } from '@mikro-orm/core';
import { Task } from './task.entity.js';

export interface NewTask {
  tenantId: string;
  accountId: string | null;
  title: string;
  description?: string | null;
  ownerRole: Task['ownerRole'];
  ownerPersonId?: string | null;
  dueOn: string | null;
  source: Task['source'];
  /** Producer's idempotency key: the same key never creates a second task. */
  sourceRef: string;
}

/**
 * Creates tasks for other domain areas (escalations, plays) inside their transaction, in one
 * batch. Idempotent by sourceRef: an existing task with the same key is returned instead
 * (one lookup query for the whole batch).
 */
export async function createTasksOnce(em: EntityManager, tenantId: string, tasks: NewTask[]): Promise<Map<string, Task>> {
  const out = new Map<string, Task>();
  if (!tasks.length) return out;
  const existing = await em.find(Task, { tenantId, sourceRef: { $in: tasks.map((t) => t.sourceRef) } });
  for (const task of existing) out.set(task.sourceRef!, task);
  for (const task of tasks) if (!out.has(task.sourceRef)) out.set(task.sourceRef, em.create(Task, { ...task, status: 'open' }));
  return out;
}
