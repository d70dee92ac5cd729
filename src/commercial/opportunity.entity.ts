import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { moneyColumn } from '../persistence/money-column.js';
import { accountScopedProperties } from '../persistence/tenant-scoped.properties.js';
import { OPPORTUNITY_KINDS, OPPORTUNITY_STAGES } from '../domain/vocabulary.js';

/** Cross-sell, upsell or cross-organisation growth at an account. */
export const Opportunity = defineEntity({
  name: 'Opportunity',
  tableName: 'opportunities',
  // Batch fact queries filter `tenant_id = ? and account_id in (...)`: without this index SQLite's planner
  // scans the tenant index (every row of a one-firm database).
  indexes: [{ properties: ['tenantId', 'accountId'] }],
  properties: {
    ...accountScopedProperties(),
    kind: p.enum(OPPORTUNITY_KINDS),
    title: p.string().length(200),
    serviceLine: p.string().length(120).nullable(),
    expectedValue: moneyColumn(),
    stage: p.enum(OPPORTUNITY_STAGES).default('identified'),
    expectedCloseDate: p.date().nullable(),
  },
});
export type Opportunity = InferEntity<typeof Opportunity>;
