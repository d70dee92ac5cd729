import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A firm using the platform. Every other row belongs to exactly one tenant. */
export const Tenant = defineEntity({
  name: 'Tenant',
  tableName: 'tenants',
  properties: {
    id: p.string().length(64).primary(),
    name: p.string().length(200),
    /** Ids of the plugins enabled for this firm; null: every installed plugin. */
    plugins: p.json<string[]>().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type Tenant = InferEntity<typeof Tenant>;
