import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Receipt of one client-supplied event id: the idempotency record of the batch events endpoint. */
export const IngestedEvent = defineEntity({
  name: 'IngestedEvent',
  tableName: 'ingested_events',
  primaryKeys: ['tenantId', 'eventId'],
  properties: {
    tenantId: p.string().length(64).primary(),
    eventId: p.string().length(200).primary(),
    type: p.string().length(80),
    /** sha256 of the canonical payload: the same id with a different payload is a conflict, not a duplicate. */
    payloadHash: p.string().length(64),
    accountId: p.uuid().nullable(),
    /** Id of the row the event created or changed. */
    entityId: p.string().length(64).nullable(),
    receivedAt: p.datetime().onCreate(() => new Date()),
  },
});
export type IngestedEvent = InferEntity<typeof IngestedEvent>;
