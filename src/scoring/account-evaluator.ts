import type { FactValue, FactValues } from '../facts/fact-definition.js';
import type { CompiledRuleBundle } from '../rules/engine/compiled-rule-bundle.js';
import { referencedFacts } from '../rules/engine/condition-walk.js';
import { renderTemplate } from '../rules/engine/template.js';
import type { TopLevelCondition } from '../rules/schema/condition.schema.js';
import type { AccountEvaluation, CadenceStatus, ComponentResult, FiredRule, HealthBand, ScoreHistory, SignalResult } from './evaluation.js';

const DAY = 86_400_000;

function pick(facts: FactValues, conditions: TopLevelCondition | undefined): Record<string, FactValue> {
  return Object.fromEntries(referencedFacts(conditions).map((name) => [name, facts[name] ?? null]));
}

/**
 * Runs one account's facts through a compiled rule bundle. Pure apart from the engine calls:
 * the same facts, history and bundle always give the same evaluation (scoring, simulation and
 * backtests all call this). Phases: profile → health → signals → escalation.
 */
export async function evaluateAccount(compiled: CompiledRuleBundle, domainFacts: FactValues, history: ScoreHistory, asOf: Date): Promise<AccountEvaluation> {
  const { bundle } = compiled;

  // Phase 1: profile — tier (with promotions and key-account demotion grace) and lifecycle stage.
  const profiled = await compiled.profile.matching(domainFacts);
  const matchedTiers = bundle.tier.tiers.filter((t) => profiled.has(`tier:${t.tier}`));
  const rawTier = matchedTiers.length ? Math.max(...matchedTiers.map((t) => t.tier)) : 1;
  const tierReasons: FiredRule[] = matchedTiers.length
    ? matchedTiers.filter((t) => t.tier === rawTier).map((t) => ({ id: `tier-${t.tier}`, description: `tier ${t.tier} criteria (${t.name})`, reason: `meets the ${t.name} criteria`, facts: pick(domainFacts, t.conditions) }))
    : [{ id: 'unclassified', description: 'no tier criteria matched', reason: 'matches no tier criteria; defaulted to tier 1', facts: {} }];
  let candidate = rawTier;
  for (const promotion of bundle.tier.promotions) {
    if (!profiled.has(`promotion:${promotion.id}`) || rawTier >= promotion.maxTier) continue;
    candidate = Math.max(candidate, Math.min(rawTier + 1, promotion.maxTier));
    tierReasons.push({ id: promotion.id, description: promotion.description, reason: `promoted: ${promotion.description}`, facts: pick(domainFacts, promotion.conditions) });
  }
  // Key accounts are demoted only after the lower tier has held for the grace period.
  let tier = candidate;
  let tierBelowSince: string | null = null;
  const prior = history.previous;
  if (prior && candidate < prior.tier && prior.tier >= 3 && bundle.tier.demotionGraceDays > 0) {
    const since = prior.tierBelowSince ?? asOf.toISOString().slice(0, 10);
    const heldDays = Math.floor((asOf.getTime() - Date.parse(since)) / DAY);
    if (heldDays < bundle.tier.demotionGraceDays) {
      tier = prior.tier;
      tierBelowSince = since;
      tierReasons.push({ id: 'demotion-grace', description: 'key-account demotion grace', reason: `criteria point to tier ${candidate} since ${since}; demotion takes effect after ${bundle.tier.demotionGraceDays} days`, facts: {} });
    }
  }
  const tierName = bundle.tier.tiers[tier - 1]?.name ?? `Tier ${tier}`;
  const stageDef = [...bundle.lifecycle.stages].reverse().find((s) => !s.conditions || profiled.has(`stage:${s.stage}`)) ?? bundle.lifecycle.stages[0];
  const tenureMonths = typeof domainFacts.tenureMonths === 'number' ? domainFacts.tenureMonths : 0;
  const tenureBand = [...bundle.lifecycle.tenureBands].reverse().find((b) => tenureMonths >= b.fromMonths)?.id ?? 'new';

  // Phase 2: health score; what counts as healthy engagement depends on the tier.
  const healthFacts: FactValues = { ...domainFacts, tier };
  const fired = await compiled.health.matching(healthFacts);
  const components: ComponentResult[] = bundle.health.components.map((component) => {
    const rules: FiredRule[] = component.rules
      .filter((r) => fired.has(`${component.id}/${r.id}`))
      .map((r) => ({ id: r.id, description: r.description, points: r.points, reason: renderTemplate(r.reason, healthFacts), facts: pick(healthFacts, r.conditions) }));
    const raw = component.base + rules.reduce((sum, r) => sum + (r.points ?? 0), 0);
    return { id: component.id, name: component.name, weight: component.weight, points: Math.max(0, Math.min(component.weight, raw)), rules };
  });
  const score = components.reduce((sum, c) => sum + c.points, 0);
  const band: HealthBand = score < bundle.health.bands.critical ? 'critical' : score < bundle.health.bands.intervention ? 'intervention' : 'healthy';

  // Phase 3: warning signals, with the score and its recent history as facts.
  const peak = Math.max(score, history.previous?.score ?? score, ...history.recent.map((r) => r.score));
  const facts: FactValues = {
    ...healthFacts,
    healthScore: score,
    previousHealthScore: history.previous?.score ?? null,
    scoreChange30d: history.score30DaysAgo !== undefined ? score - history.score30DaysAgo : history.recent.length ? score - history.recent[0].score : null,
    scoreDrop30d: history.previous || history.recent.length ? peak - score : null,
  };
  const raised = await compiled.signals.matching(facts);
  const signals: SignalResult[] = bundle.signals.signals
    .filter((s) => raised.has(s.id))
    .map((s) => ({ id: s.id, name: s.name, category: s.category, severity: s.severity, explanation: renderTemplate(s.explanation, facts), facts: pick(facts, s.conditions) }));

  // Phase 4: which escalation protocols' conditions hold (firing is decided against the previous snapshot).
  const escalationFacts: FactValues = {
    ...facts,
    activeSignalCount: signals.length,
    criticalSignalCount: signals.filter((s) => s.severity === 'critical').length,
  };
  const protocols = [...(await compiled.escalation.matching(escalationFacts))].sort();

  return {
    score, band, components, tier, tierName, rawTier, tierBelowSince, tierReasons,
    stage: stageDef.stage, stageName: stageDef.name, tenureBand, signals, protocols,
    cadence: cadenceStatus(compiled, tier, escalationFacts),
    facts: escalationFacts,
  };
}

const SINCE_FACT: Record<string, string> = {
  executive: 'daysSinceLastExecutiveTouchpoint',
  strategic: 'daysSinceLastStrategicTouchpoint',
  operational: 'daysSinceLastOperationalTouchpoint',
  maintenance: 'daysSinceLastMaintenanceTouchpoint',
};

function cadenceStatus(compiled: CompiledRuleBundle, tier: number, facts: FactValues): CadenceStatus[] {
  const requirements = compiled.bundle.cadence.tiers[tier - 1]?.requirements ?? [];
  const activeWork = typeof facts.activeEngagements === 'number' && facts.activeEngagements > 0;
  const clientDays = typeof facts.clientSinceDays === 'number' ? facts.clientSinceDays : 0;
  return requirements.map((r) => {
    const since = facts[SINCE_FACT[r.touchpointKind]];
    const daysSinceLast = typeof since === 'number' ? since : null;
    const applicable = !r.onlyDuringActiveWork || activeWork;
    const overdue = applicable && (daysSinceLast === null ? clientDays > r.everyDays : daysSinceLast > r.everyDays);
    return { touchpointKind: r.touchpointKind, everyDays: r.everyDays, daysSinceLast, applicable, overdue, description: r.description };
  });
}
