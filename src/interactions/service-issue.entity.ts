import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { accountScopedProperties } from '../persistence/tenant-scoped.properties.js';
import { ISSUE_SEVERITIES } from '../domain/vocabulary.js';

/** A service problem or complaint. */
export const ServiceIssue = defineEntity({
  name: 'ServiceIssue',
  tableName: 'service_issues',
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
