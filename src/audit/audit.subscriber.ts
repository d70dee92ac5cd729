import { ChangeSetType, type ChangeSet, type EventSubscriber, type FlushEventArgs } from '@mikro-orm/core';
import { AuditEntry } from './audit-entry.entity.js';
import { UNAUDITED_TABLES } from './audited-tables.js';
import { currentRequest } from './request-context.js';

type Row = Record<string, unknown>;

/** Values as JSON would carry them, without hidden properties (password and key hashes). */
function visible(changeSet: ChangeSet<object>, data: Row | undefined | null, keys?: string[]): Row | null {
  if (!data) return null;
  const out: Row = {};
  for (const key of keys ?? Object.keys(data)) {
    const property = changeSet.meta.properties[key as never] as { hidden?: boolean } | undefined;
    if (!property || property.hidden) continue;
    const value = data[key];
    out[key] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

const ACTIONS: Partial<Record<ChangeSetType, string>> = { [ChangeSetType.CREATE]: 'create', [ChangeSetType.UPDATE]: 'update', [ChangeSetType.DELETE]: 'delete' };

/**
 * Writes an audit entry for every change a person or integration makes, in the same flush (and so
 * the same transaction) as the change: a change is never committed without its entry.
 */
export class AuditSubscriber implements EventSubscriber {
  onFlush(args: FlushEventArgs): void {
    const context = currentRequest();
    const principal = context?.principal;
    if (!context || !principal?.tenantId) return;
    for (const changeSet of args.uow.getChangeSets()) {
      const action = ACTIONS[changeSet.type];
      const table = changeSet.meta.tableName;
      if (!action || UNAUDITED_TABLES.has(table)) continue;
      const entity = changeSet.entity as Row;
      const changedKeys = Object.keys(changeSet.payload ?? {}).filter((k) => k !== 'updatedAt');
      if (action === 'update' && changedKeys.length === 0) continue;
      const entry = args.em.create(AuditEntry, {
        tenantId: (entity.tenantId as string | undefined) ?? principal.tenantId,
        at: new Date(),
        actorKind: principal.kind,
        actorId: principal.subject,
        actorName: principal.name,
        action,
        resource: table,
        resourceId: typeof entity.id === 'string' ? entity.id : JSON.stringify(changeSet.getPrimaryKey()),
        before: action === 'create' ? null : visible(changeSet, action === 'update' ? (changeSet.originalEntity as Row) : entity, action === 'update' ? changedKeys : undefined),
        after: action === 'delete' ? null : visible(changeSet, action === 'update' ? (changeSet.payload as Row) : entity, action === 'update' ? changedKeys : undefined),
        request: context.request,
        requestId: context.requestId,
      });
      args.uow.computeChangeSet(entry);
    }
  }
}
