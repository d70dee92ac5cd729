import type { EntityManager } from '@mikro-orm/core';
import { EventFieldVersion } from './event-field-version.entity.js';

/** The event being applied: its id and when it happened at the source (envelope occurredAt, else receipt time). */
export interface EventSource {
  eventId: string;
  occurredAt: Date;
}

const later = (a: EventSource, b: EventSource) =>
  a.occurredAt.getTime() > b.occurredAt.getTime() || (a.occurredAt.getTime() === b.occurredAt.getTime() && a.eventId > b.eventId);

/**
 * Field-level last-writer-wins by occurrence: returns the changes no later event has already made
 * to the row, and records this event as their writer. The caller holds the row (locked) in the
 * same transaction, so two deliveries for one row cannot interleave between the read and the write.
 */
export async function changesNotSuperseded(em: EntityManager, tenantId: string, entityId: string, changes: Record<string, unknown>, source: EventSource): Promise<Record<string, unknown>> {
  const fields = Object.keys(changes);
  if (!fields.length) return changes;
  const versions = new Map((await em.find(EventFieldVersion, { tenantId, entityId, field: { $in: fields } })).map((v) => [v.field, v]));
  const kept: Record<string, unknown> = {};
  for (const field of fields) {
    const version = versions.get(field);
    if (version && !later(source, version)) continue;
    kept[field] = changes[field];
    if (version) Object.assign(version, { occurredAt: source.occurredAt, eventId: source.eventId });
    else em.create(EventFieldVersion, { tenantId, entityId, field, occurredAt: source.occurredAt, eventId: source.eventId });
  }
  return kept;
}
