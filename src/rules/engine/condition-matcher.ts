import type { FactValues } from '../../facts/fact-definition.js';
import type { TopLevelCondition } from '../schema/condition.schema.js';

export interface NamedConditions {
  id: string;
  conditions: TopLevelCondition;
}

/** Answers which of a fixed list of condition trees hold for a facts object. */
export interface ConditionMatcher {
  readonly size: number;
  /** Ids of the condition trees that hold. Every referenced fact must be present (null = missing). */
  matching(facts: FactValues): Promise<Set<string>>;
}

/**
 * How conditions are evaluated. `compiled` (the default) runs plain functions compiled once per
 * rule-set version; `json-rules-engine` runs json-rules-engine itself, the reference semantics the
 * compiled path is tested against (tests/rules/compiled-evaluation.test.ts).
 */
export type RuleEvaluator = 'compiled' | 'json-rules-engine';
