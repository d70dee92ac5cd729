import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantScopedProperties } from '../persistence/tenant-scoped.properties.js';
import { ACCOUNT_STATUSES, CHURN_REASONS, INDUSTRIES } from '../domain/vocabulary.js';

/** A client of the firm. */
export const Account = defineEntity({
  name: 'Account',
  tableName: 'accounts',
  uniques: [{ properties: ['tenantId', 'externalRef'] }],
  // `tenant_id = ? and id in (...)` (batch facts): SQLite's planner would otherwise scan the tenant index.
  indexes: [{ properties: ['tenantId', 'id'] }],
  properties: {
    ...tenantScopedProperties(),
    /** The id the firm's CRM uses; lets imports and integrations upsert. */
    externalRef: p.string().length(120).nullable(),
    name: p.string().length(200),
    industry: p.enum(INDUSTRIES),
    segment: p.string().length(80).nullable(),
    region: p.string().length(80).nullable(),
    status: p.enum(ACCOUNT_STATUSES).default('active'),
    clientSince: p.date(),
    churnedAt: p.date().nullable(),
    churnReason: p.enum(CHURN_REASONS).nullable(),
    churnNotes: p.text().nullable(),
    /** Plugin-specific fields, validated by the owning plugin's schema (never ad-hoc columns). */
    attributes: p.json<Record<string, unknown>>().nullable(),
  },
});
export type Account = InferEntity<typeof Account>;
