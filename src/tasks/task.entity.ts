import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantScopedProperties } from '../persistence/tenant-scoped.properties.js';
import { TASK_OWNER_ROLES, TASK_SOURCES, TASK_STATUSES } from '../domain/vocabulary.js';

/** Work for a person: created by hand, by escalations or by plays. Automation never contacts clients itself. */
export const Task = defineEntity({
  name: 'Task',
  tableName: 'tasks',
  indexes: [{ properties: ['tenantId', 'status', 'dueOn'] }, { properties: ['tenantId', 'accountId'] }],
  uniques: [{ properties: ['tenantId', 'sourceRef'] }],
  properties: {
    ...tenantScopedProperties(),
    accountId: p.uuid().nullable(),
    title: p.string().length(300),
    description: p.text().nullable(),
    ownerPersonId: p.uuid().nullable(),
    ownerRole: p.enum(TASK_OWNER_ROLES),
    dueOn: p.date().nullable(),
    status: p.enum(TASK_STATUSES).default('open'),
    source: p.enum(TASK_SOURCES).default('manual'),
    /** Idempotency key of the producer (e.g. play id + step); unique per tenant so a retry never duplicates. */
    sourceRef: p.string().length(300).nullable(),
    completedAt: p.datetime().nullable(),
  },
});
export type Task = InferEntity<typeof Task>;
