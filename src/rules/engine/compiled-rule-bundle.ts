import type { RuleBundle } from '../schema/rule-set.schema.js';
import { ConditionEngine } from './condition-engine.js';
import type { OperatorRegistry } from './operator-registry.js';

/** Which version of each rule set (core kinds and applied plugin packs) produced a result: stamped on every snapshot. */
export type RuleVersions = Record<string, { version: number; hash: string }>;

/**
 * The engines for one combination of rule-set versions, built once and reused for every
 * account. Evaluation runs in four phases because later phases read earlier results:
 * profile: tier and lifecycle stage (domain facts) → health (+ tier: expectations depend on
 * it) → signals (+ score and its history) → escalation (+ signal counts).
 */
export class CompiledRuleBundle {
  readonly profile: ConditionEngine;
  readonly health: ConditionEngine;
  readonly signals: ConditionEngine;
  readonly escalation: ConditionEngine;

  constructor(
    readonly bundle: RuleBundle,
    readonly versions: RuleVersions,
    operators: OperatorRegistry,
  ) {
    this.profile = new ConditionEngine(
      [
        ...bundle.tier.tiers.map((t) => ({ id: `tier:${t.tier}`, conditions: t.conditions })),
        ...bundle.tier.promotions.map((p) => ({ id: `promotion:${p.id}`, conditions: p.conditions })),
        ...bundle.lifecycle.stages.flatMap((s) => (s.conditions ? [{ id: `stage:${s.stage}`, conditions: s.conditions }] : [])),
      ],
      operators,
    );
    this.health = new ConditionEngine(
      bundle.health.components.flatMap((c) => c.rules.map((r) => ({ id: `${c.id}/${r.id}`, conditions: r.conditions }))),
      operators,
    );
    this.signals = new ConditionEngine(bundle.signals.signals.map((s) => ({ id: s.id, conditions: s.conditions })), operators);
    this.escalation = new ConditionEngine(bundle.escalation.protocols.map((p) => ({ id: p.id, conditions: p.conditions })), operators);
  }
}
