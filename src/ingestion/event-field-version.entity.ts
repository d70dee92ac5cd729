import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * Which update event last wrote each field of a row, and when that event happened at its source.
 * Update events (invoice.paid, engagement.progressed, account.churned…) are applied field by field,
 * last writer wins by occurrence time, not by arrival: a late, older event never overwrites what a
 * newer one set (out-of-order delivery cannot regress a row).
 */
export const EventFieldVersion = defineEntity({
  name: 'EventFieldVersion',
  tableName: 'event_field_versions',
  primaryKeys: ['tenantId', 'entityId', 'field'],
  properties: {
    tenantId: p.string().length(64).primary(),
    entityId: p.string().length(64).primary(),
    field: p.string().length(64).primary(),
    occurredAt: p.datetime(),
    /** Breaks ties between events that happened at the same instant, whatever their arrival order. */
    eventId: p.string().length(200),
  },
});
export type EventFieldVersion = InferEntity<typeof EventFieldVersion>;
