import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { PlayInstance } from '../plays/play-instance.entity.js';
import { TeamAssignment } from '../relationships/team-assignment.entity.js';
import { Task } from '../tasks/task.entity.js';
import { isAccountScoped, type Principal } from './principal.js';
import type { AccountParam } from './policy.decorators.js';

/**
 * Object-level access for account-scoped callers (account managers): the accounts whose account
 * team they are on today. Everyone else in the firm sees every account (null = no limit).
 */
@Injectable()
export class AccountAccess {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async accessibleAccountIds(principal: Principal, now = new Date()): Promise<Set<string> | null> {
    if (!isAccountScoped(principal)) return null;
    if (!principal.personId || !principal.tenantId) return new Set();
    const today = now.toISOString().slice(0, 10);
    const rows = await this.orm.em.fork().find(
      TeamAssignment,
      { tenantId: principal.tenantId, personId: principal.personId, fromDate: { $lte: today }, $or: [{ toDate: null }, { toDate: { $gte: today } }] },
      { fields: ['accountId'] },
    );
    return new Set(rows.map((r) => r.accountId));
  }

  /**
   * Whether an account-scoped caller may reach what a route parameter names: an account they serve,
   * a play on such an account, or a task on such an account or assigned to them personally.
   */
  async canReach(principal: Principal, target: AccountParam, value: string | undefined): Promise<boolean> {
    if (!value || !/^[0-9a-f-]{36}$/i.test(value) || !principal.tenantId) return false;
    const tenantId = principal.tenantId;
    const em = this.orm.em.fork();
    let accountId: string | null = value;
    if (target.is === 'task') {
      const task = await em.findOne(Task, { tenantId, id: value }, { fields: ['accountId', 'ownerPersonId'] });
      if (task && principal.personId && task.ownerPersonId === principal.personId) return true;
      accountId = task?.accountId ?? null;
    } else if (target.is === 'play') {
      accountId = (await em.findOne(PlayInstance, { tenantId, id: value }, { fields: ['accountId'] }))?.accountId ?? null;
    }
    return accountId !== null && ((await this.accessibleAccountIds(principal)) ?? new Set([accountId])).has(accountId);
  }
}
