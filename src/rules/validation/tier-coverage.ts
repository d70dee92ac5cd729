import type { FactValues } from '../../facts/fact-definition.js';
import { ConditionEngine } from '../engine/condition-engine.js';
import { leafConditions } from '../engine/condition-walk.js';
import type { OperatorRegistry } from '../engine/operator-registry.js';
import type { TierRuleSet } from '../schema/tier-rule-set.schema.js';
import type { RuleIssue } from './validation-issue.js';

export interface CoverageSample {
  label: string;
  facts: FactValues;
}

/**
 * Exactly one tier must match every account. Checked on the live portfolio and on probes at
 * and around every numeric threshold the tier criteria use (so gaps between bands show even
 * where no account sits today).
 */
export async function checkTierCoverage(doc: TierRuleSet, operators: OperatorRegistry, samples: CoverageSample[]): Promise<RuleIssue[]> {
  const engine = new ConditionEngine(doc.tiers.map((t) => ({ id: String(t.tier), conditions: t.conditions })), operators);
  const all = [...samples, ...probes(doc, samples[0]?.facts ?? {})];
  const gaps: string[] = [];
  const overlaps: string[] = [];
  for (const sample of all) {
    const matched = [...(await engine.matching(sample.facts))].sort();
    if (matched.length === 0) gaps.push(sample.label);
    if (matched.length > 1) overlaps.push(`${sample.label} → tiers ${matched.join(' and ')}`);
  }
  const issues: RuleIssue[] = [];
  const show = (list: string[]) => `${list.slice(0, 5).join('; ')}${list.length > 5 ? `; and ${list.length - 5} more` : ''}`;
  if (overlaps.length) issues.push({ path: 'tiers', severity: 'error', message: `tier criteria overlap: ${overlaps.length} case(s) match more than one tier: ${show(overlaps)}` });
  if (gaps.length) issues.push({ path: 'tiers', severity: 'error', message: `tier criteria leave ${gaps.length} case(s) unclassified: ${show(gaps)}` });
  return issues;
}

function probes(doc: TierRuleSet, baseline: FactValues): CoverageSample[] {
  const thresholds = new Map<string, Set<number>>();
  for (const tier of doc.tiers) {
    for (const { leaf } of leafConditions(tier.conditions)) {
      if (typeof leaf.value !== 'number') continue;
      const set = thresholds.get(leaf.fact) ?? new Set<number>();
      set.add(leaf.value);
      thresholds.set(leaf.fact, set);
    }
  }
  const out: CoverageSample[] = [];
  for (const [fact, values] of thresholds) {
    const points = new Set<number>();
    for (const v of values) [v - 1, v - 0.01, v, v + 0.01, v + 1].forEach((p) => points.add(p));
    for (const p of points) out.push({ label: `${fact} = ${p}`, facts: { ...baseline, [fact]: p } });
    out.push({ label: `${fact} missing`, facts: { ...baseline, [fact]: null } });
  }
  return out;
}
