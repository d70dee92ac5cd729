import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { moneyColumn } from '../persistence/money-column.js';
import { accountScopedProperties } from '../persistence/tenant-scoped.properties.js';
import { CONTRACT_KINDS, RENEWAL_STATUSES } from '../domain/vocabulary.js';

/** A retainer, project, matter or engagement letter; its end date drives renewal planning. */
export const Contract = defineEntity({
  name: 'Contract',
  tableName: 'contracts',
  // Batch fact queries filter `tenant_id = ? and account_id in (...)`: without this index SQLite's planner
  // scans the tenant index (every row of a one-firm database).
  indexes: [{ properties: ['tenantId', 'accountId'] }],
  uniques: [{ properties: ['tenantId', 'externalRef'] }],
  properties: {
    ...accountScopedProperties(),
    externalRef: p.string().length(120).nullable(),
    kind: p.enum(CONTRACT_KINDS),
    title: p.string().length(200),
    /** Total contract value in the firm's currency. */
    value: moneyColumn(),
    /** Annualised value, for tiering and revenue facts. */
    annualValue: moneyColumn(),
    currency: p.string().length(3).default('USD'),
    startDate: p.date(),
    endDate: p.date().nullable(),
    noticePeriodDays: p.integer().default(0),
    autoRenew: p.boolean().default(false),
    renewalStatus: p.enum(RENEWAL_STATUSES).default('not_started'),
  },
});
export type Contract = InferEntity<typeof Contract>;
