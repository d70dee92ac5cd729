import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { MikroORM, type EntityManager } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { Account } from '../accounts/account.entity.js';
import { EscalationService, type EscalationInput } from '../escalations/escalation.service.js';
import { accountIdsOfTenant, computeFactsForAccounts } from '../facts/batch-fact-computer.js';
import { FactCatalog } from '../facts/fact-catalog.js';
import { APP_LOGGER } from '../logging/logger.module.js';
import type { CompiledRuleBundle } from '../rules/engine/compiled-rule-bundle.js';
import type { TenantRules } from '../rules/registry/tenant-rules.js';
import { RuleSetRegistry } from '../rules/registry/rule-set-registry.service.js';
import { AccountHealth } from './account-health.entity.js';
import { evaluateAccount } from './account-evaluator.js';
import { explainDelta } from './delta-explainer.js';
import type { AccountEvaluation } from './evaluation.js';
import { HealthSnapshot } from './health-snapshot.entity.js';
import { HealthChanges, type HealthChange } from './health-changes.js';
import { PhaseTimer, type RescorePhase } from './phase-timer.js';
import { appendScore, historyFrom } from './score-history.js';
import { conclusionSignature, sameConclusions } from './conclusion-signature.js';
import { retryOnBusy } from '../persistence/retry-on-busy.js';
import { yieldToEventLoop } from '../runtime/yield-to-event-loop.js';

/** Accounts per transaction; between chunks (and slices of them) waiting requests are served. */
export const SCORING_CHUNK = 250;

export interface RescoreStats {
  tenantId: string;
  accounts: number;
  snapshots: number;
  escalations: number;
  ms: number;
  /** Wall time per phase: facts (batch queries), previous (last snapshots), evaluate (rules), write, escalate. */
  phases: Record<RescorePhase, number>;
}

type Trigger = HealthSnapshot['trigger'];

/**
 * Rescoring: facts (batch) → rules → immutable snapshot when anything changed → escalations,
 * one transaction per chunk of accounts. Runs per tenant one at a time in this process, so an
 * event-driven and a scheduled run never race on the same account.
 */
