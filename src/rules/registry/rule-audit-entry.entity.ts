import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantScopedProperties } from '../../persistence/tenant-scoped.properties.js';

export const RULE_AUDIT_ACTIONS = ['draft_submitted', 'published', 'rolled_back', 'publish_rejected'] as const;

export interface RuleChange {
  path: string;
  before?: unknown;
  after?: unknown;
}

/** Append-only log of rule authoring: who, when, what changed, why. Rows are never updated. */
export const RuleAuditEntry = defineEntity({
  name: 'RuleAuditEntry',
  tableName: 'rule_audit_entries',
  indexes: [{ properties: ['tenantId', 'createdAt'] }],
  properties: {
    ...tenantScopedProperties(),
    kind: p.string().length(32),
    action: p.enum(RULE_AUDIT_ACTIONS),
    version: p.integer(),
    fromVersion: p.integer().nullable(),
    actor: p.string().length(200),
    reason: p.text().nullable(),
    changes: p.json<RuleChange[]>(),
  },
});
export type RuleAuditEntry = InferEntity<typeof RuleAuditEntry>;
