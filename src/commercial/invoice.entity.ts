import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { moneyColumn } from '../persistence/money-column.js';
import { accountScopedProperties } from '../persistence/tenant-scoped.properties.js';

/** Billing history: payment timeliness and spend trend come from here. */
export const Invoice = defineEntity({
  name: 'Invoice',
  tableName: 'invoices',
  indexes: [{ properties: ['tenantId', 'accountId', 'issuedOn'] }],
  properties: {
    ...accountScopedProperties(),
    contractId: p.uuid().nullable(),
    number: p.string().length(60).nullable(),
    amount: moneyColumn(),
    currency: p.string().length(3).default('USD'),
    issuedOn: p.date(),
    dueOn: p.date(),
    paidOn: p.date().nullable(),
  },
});
export type Invoice = InferEntity<typeof Invoice>;