@Injectable()
export class ScoringService {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly catalog: FactCatalog,
    private readonly registry: RuleSetRegistry,
    private readonly escalations: EscalationService,
    @Inject(APP_LOGGER) private readonly log: Logger,
    private readonly changes: HealthChanges,
  ) {}

  /** Rescores the given accounts (or the whole active portfolio) as of `asOf`. */
  rescore(tenantId: string, accountIds: string[] | 'all', trigger: Trigger, asOf = new Date()): Promise<RescoreStats> {
    const previous = this.queues.get(tenantId) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.run(tenantId, accountIds, trigger, asOf));
    this.queues.set(tenantId, run);
    void run.finally(() => {
      if (this.queues.get(tenantId) === run) this.queues.delete(tenantId);
    }).catch(() => undefined);
    return run;
  }

  private async run(tenantId: string, accountIds: string[] | 'all', trigger: Trigger, asOf: Date): Promise<RescoreStats> {
    const started = performance.now();
    const em = this.orm.em.fork();
    const ids = accountIds === 'all' ? await accountIdsOfTenant(em, tenantId) : accountIds;
    const rules = await this.registry.activeRules(tenantId);
    let snapshots = 0;
    let escalations = 0;
    const timer = new PhaseTimer();
    for (let start = 0; start < ids.length; start += SCORING_CHUNK) {
      await yieldToEventLoop();
      const chunk = ids.slice(start, start + SCORING_CHUNK);
      const result = await retryOnBusy(() => this.orm.em.fork().transactional((tx) => this.scoreChunk(tx, tenantId, chunk, rules, trigger, asOf, timer)));
      this.changes.publish(result.changes); // after commit: listeners see only durable results
      snapshots += result.snapshots;
      escalations += result.escalations;
    }
    const stats = { tenantId, accounts: ids.length, snapshots, escalations, ms: Math.round(performance.now() - started), phases: timer.rounded() };
    this.log.debug({ ...stats, trigger }, 'rescored');
    return stats;
  }

  private async scoreChunk(em: EntityManager, tenantId: string, requested: string[], rules: TenantRules, trigger: Trigger, asOf: Date, timer: PhaseTimer) {
    // Only existing, active accounts of this tenant are scored (churned clients are left as they were).
    const accounts = await em.find(Account, { tenantId, id: { $in: requested }, status: { $ne: 'churned' } }, { fields: ['id', 'name', 'industry'] });
    const chunk = accounts.map((a) => a.id);
    if (!chunk.length) return { snapshots: 0, escalations: 0, changes: [] as HealthChange[] };
    const facts = await timer.time('facts', () => computeFactsForAccounts(this.catalog, em, tenantId, chunk, asOf));
    const healthRows = await timer.time('previous', () => em.find(AccountHealth, { tenantId, accountId: { $in: chunk } }));
    const healthOf = new Map(healthRows.map((h) => [h.accountId, h]));
    const evaluated: { account: (typeof accounts)[number]; health?: AccountHealth; compiled: CompiledRuleBundle; evaluation: AccountEvaluation; signature: string }[] = [];
    for (const [index, account] of accounts.entries()) {
      if (index % 50 === 49) await yieldToEventLoop(); // requests are served between slices of the chunk
      const health = healthOf.get(account.id);
      const compiled = rules.forIndustry(account.industry);
      const evaluation = await timer.time('evaluate', () => evaluateAccount(compiled, facts.get(account.id)!, historyFrom(health, asOf), asOf));
      const signature = conclusionSignature(evaluation, compiled.versions);
      if (health?.signature === signature) {
        health.checkedAt = asOf; // same conclusions: no snapshot
        continue;
      }
      evaluated.push({ account, health, compiled, evaluation, signature });
    }
    // The previous snapshot is read only where something changed (its delta is explained) or the row predates signatures.
    const previousIds = evaluated.flatMap((e) => (e.health ? [e.health.snapshotId] : []));
    const previousSnapshots = new Map((previousIds.length ? await timer.time('previous', () => em.find(HealthSnapshot, { tenantId, id: { $in: previousIds } })) : []).map((s) => [s.accountId, s]));
    // Escalations run per rule bundle: plugin packs can add protocols for their industries.
    const escalationInputs = new Map<CompiledRuleBundle, EscalationInput[]>();
    const snapshotRows: Record<string, unknown>[] = [];
    const changes: HealthChange[] = [];
    const newHealthRows: Record<string, unknown>[] = [];
    for (const { account, health, compiled, evaluation, signature } of evaluated) {
      const previous = previousSnapshots.get(account.id);
      if (health && previous && health.signature === null && sameConclusions(previous, evaluation, compiled.versions)) {
        Object.assign(health, { checkedAt: asOf, signature });
        continue;
      }
      const delta = previous ? explainDelta(previous, evaluation, (f) => this.catalog.get(f)) : null;
      const snapshotId = randomUUID();
      snapshotRows.push({
        id: snapshotId, tenantId, accountId: account.id, createdAt: asOf, updatedAt: asOf, computedAt: asOf, trigger, ...snapshotFields(evaluation),
        ruleVersions: compiled.versions, previousSnapshotId: previous?.id ?? null, scoreDelta: delta?.delta ?? null, delta,
      });
      const current = {
        snapshotId, score: evaluation.score, band: evaluation.band, tier: evaluation.tier, tierBelowSince: evaluation.tierBelowSince,
        stage: evaluation.stage, signalCount: evaluation.signals.length, criticalSignalCount: evaluation.signals.filter((s) => s.severity === 'critical').length,
        protocols: evaluation.protocols, signature, computedAt: asOf, checkedAt: asOf, recentScores: appendScore(health?.recentScores ?? [], asOf, evaluation.score),
      };
      // Protocols already true before this snapshot: only newly true ones escalate.
      changes.push({ tenantId, accountId: account.id, score: evaluation.score, band: evaluation.band, tier: evaluation.tier, at: asOf.toISOString(), signals: evaluation.signals.map((s) => ({ id: s.id, category: s.category, severity: s.severity })) });
      const before = new Set(health?.protocols ?? []);
      if (health) Object.assign(health, current);
      else newHealthRows.push({ tenantId, accountId: account.id, ...current });
      listFor(escalationInputs, compiled).push({ accountId: account.id, accountName: account.name, snapshotId, newlyTrue: evaluation.protocols.filter((p) => !before.has(p)), facts: evaluation.facts });
    }
    // Snapshots are immutable: inserted in bulk, never tracked for changes.
    await timer.time('write', async () => {
      if (snapshotRows.length) await em.insertMany(HealthSnapshot, snapshotRows as never[]);
      if (newHealthRows.length) await em.insertMany(AccountHealth, newHealthRows as never[]);
      await em.flush();
    });
    await yieldToEventLoop();
    const fired = await timer.time('escalate', async () => {
      let count = 0;
      for (const [compiled, inputs] of escalationInputs) count += await this.escalations.apply(em, tenantId, compiled.bundle.escalation, inputs, asOf);
      await em.flush();
      return count;
    });
    return { snapshots: snapshotRows.length, escalations: fired, changes };
  }
}

function listFor<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

function snapshotFields(e: AccountEvaluation) {
  return {
    score: e.score, band: e.band, components: e.components, tier: e.tier, tierName: e.tierName, rawTier: e.rawTier, tierBelowSince: e.tierBelowSince,
    tierReasons: e.tierReasons, stage: e.stage, stageName: e.stageName, tenureBand: e.tenureBand, signals: e.signals, protocols: e.protocols,
    cadence: e.cadence, facts: e.facts,
  };
}
