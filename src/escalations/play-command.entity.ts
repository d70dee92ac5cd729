import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { accountScopedProperties } from '../persistence/tenant-scoped.properties.js';

export const PLAY_COMMAND_STATUSES = ['pending', 'dispatched', 'failed'] as const;

/**
 * Outbox of commands for plays ("start a recovery plan"), written in the same transaction as
 * the snapshot that caused them, so none is lost; the plays side dispatches and marks them.
 */
export const PlayCommand = defineEntity({
  name: 'PlayCommand',
  tableName: 'play_commands',
  uniques: [{ properties: ['tenantId', 'idempotencyKey'] }],
  indexes: [{ properties: ['status', 'createdAt'] }],
  properties: {
    ...accountScopedProperties(),
    play: p.string().length(40),
    action: p.string().length(20).default('start'),
    reason: p.text(),
    source: p.string().length(40),
    sourceRef: p.string().length(200),
    idempotencyKey: p.string().length(300),
    payload: p.json<Record<string, unknown>>(),
    status: p.enum(PLAY_COMMAND_STATUSES).default('pending'),
    attempts: p.integer().default(0),
    lastError: p.text().nullable(),
    dispatchedAt: p.datetime().nullable(),
  },
});
export type PlayCommand = InferEntity<typeof PlayCommand>;
