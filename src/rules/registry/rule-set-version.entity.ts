import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantScopedProperties } from '../../persistence/tenant-scoped.properties.js';

export const RULE_VERSION_STATUSES = ['draft', 'published'] as const;

/** One immutable version of one rule set of one tenant. Version 0 is the default file, never stored. */
export const RuleSetVersion = defineEntity({
  name: 'RuleSetVersion',
  tableName: 'rule_set_versions',
  uniques: [{ properties: ['tenantId', 'kind', 'version'] }],
  properties: {
    ...tenantScopedProperties(),
    kind: p.string().length(32),
    version: p.integer(),
    status: p.enum(RULE_VERSION_STATUSES),
    document: p.json<Record<string, unknown>>(),
    /** sha256 of the canonical document: equal content, equal hash. */
    hash: p.string().length(64),
    basedOnVersion: p.integer().nullable(),
    createdBy: p.string().length(200),
    publishedAt: p.datetime().nullable(),
    publishedBy: p.string().length(200).nullable(),
    publishReason: p.text().nullable(),
  },
});
export type RuleSetVersion = InferEntity<typeof RuleSetVersion>;
