import type { FactCatalog } from '../../facts/fact-catalog.js';
import type { RuleSetKind } from '../schema/rule-set.schema.js';
import type { FactScope } from './condition-checker.js';

const SCORE_FACTS = ['healthScore', 'previousHealthScore', 'scoreChange30d', 'scoreDrop30d'];
const SIGNAL_COUNTS = ['activeSignalCount', 'criticalSignalCount'];

/**
 * Which facts each kind of rule set may read, following the evaluation phases:
 * profile (tier, lifecycle) → health (+ tier) → signals (+ score facts) → escalation (+ signal counts).
 */
export function factScopeFor(kind: RuleSetKind, catalog: FactCatalog): FactScope {
  const forbidden = new Map<string, string>();
  const scoring = catalog.definitions().filter((d) => d.source === 'core.scoring').map((d) => d.name);
  const block = (names: string[], why: string) => names.filter((n) => scoring.includes(n) || SIGNAL_COUNTS.includes(n)).forEach((n) => forbidden.set(n, why));
  if (kind === 'tier' || kind === 'lifecycle') block(scoring, 'tier and lifecycle are decided first, from domain facts only');
  if (kind === 'health') block([...SCORE_FACTS, ...SIGNAL_COUNTS], 'health rules run before the score exists (they may read tier)');
  if (kind === 'signals') block(SIGNAL_COUNTS, 'signal counts are results of this phase; only escalation rules can read them');
  return { forbidden };
}
