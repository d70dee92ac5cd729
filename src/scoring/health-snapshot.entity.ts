import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { FactValues } from '../facts/fact-definition.js';
import type { RuleVersions } from '../rules/engine/compiled-rule-bundle.js';
import { accountScopedProperties } from '../persistence/tenant-scoped.properties.js';
import type { CadenceStatus, ComponentResult, FiredRule, SignalResult } from './evaluation.js';
import type { ScoreDelta } from './delta-explainer.js';

export const SCORING_TRIGGERS = ['event', 'schedule', 'publish', 'manual', 'import'] as const;

/**
 * An immutable record of what the rules concluded about an account, with the facts they read
 * and the rule-set versions used. Written only when the result changed.
 */
export const HealthSnapshot = defineEntity({
  name: 'HealthSnapshot',
  tableName: 'health_snapshots',
  indexes: [{ properties: ['tenantId', 'accountId', 'computedAt'] }, { properties: ['tenantId', 'computedAt'] }],
  properties: {
    ...accountScopedProperties(),
    computedAt: p.datetime(),
    trigger: p.enum(SCORING_TRIGGERS),
    score: p.integer(),
    band: p.string().length(20),
    components: p.json<ComponentResult[]>(),
    tier: p.integer(),
    tierName: p.string().length(80),
    rawTier: p.integer(),
    tierBelowSince: p.date().nullable(),
    tierReasons: p.json<FiredRule[]>(),
    stage: p.integer(),
    stageName: p.string().length(80),
    tenureBand: p.string().length(20),
    signals: p.json<SignalResult[]>(),
    protocols: p.json<string[]>(),
    cadence: p.json<CadenceStatus[]>(),
    facts: p.json<FactValues>(),
    ruleVersions: p.json<RuleVersions>(),
    previousSnapshotId: p.uuid().nullable(),
    scoreDelta: p.integer().nullable(),
    delta: p.json<ScoreDelta>().nullable(),
  },
});
export type HealthSnapshot = InferEntity<typeof HealthSnapshot>;
