import type { EntityManager } from '@mikro-orm/core';
import { NotFound } from '../api/api-errors.js';
import { Account } from './account.entity.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 404 unless the account exists in this firm (a malformed id is simply not found, never a database error). */
export async function assertAccountExists(em: EntityManager, tenantId: string, accountId: string): Promise<void> {
  if (!UUID.test(accountId) || !(await em.findOne(Account, { tenantId, id: accountId }, { fields: ['id'] }))) throw new NotFound(`account ${accountId} not found`);
}
