import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { accountScopedProperties } from '../persistence/tenant-scoped.properties.js';
import { ISSUE_SEVERITIES } from '../domain/vocabulary.js';

/** A service problem or complaint. */
export const ServiceIssue = defineEntity({
  name: 'ServiceIssue',
  tableName: 'service_issues',
  // Batch fact queries filter `tenant_id = ? and account_id in (...)`: without this index SQLite's planner
  // scans the tenant index (every row of a one-firm database).
  indexes: [{ properties: ['tenantId', 'accountId'] }],
  properties: {
    ...accountScopedProperties(),
    title: p.string().length(200),
    severity: p.enum(ISSUE_SEVERITIES),
    isComplaint: p.boolean().default(false),
    category: p.string().length(80).nullable(),
    openedAt: p.datetime(),
    resolvedAt: p.datetime().nullable(),
  },
});
export type ServiceIssue = InferEntity<typeof ServiceIssue>;
