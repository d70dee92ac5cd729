import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { tenantScopedProperties } from '../persistence/tenant-scoped.properties.js';
import type { Role } from './roles.js';

/** A person who signs in to a firm (password here, or tokens from the firm's OIDC provider). */
export const User = defineEntity({
  name: 'User',
  tableName: 'users',
  uniques: [{ properties: ['tenantId', 'email'] }],
  properties: {
    ...tenantScopedProperties(),
    email: p.string().length(254),
    name: p.string().length(200),
    /** scrypt hash (`scrypt$N$r$p$salt$hash`); null for users who only sign in through OIDC. */
    passwordHash: p.string().length(300).nullable().hidden(),
    roles: p.json<Role[]>(),
    /** The firm person this user is: an account manager sees the accounts this person serves. */
    personId: p.uuid().nullable(),
    disabledAt: p.datetime().nullable(),
  },
});
export type User = InferEntity<typeof User>;
