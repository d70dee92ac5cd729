import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { moneyColumn } from '../persistence/money-column.js';
import { accountScopedProperties } from '../persistence/tenant-scoped.properties.js';
import { ENGAGEMENT_STATUSES } from '../domain/vocabulary.js';

/** A project or matter delivered for the client: budget vs actual, planned vs actual end. */
export const Engagement = defineEntity({
  name: 'Engagement',
  tableName: 'engagements',
  // Batch fact queries filter `tenant_id = ? and account_id in (...)`: without this index SQLite's planner
  // scans the tenant index (every row of a one-firm database).
  indexes: [{ properties: ['tenantId', 'accountId'] }],
  properties: {
    ...accountScopedProperties(),
    contractId: p.uuid().nullable().index(),
    name: p.string().length(200),
    serviceLine: p.string().length(120),
    budget: moneyColumn(),
    actualCost: moneyColumn().default(0),
    startDate: p.date(),
    plannedEndDate: p.date(),
    actualEndDate: p.date().nullable(),
    status: p.enum(ENGAGEMENT_STATUSES).default('active'),
  },
});
export type Engagement = InferEntity<typeof Engagement>;
