import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { moneyColumn } from '../persistence/money-column.js';
import { accountScopedProperties } from '../persistence/tenant-scoped.properties.js';

/** What the client spends in our service areas in total, for share of wallet. Latest `asOf` wins. */
export const WalletEstimate = defineEntity({
  name: 'WalletEstimate',
  tableName: 'wallet_estimates',
  // Batch fact queries filter `tenant_id = ? and account_id in (...)`: without this index SQLite's planner
  // scans the tenant index (every row of a one-firm database).
  indexes: [{ properties: ['tenantId', 'accountId'] }],
  properties: {
    ...accountScopedProperties(),
    annualSpend: moneyColumn(),
    currency: p.string().length(3).default('USD'),
    asOf: p.date(),
    serviceAreas: p.json<string[]>().nullable(),
    source: p.string().length(200).nullable(),
  },
});
export type WalletEstimate = InferEntity<typeof WalletEstimate>;
