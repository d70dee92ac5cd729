import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { accountScopedProperties } from '../persistence/tenant-scoped.properties.js';

export interface PlanRisk {
  risk: string;
  mitigation: string;
}

/** Strategic account plan for tier 3-4 accounts: one per account. */
export const AccountPlan = defineEntity({
  name: 'AccountPlan',
  tableName: 'account_plans',
  uniques: [{ properties: ['tenantId', 'accountId'] }],
  properties: {
    ...accountScopedProperties(),
    objectives: p.json<string[]>(),
    relationshipStrategy: p.text(),
    risks: p.json<PlanRisk[]>(),
    ownerPersonId: p.uuid().nullable(),
    reviewedOn: p.date().nullable(),
  },
});
export type AccountPlan = InferEntity<typeof AccountPlan>;
