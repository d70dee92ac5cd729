import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * Which version of a rule set is live for a tenant. `revision` increments on every switch;
 * a publish updates `where revision = <read revision>`, so of two concurrent publishes one
 * wins and the other gets a conflict. No row means the default file (version 0).
 */
export const ActiveRuleSet = defineEntity({
  name: 'ActiveRuleSet',
  tableName: 'active_rule_sets',
  primaryKeys: ['tenantId', 'kind'],
  properties: {
    tenantId: p.string().length(64).primary(),
    kind: p.string().length(32).primary(),
    version: p.integer(),
    revision: p.integer(),
    activatedAt: p.datetime(),
    activatedBy: p.string().length(200),
  },
});
export type ActiveRuleSet = InferEntity<typeof ActiveRuleSet>;
