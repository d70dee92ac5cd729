import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * Append-only record of one change made by a person or an integration: who, when, what, before and
 * after. Written in the same transaction as the change (see AuditSubscriber); never updated or deleted.
 */
export const AuditEntry = defineEntity({
  name: 'AuditEntry',
  tableName: 'audit_log',
  indexes: [{ properties: ['tenantId', 'at'] }, { properties: ['tenantId', 'resource', 'resourceId'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    tenantId: p.string().length(64),
    at: p.datetime(),
    actorKind: p.string().length(20),
    actorId: p.string().length(200),
    actorName: p.string().length(200),
    /** e.g. 'create', 'update', 'delete', 'play.cancel'. */
    action: p.string().length(40),
    /** Table or domain object, e.g. 'accounts', 'tasks', 'plays'. */
    resource: p.string().length(60),
    resourceId: p.string().length(300).nullable(),
    before: p.json<Record<string, unknown>>().nullable(),
    after: p.json<Record<string, unknown>>().nullable(),
    /** The HTTP request that made the change: method and route. */
    request: p.string().length(300).nullable(),
    requestId: p.string().length(64).nullable(),
  },
});
export type AuditEntry = InferEntity<typeof AuditEntry>;
