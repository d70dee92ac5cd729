import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantScopedProperties } from '../persistence/tenant-scoped.properties.js';
import type { Role } from './roles.js';

/** A credential for an integration. Only a SHA-256 of the secret is stored; the secret is shown once. */
export const ApiKey = defineEntity({
  name: 'ApiKey',
  tableName: 'api_keys',
  properties: {
    ...tenantScopedProperties(),
    name: p.string().length(120),
    role: p.string().length(40).$type<Role>(),
    secretHash: p.string().length(64).hidden(),
    rateLimitPerMinute: p.integer().nullable(),
    createdBy: p.string().length(200),
    revokedAt: p.datetime().nullable(),
  },
});
export type ApiKey = InferEntity<typeof ApiKey>;
