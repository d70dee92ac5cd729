import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { accountScopedProperties } from '../persistence/tenant-scoped.properties.js';

export const PLAY_STATUSES = ['running', 'completed', 'cancelled', 'failed'] as const;

/**
 * The platform's record of each play (the workflow is the source of truth for its steps):
 * lets the API list an account's plays and scoring signal the running ones without asking
 * Temporal's visibility store. Written by the plays' own activities, idempotently.
 */
export const PlayInstance = defineEntity({
  name: 'PlayInstance',
  tableName: 'play_instances',
  uniques: [{ properties: ['tenantId', 'workflowId'] }],
  indexes: [{ properties: ['tenantId', 'accountId', 'status'] }],
  properties: {
    ...accountScopedProperties(),
    workflowId: p.string().length(300),
    play: p.string().length(40),
    templateId: p.string().length(80).nullable(),
    templateVersion: p.integer().nullable(),
    status: p.enum(PLAY_STATUSES).default('running'),
    attention: p.string().length(20).default('normal'),
    outcome: p.string().length(80).nullable(),
    reason: p.text().nullable(),
    startedAt: p.datetime(),
    closedAt: p.datetime().nullable(),
    lastEvent: p.text().nullable(),
  },
});
export type PlayInstance = InferEntity<typeof PlayInstance>;
