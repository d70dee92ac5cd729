import type { FactValues } from '../../facts/fact-definition.js';
import { CompiledConditionSet } from './compiled-condition-set.js';
import type { ConditionMatcher, NamedConditions, RuleEvaluator } from './condition-matcher.js';
import { JsonRulesEngineMatcher } from './json-rules-engine-matcher.js';
import type { OperatorRegistry } from './operator-registry.js';

export type { NamedConditions, RuleEvaluator } from './condition-matcher.js';

/**
 * Evaluates a list of condition trees, configured once (one instance per published rule-set
 * version, reused for every account): `matching` answers which ids hold. Runs the compiled path
 * by default; `json-rules-engine` runs the reference semantics instead (differential tests and the
 * rule-evaluation benchmark construct both).
 */
export class ConditionEngine implements ConditionMatcher {
  private readonly matcher: ConditionMatcher;
  readonly size: number;

  constructor(items: NamedConditions[], operators: OperatorRegistry, readonly evaluator: RuleEvaluator = 'compiled') {
    this.matcher = evaluator === 'compiled' ? new CompiledConditionSet(items, operators) : new JsonRulesEngineMatcher(items, operators);
    this.size = items.length;
  }

  /** Ids of the condition trees that hold for these facts. Every referenced fact must be present (null = missing). */
  matching(facts: FactValues): Promise<Set<string>> {
    return this.matcher.matching(facts);
  }
}
