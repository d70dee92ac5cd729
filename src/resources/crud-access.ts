import { ForbiddenException } from '@nestjs/common';
import { NotFound } from '../api/api-errors.js';
import type { ResourceDefinition } from './resource-definition.js';

/** What an account-scoped caller (account manager) may reach: the accounts they serve, and tasks assigned to them. */
export interface AccountScope {
  accountIds: ReadonlySet<string>;
  personId: string | null;
}

type Row = Record<string, unknown>;

/** Firm-level resources (people) are readable by everyone in the firm but written only by wider roles. */
const isFirmLevel = (def: ResourceDefinition) => def.path !== 'accounts' && !def.accountScoped && def.path !== 'tasks';

/** The extra list filter for a scoped caller (undefined: no limit). */
export function scopeWhere(def: ResourceDefinition, scope: AccountScope | null): Row | undefined {
  if (!scope || isFirmLevel(def)) return undefined;
  const ids = [...scope.accountIds];
  if (def.path === 'accounts') return { id: { $in: ids } };
  if (def.path === 'tasks') return { $or: [{ accountId: { $in: ids } }, ...(scope.personId ? [{ ownerPersonId: scope.personId }] : [])] };
  return { accountId: { $in: ids } };
}

/** Whether a scoped caller may see this row (used for reads by id; a miss looks like a missing row). */
export function rowInScope(def: ResourceDefinition, row: Row, scope: AccountScope | null): boolean {
  if (!scope || isFirmLevel(def)) return true;
  if (def.path === 'accounts') return scope.accountIds.has(row.id as string);
  if (def.path === 'tasks' && scope.personId && row.ownerPersonId === scope.personId) return true;
  return typeof row.accountId === 'string' && scope.accountIds.has(row.accountId);
}

/** Refuses writes a scoped caller may not make: new accounts, firm-level rows, rows on accounts they do not serve. */
export function assertWritable(def: ResourceDefinition, data: Row, scope: AccountScope | null): void {
  if (!scope) return;
  if (def.path === 'accounts' || isFirmLevel(def)) throw new ForbiddenException(`an account manager may not create or change ${def.path}`);
  if (def.path === 'tasks' && !data.accountId) {
    if (data.ownerPersonId !== undefined && data.ownerPersonId !== scope.personId) throw new ForbiddenException('tasks without an account may only be assigned to yourself');
    return;
  }
  if (typeof data.accountId === 'string' && !scope.accountIds.has(data.accountId)) throw new NotFound(`account ${data.accountId} not found`);
}
