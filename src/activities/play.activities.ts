import type { MikroORM } from '@mikro-orm/core';
import type { PlayActivities, PlayRecord, PlayTaskRequest } from '../../workflows/shared/play-activities.js';
import { PlayInstance } from '../plays/play-instance.entity.js';
import { Task } from '../tasks/task.entity.js';
import { TEAM_ROLE_OF_TASK_OWNER } from '../relationships/team-role-of-task-owner.js';
import { createTasksOnce } from '../tasks/task-writer.js';
import { TeamAssignment } from '../relationships/team-assignment.entity.js';
import { retryOnBusy } from '../persistence/retry-on-busy.js';


/**
 * The side effects plays cause, all idempotent: tasks are keyed by workflow id + step, so a
 * retried or replayed activity (worker killed mid-play) never creates a task twice.
 */
export function createPlayActivities(orm: MikroORM): PlayActivities {
  return {
    async createPlayTask(request: PlayTaskRequest) {
      return retryOnBusy(() => orm.em.fork().transactional(async (em) => {
        const owner = TEAM_ROLE_OF_TASK_OWNER[request.ownerRole]
          ? await em.findOne(TeamAssignment, { tenantId: request.tenantId, accountId: request.accountId, role: TEAM_ROLE_OF_TASK_OWNER[request.ownerRole] as never, toDate: null })
          : null;
        const created = await createTasksOnce(em, request.tenantId, [{
          tenantId: request.tenantId, accountId: request.accountId, title: request.title, description: request.description ?? null,
          ownerRole: request.ownerRole, ownerPersonId: owner?.personId ?? null, dueOn: request.dueOn, source: 'play', sourceRef: request.sourceRef,
        }]);
        return { taskId: created.get(request.sourceRef)!.id };
      }));
    },

    async closePlayTasks({ tenantId, workflowIdPrefix, status, except = [] }) {
      // LIKE only narrows the rows ('_' and '%' in ids are wildcards and SQLite has no default
      // escape character); startsWith decides.
      const em = orm.em.fork();
      const candidates = await em.find(Task, { tenantId, sourceRef: { $like: `${workflowIdPrefix}%` }, status: { $in: ['open', 'in_progress'] } }, { fields: ['id', 'sourceRef'] });
      const ids = candidates.filter((t) => t.sourceRef!.startsWith(workflowIdPrefix) && !except.includes(t.sourceRef!)).map((t) => t.id);
      return ids.length ? retryOnBusy(() => em.nativeUpdate(Task, { tenantId, id: { $in: ids } }, { status, completedAt: new Date() })) : 0;
    },

    async recordPlay(record: PlayRecord) {
      await retryOnBusy(() => orm.em.fork().transactional(async (em) => {
        const existing = await em.findOne(PlayInstance, { tenantId: record.tenantId, workflowId: record.workflowId });
        const now = new Date();
        const row = existing ?? em.create(PlayInstance, { tenantId: record.tenantId, accountId: record.accountId, workflowId: record.workflowId, play: record.play, startedAt: now });
        if (record.status) row.status = record.status;
        if (record.event === 'attention' && record.detail) row.attention = record.detail.split(' ')[0];
        if (record.outcome) row.outcome = record.outcome;
        if (record.status && record.status !== 'running') row.closedAt ??= now;
        row.lastEvent = `${record.event}${record.detail ? `: ${record.detail}` : ''}`;
      }));
    },
  };
}
