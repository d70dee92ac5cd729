import { randomUUID } from 'node:crypto';
import { p } from '@mikro-orm/core';

/**
 * Columns every business row carries: a UUID key, the owning tenant (firm) and timestamps.
 * A fresh object per entity because property builders are attached to one entity's metadata.
 */
export function tenantScopedProperties() {
  return {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    tenantId: p.string().length(64).index(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  };
}

/** Account-owned history rows also carry the account id; tenant-checked in services (an FK cannot check the tenant). */
export function accountScopedProperties() {
  return { ...tenantScopedProperties(), accountId: p.uuid().index() };
}
