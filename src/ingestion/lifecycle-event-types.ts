import { LockMode, type EntityManager, type EntitySchema } from '@mikro-orm/core';
import { z } from 'zod';
import { Account } from '../accounts/account.entity.js';
import { ValidationFailed } from '../api/api-errors.js';
import { isoDate, isoDateTime, longText, uuid } from '../api/zod-fields.js';
import { Engagement } from '../commercial/engagement.entity.js';
import { Invoice } from '../commercial/invoice.entity.js';
import { CHURN_REASONS, DEPARTURE_KINDS, ENGAGEMENT_STATUSES } from '../domain/vocabulary.js';
import { ServiceIssue } from '../interactions/service-issue.entity.js';
import { Person } from '../relationships/person.entity.js';
import { Stakeholder } from '../relationships/stakeholder.entity.js';
import type { EventType } from './event-type.js';
import { changesNotSuperseded } from './field-versions.js';

/**
 * Loads the row an update event names (existence was checked for the whole batch up front), locked
 * until the batch commits (PostgreSQL; SQLite serialises writers), so concurrent deliveries
 * updating one row apply one after the other.
 */
async function target(em: EntityManager, entity: EntitySchema<any, any>, tenantId: string, id: string): Promise<Record<string, unknown>> {
  const row = await em.findOne(entity, { tenantId, id } as never, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!row) throw new ValidationFailed([{ path: 'data', message: `row ${id} disappeared during the batch` }]);
  return row as Record<string, unknown>;
}

/**
 * "Something changed" events that update an existing row in place, field by field, unless a later
 * event (by occurrence) already set the field: delivered out of order, they end where in order would.
 */
function updateEvent<S extends z.ZodObject>(
  type: string,
  description: string,
  entity: EntitySchema<any, any>,
  idField: string,
  label: string,
  data: S,
  changes: (data: z.output<S>) => Record<string, unknown>,
): EventType<z.output<S>> {
  return {
    type,
    description,
    data: data as unknown as z.ZodType<z.output<S>>,
    references: [{ field: idField, entity, label }],
    async apply(em, tenantId, value, _entityId, source) {
      const id = (value as Record<string, string>)[idField];
      const row = await target(em, entity, tenantId, id);
      Object.assign(row, await changesNotSuperseded(em, tenantId, id, changes(value), source));
      return { accountId: (row.accountId as string | undefined) ?? (entity === Account ? id : null), entityId: id };
    },
  };
}

export const LIFECYCLE_EVENT_TYPES: EventType[] = [
  updateEvent('invoice.paid', 'An invoice was paid.', Invoice, 'invoiceId', 'invoice',
    z.strictObject({ invoiceId: uuid(), paidOn: isoDate() }), (d) => ({ paidOn: d.paidOn })),
  updateEvent('service_issue.resolved', 'A service problem or complaint was resolved.', ServiceIssue, 'serviceIssueId', 'service issue',
    z.strictObject({ serviceIssueId: uuid(), resolvedAt: isoDateTime() }), (d) => ({ resolvedAt: d.resolvedAt })),
  updateEvent('stakeholder.departed', 'A client contact left their role (champion departure is a risk signal).', Stakeholder, 'stakeholderId', 'stakeholder',
    z.strictObject({ stakeholderId: uuid(), departedAt: isoDate() }), (d) => ({ departedAt: d.departedAt })),
  updateEvent('engagement.progressed', 'Budget, dates or status of a project changed.', Engagement, 'engagementId', 'engagement',
    z.strictObject({
      engagementId: uuid(),
      actualCost: z.number().finite().nonnegative().optional(),
      plannedEndDate: isoDate().optional(),
      actualEndDate: isoDate().nullish(),
      status: z.enum(ENGAGEMENT_STATUSES).optional(),
    }),
    ({ engagementId: _, ...rest }) => dropUndefined(rest)),
  updateEvent('person.departure_announced', 'A firm person will retire, be promoted, change role or leave on a date.', Person, 'personId', 'person',
    z.strictObject({ personId: uuid(), kind: z.enum(DEPARTURE_KINDS), date: isoDate() }),
    (d) => ({ departureKind: d.kind, departureDate: d.date })),
  updateEvent('account.churned', 'The client left.', Account, 'accountId', 'account',
    z.strictObject({ accountId: uuid(), churnedAt: isoDate(), reason: z.enum(CHURN_REASONS), notes: longText().nullish() }),
    (d) => ({ status: 'churned', churnedAt: d.churnedAt, churnReason: d.reason, churnNotes: d.notes ?? null })),
  updateEvent('account.won_back', 'A churned client came back.', Account, 'accountId', 'account',
    z.strictObject({ accountId: uuid() }), () => ({ status: 'won_back' })),
];

function dropUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
