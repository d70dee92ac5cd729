import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { accountScopedProperties } from '../persistence/tenant-scoped.properties.js';
import { TEAM_ROLES } from '../domain/vocabulary.js';

/** Who at the firm serves an account in which role, and when. */
export const TeamAssignment = defineEntity({
  name: 'TeamAssignment',
  tableName: 'team_assignments',
  // Batch fact queries filter `tenant_id = ? and account_id in (...)`: without this index SQLite's planner
  // scans the tenant index (every row of a one-firm database).
  indexes: [{ properties: ['tenantId', 'accountId'] }],
  properties: {
    ...accountScopedProperties(),
    personId: p.uuid().index(),
    role: p.enum(TEAM_ROLES),
    fromDate: p.date(),
    toDate: p.date().nullable(),
  },
});
export type TeamAssignment = InferEntity<typeof TeamAssignment>;
