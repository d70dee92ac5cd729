import { Fact } from 'json-rules-engine';
import type { FactValues } from '../../facts/fact-definition.js';
import { compileConditionTree, type FactsObject } from './compile-condition.js';
import type { ConditionMatcher, NamedConditions } from './condition-matcher.js';
import type { OperatorRegistry } from './operator-registry.js';

const isOwnEnumerable = Object.prototype.propertyIsEnumerable;

/**
 * Whether json-rules-engine would know this fact: `run(facts)` defines one fact per key that
 * `for (key in facts)` visits (own or inherited, enumerable). The cheap own check settles every
 * plain facts object; the loop only runs for a name that is not an own key (about to throw).
 */
function definesFact(facts: object, name: string): boolean {
  if (isOwnEnumerable.call(facts, name)) return true;
  for (const key in facts) if (key === name) return true;
  return false;
}

/**
 * The compiled evaluation path: every tree compiled once to a plain function (compile-condition.ts),
 * run synchronously with no promises, almanac or per-run copies. Same results as
 * JsonRulesEngineMatcher, and it throws where json-rules-engine's run rejects:
 * - a fact a tree reads is not a key of the facts object (allowUndefinedFacts: false) — json-rules-engine
 *   evaluates every condition of every rule (one priority, no short-circuit), so any such fact throws;
 * - a tree uses an unknown operator or a shared-condition reference;
 * - an operator throws (every leaf is evaluated, as in json-rules-engine).
 * Not reproduced, because FactValues cannot hold them: facts given as functions or json-rules-engine
 * Fact instances (dynamic facts; rejected with an error), and an empty-string key (json-rules-engine
 * refuses it, so do we, for own keys).
 */
export class CompiledConditionSet implements ConditionMatcher {
  private readonly ids: string[];
  private readonly tests: ((facts: FactsObject) => boolean)[];
  /** Every fact some tree reads, each once: checked on every call, like json-rules-engine does while evaluating. */
  private readonly facts: string[];
  private readonly failure: string | undefined;
  readonly size: number;

  constructor(items: NamedConditions[], operators: OperatorRegistry) {
    const compiled = items.map((item) => compileConditionTree(item.conditions, operators));
    this.ids = items.map((item) => item.id);
    this.tests = compiled.map((c) => c.test);
    this.facts = [...new Set(compiled.flatMap((c) => c.facts))];
    this.failure = compiled.find((c) => c.failure)?.failure;
    this.size = items.length;
  }

  /** Ids of the trees that hold, synchronously. */
  match(facts: FactsObject): Set<string> {
    const out = new Set<string>();
    if (this.size === 0) return out;
    if (this.failure) throw new Error(this.failure);
    if (isOwnEnumerable.call(facts, '')) throw new Error('factId required');
    for (const name of this.facts) {
      if (!definesFact(facts, name)) throw new Error(`Undefined fact: ${name}`);
      const value = facts[name];
      if (typeof value === 'function' || value instanceof Fact) throw new Error(`fact '${name}' is dynamic (a function or a json-rules-engine Fact): the compiled evaluator takes values only`);
    }
    const { ids, tests } = this;
    for (let i = 0; i < tests.length; i++) if (tests[i](facts)) out.add(ids[i]);
    return out;
  }

  async matching(facts: FactValues): Promise<Set<string>> {
    return this.match(facts);
  }
}
