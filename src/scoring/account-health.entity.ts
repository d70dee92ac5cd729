import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { ScorePoint } from './score-history.js';

/** The current health of each account (a pointer to its latest snapshot, denormalised for lists). */
export const AccountHealth = defineEntity({
  name: 'AccountHealth',
  tableName: 'account_health',
  primaryKeys: ['tenantId', 'accountId'],
  indexes: [{ properties: ['tenantId', 'score'] }],
  properties: {
    tenantId: p.string().length(64).primary(),
    accountId: p.uuid().primary(),
    snapshotId: p.uuid(),
    score: p.integer(),
    band: p.string().length(20),
    tier: p.integer(),
    tierBelowSince: p.date().nullable(),
    stage: p.integer(),
    signalCount: p.integer(),
    criticalSignalCount: p.integer(),
    protocols: p.json<string[]>(),
    /** Hash of the latest conclusions and rule versions: an unchanged result is recognised without loading the snapshot. */
    signature: p.string().length(64).nullable(),
    /** Scores of the last ~45 days (for 30-day change facts without a history query). */
    recentScores: p.json<ScorePoint[]>(),
    computedAt: p.datetime(),
    /** Last evaluation, even when nothing changed and no snapshot was written. */
    checkedAt: p.datetime(),
  },
});
export type AccountHealth = InferEntity<typeof AccountHealth>;
