import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type FilterQuery } from '@mikro-orm/core';
import type { Principal } from '../auth/principal.js';
import { retryOnBusy } from '../persistence/retry-on-busy.js';
import { AuditEntry } from './audit-entry.entity.js';
import type { AuditQuery } from './audit.query.js';
import { currentRequest } from './request-context.js';

/** Reads the audit log, and records actions that change no row of ours (e.g. a play cancelled in Temporal). */
@Injectable()
export class AuditService {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM) {}

  async list(tenantId: string, query: AuditQuery) {
    const where: FilterQuery<AuditEntry> = { tenantId };
    if (query.resource) where.resource = query.resource;
    if (query.resourceId) where.resourceId = query.resourceId;
    if (query.actorId) where.actorId = query.actorId;
    if (query.action) where.action = query.action;
    if (query.from || query.to) where.at = { ...(query.from ? { $gte: new Date(query.from) } : {}), ...(query.to ? { $lt: new Date(query.to) } : {}) };
    const [items, total] = await this.orm.em.fork().findAndCount(AuditEntry, where, { orderBy: { at: 'desc', id: 'asc' }, limit: query.limit, offset: query.offset });
    return { items, total, limit: query.limit, offset: query.offset };
  }

  async record(principal: Principal, entry: { action: string; resource: string; resourceId: string; before?: Record<string, unknown> | null; after?: Record<string, unknown> | null }): Promise<void> {
    const context = currentRequest();
    await retryOnBusy(() => this.orm.em.fork().transactional(async (em) => {
      em.create(AuditEntry, {
        tenantId: principal.tenantId!, at: new Date(), actorKind: principal.kind, actorId: principal.subject, actorName: principal.name,
        action: entry.action, resource: entry.resource, resourceId: entry.resourceId, before: entry.before ?? null, after: entry.after ?? null,
        request: context?.request ?? null, requestId: context?.requestId ?? null,
      });
      await em.flush();
    }));
  }
}
