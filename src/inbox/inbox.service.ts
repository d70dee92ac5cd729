import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type FilterQuery } from '@mikro-orm/core';
import { Account } from '../accounts/account.entity.js';
import { PlayInstance } from '../plays/play-instance.entity.js';
import { Person } from '../relationships/person.entity.js';
import { AccountHealth } from '../scoring/account-health.entity.js';
import { Task } from '../tasks/task.entity.js';
import type { AccountScope } from '../resources/crud-access.js';
import type { InboxItem } from './inbox-item.js';
import type { InboxQuery } from './inbox.query.js';


const day = (value: unknown): string | null => (value === null || value === undefined ? null : value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));
const iso = (value: unknown): string | null => (value === null || value === undefined ? null : new Date(value as string | Date).toISOString());

/** Tasks for people, with the account, owner and play each belongs to (one query per kind, not per task). */
@Injectable()
export class InboxService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  /** `scope`: an account manager sees tasks of the accounts they serve and tasks assigned to them (null: the whole firm). */
  async list(tenantId: string, query: InboxQuery, scope: AccountScope | null = null, now = new Date()): Promise<{ total: number; items: InboxItem[] }> {
    const em = this.orm.em.fork();
    const today = now.toISOString().slice(0, 10);
    const where: FilterQuery<Task> = { tenantId };
    if (query.ownerPersonId) where.ownerPersonId = query.ownerPersonId;
    if (query.ownerRole) where.ownerRole = query.ownerRole;
    if (query.accountId) where.accountId = query.accountId;
    if (query.status === 'open' || query.overdue) where.status = { $in: ['open', 'in_progress'] };
    else if (query.status !== 'all') where.status = query.status;
    if (query.overdue) where.dueOn = { $lt: today };
    if (scope) where.$or = [{ accountId: { $in: [...scope.accountIds] } }, ...(scope.personId ? [{ ownerPersonId: scope.personId }] : [])];
    const [tasks, total] = await em.findAndCount(Task, where, { orderBy: [{ dueOn: 'asc nulls last' }, { createdAt: 'asc' }, { id: 'asc' }], limit: query.limit, offset: query.offset });
    const accountIds = [...new Set(tasks.map((t) => t.accountId).filter((id): id is string => !!id))];
    const personIds = [...new Set(tasks.map((t) => t.ownerPersonId).filter((id): id is string => !!id))];
    const [accounts, health, people, plays] = accountIds.length || personIds.length
      ? await Promise.all([
          accountIds.length ? em.find(Account, { tenantId, id: { $in: accountIds } }, { fields: ['id', 'name'] }) : [],
          accountIds.length ? em.find(AccountHealth, { tenantId, accountId: { $in: accountIds } }, { fields: ['accountId', 'tier'] }) : [],
          personIds.length ? em.find(Person, { tenantId, id: { $in: personIds } }, { fields: ['id', 'name'] }) : [],
          accountIds.length ? em.find(PlayInstance, { tenantId, accountId: { $in: accountIds } }, { fields: ['id', 'accountId', 'workflowId', 'play', 'status'] }) : [],
        ])
      : [[], [], [], []];
    const accountById = new Map(accounts.map((a) => [a.id, a]));
    const tierOf = new Map(health.map((h) => [h.accountId, h.tier]));
    const personById = new Map(people.map((p) => [p.id, p]));
    const items = tasks.map((t): InboxItem => {
      const account = t.accountId ? accountById.get(t.accountId) : undefined;
      const owner = t.ownerPersonId ? personById.get(t.ownerPersonId) : undefined;
      // A play's task carries `<workflowId>/<step>` as its sourceRef (see PlayTasks).
      const play = t.source === 'play' && t.sourceRef ? plays.find((p) => p.accountId === t.accountId && t.sourceRef!.startsWith(`${p.workflowId}/`)) : undefined;
      const dueOn = day(t.dueOn);
      const unfinished = t.status === 'open' || t.status === 'in_progress';
      return {
        id: t.id, title: t.title, description: t.description ?? null, status: t.status as InboxItem['status'], dueOn,
        overdue: unfinished && dueOn !== null && dueOn < today,
        ownerRole: t.ownerRole, source: t.source, sourceRef: t.sourceRef ?? null,
        completedAt: iso(t.completedAt), createdAt: iso(t.createdAt)!,
        owner: owner ? { id: owner.id, name: owner.name } : null,
        account: account ? { id: account.id, name: account.name, tier: tierOf.get(account.id) ?? null } : null,
        play: play ? { id: play.id, play: play.play, status: play.status } : null,
      };
    });
    return { total, items };
  }
}
