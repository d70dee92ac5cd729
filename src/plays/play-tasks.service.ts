import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import { Conflict, NotFound, ValidationFailed } from '../api/api-errors.js';
import { Person } from '../relationships/person.entity.js';
import { Task } from '../tasks/task.entity.js';
import { TemporalClientService } from '../temporal/temporal-client.service.js';
import { taskCompletedSignal, taskReassignedSignal } from '../../workflows/shared/play-signals.js';
import { PlayInstance } from './play-instance.entity.js';
import { retryOnBusy } from '../persistence/retry-on-busy.js';
import { isUuid } from '../api/uuid.js';

/**
 * People complete or reassign tasks; a play's task also signals its play. The task row and the
 * signal succeed together: the signal is sent inside the transaction, so if Temporal refuses
 * it nothing changes and the caller can retry.
 */
@Injectable()
export class PlayTasksService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM, private readonly temporal: TemporalClientService) {}

  async complete(tenantId: string, taskId: string, by: string, note?: string) {
    return retryOnBusy(() => this.orm.em.fork().transactional(async (em) => {
      const task = await this.openTask(em, tenantId, taskId);
      task.status = 'done';
      task.completedAt = new Date();
      const play = await this.playOf(em, task);
      await em.flush();
      if (play) {
        const client = await this.temporal.client();
        await client.workflow.getHandle(play.workflowId).signal(taskCompletedSignal, { stepId: task.sourceRef!.slice(play.workflowId.length + 1), taskId: task.id, by, ...(note ? { note } : {}) });
      }
      return { task, play: play ? { id: play.id, workflowId: play.workflowId } : null };
    }));
  }

  async reassign(tenantId: string, taskId: string, ownerRole: Task['ownerRole'], ownerPersonId: string | null, by: string) {
    return retryOnBusy(() => this.orm.em.fork().transactional(async (em) => {
      const task = await this.openTask(em, tenantId, taskId);
      if (ownerPersonId && !(await em.findOne(Person, { tenantId, id: ownerPersonId }, { fields: ['id'] }))) {
        throw new ValidationFailed([{ path: 'body.ownerPersonId', code: 'unknown_reference', message: `no person with id ${ownerPersonId} in this tenant` }]);
      }
      task.ownerRole = ownerRole;
      task.ownerPersonId = ownerPersonId;
      const play = await this.playOf(em, task);
      await em.flush();
      if (play) {
        const client = await this.temporal.client();
        await client.workflow.getHandle(play.workflowId).signal(taskReassignedSignal, { stepId: task.sourceRef!.slice(play.workflowId.length + 1), taskId: task.id, toPersonId: ownerPersonId, toRole: ownerRole, by });
      }
      return { task };
    }));
  }

  private async openTask(em: EntityManager, tenantId: string, taskId: string): Promise<Task> {
    const task = isUuid(taskId) ? await em.findOne(Task, { tenantId, id: taskId }) : null;
    if (!task) throw new NotFound(`task ${taskId} not found`);
    if (task.status === 'done' || task.status === 'cancelled') throw new Conflict(`task ${taskId} is already ${task.status === 'done' ? 'completed' : 'cancelled'}; nothing was changed`);
    return task;
  }

  /** The running play a task belongs to (its sourceRef starts with the play's workflow id). */
  private async playOf(em: EntityManager, task: Task): Promise<PlayInstance | null> {
    if (task.source !== 'play' || !task.sourceRef || !task.accountId) return null;
    const plays = await em.find(PlayInstance, { tenantId: task.tenantId, accountId: task.accountId, status: 'running' });
    return plays.find((p) => task.sourceRef!.startsWith(`${p.workflowId}/`)) ?? null;
  }
}
