import type { RuleBundle } from '../schema/rule-set.schema.js';
import { ConditionEngine, type NamedConditions, type RuleEvaluator } from './condition-engine.js';
import type { OperatorRegistry } from './operator-registry.js';

/** Which version of each rule set (core kinds and applied plugin packs) produced a result: stamped on every snapshot. */
export type RuleVersions = Record<string, { version: number; hash: string }>;

export const EVALUATION_PHASES = ['profile', 'health', 'signals', 'escalation'] as const;
export type EvaluationPhase = (typeof EVALUATION_PHASES)[number];

/** The condition trees each phase evaluates, with the ids evaluateAccount looks for. */
export function phaseConditions(bundle: RuleBundle): Record<EvaluationPhase, NamedConditions[]> {
  return {
    profile: [
      ...bundle.tier.tiers.map((t) => ({ id: `tier:${t.tier}`, conditions: t.conditions })),
      ...bundle.tier.promotions.map((p) => ({ id: `promotion:${p.id}`, conditions: p.conditions })),
      ...bundle.lifecycle.stages.flatMap((s) => (s.conditions ? [{ id: `stage:${s.stage}`, conditions: s.conditions }] : [])),
    ],
    health: bundle.health.components.flatMap((c) => c.rules.map((r) => ({ id: `${c.id}/${r.id}`, conditions: r.conditions }))),
    signals: bundle.signals.signals.map((s) => ({ id: s.id, conditions: s.conditions })),
    escalation: bundle.escalation.protocols.map((p) => ({ id: p.id, conditions: p.conditions })),
  };
}

/**
 * The engines for one combination of rule-set versions, built once and reused for every
 * account. Evaluation runs in four phases because later phases read earlier results:
 * profile: tier and lifecycle stage (domain facts) → health (+ tier: expectations depend on
 * it) → signals (+ score and its history) → escalation (+ signal counts).
 * `evaluator` picks the compiled path (default) or json-rules-engine itself (the reference).
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
    readonly evaluator: RuleEvaluator = 'compiled',
  ) {
    const items = phaseConditions(bundle);
    this.profile = new ConditionEngine(items.profile, operators, evaluator);
    this.health = new ConditionEngine(items.health, operators, evaluator);
    this.signals = new ConditionEngine(items.signals, operators, evaluator);
    this.escalation = new ConditionEngine(items.escalation, operators, evaluator);
  }
}
