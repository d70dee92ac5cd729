import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { accountScopedProperties } from '../persistence/tenant-scoped.properties.js';
import { TOUCHPOINT_CHANNELS, TOUCHPOINT_DIRECTIONS, TOUCHPOINT_KINDS, TOUCHPOINT_OUTCOMES } from '../domain/vocabulary.js';

/** A meeting, call or message with the client, held or not. */
export const Touchpoint = defineEntity({
  name: 'Touchpoint',
  tableName: 'touchpoints',
  indexes: [{ properties: ['tenantId', 'accountId', 'occurredAt'] }],
  properties: {
    ...accountScopedProperties(),
    stakeholderId: p.uuid().nullable(),
    personId: p.uuid().nullable(),
    kind: p.enum(TOUCHPOINT_KINDS),
    channel: p.enum(TOUCHPOINT_CHANNELS),
    direction: p.enum(TOUCHPOINT_DIRECTIONS),
    outcome: p.enum(TOUCHPOINT_OUTCOMES).default('held'),
    occurredAt: p.datetime(),
    /** Hours until the client answered (emails, requests); null when not applicable. */
    responseTimeHours: p.double().nullable(),
    summary: p.text().nullable(),
  },
});
export type Touchpoint = InferEntity<typeof Touchpoint>;
