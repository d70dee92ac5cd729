import { Engine, Operator } from 'json-rules-engine';
import type { FactValues } from '../../facts/fact-definition.js';
import type { ConditionMatcher, NamedConditions } from './condition-matcher.js';
import type { OperatorRegistry } from './operator-registry.js';

/**
 * json-rules-engine 7.3's built-in operators and operator decorators. Removed so that the engine
 * knows exactly the registry's operators, as the rule validator does: `contains` or
 * `not:equal` are unknown operators here too, and the compiled path can match that exactly.
 */
const BUILT_IN_OPERATORS = ['equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];
const BUILT_IN_DECORATORS = ['someFact', 'someValue', 'everyFact', 'everyValue', 'swap', 'not'];

/**
 * json-rules-engine, configured once for a list of condition trees: our operators replace the
 * built-ins (for the missing-fact semantics), and `matching` answers which ids matched. The
 * reference semantics of rule evaluation; production uses the compiled path (CompiledConditionSet).
 * Not safe for overlapping calls: an Engine keeps one `status` for all its runs, and a run that
 * finishes while another has not yet started its rules makes that one skip them (an empty result;
 * reproduced with json-rules-engine 7.3.1). Await one `matching` at a time per instance.
 */
export class JsonRulesEngineMatcher implements ConditionMatcher {
  private readonly engine: Engine;
  readonly size: number;

  constructor(items: NamedConditions[], operators: OperatorRegistry) {
    this.engine = new Engine([], { allowUndefinedFacts: false, allowUndefinedConditions: false });
    for (const name of BUILT_IN_OPERATORS) this.engine.removeOperator(name);
    for (const name of BUILT_IN_DECORATORS) this.engine.removeOperatorDecorator(name);
    for (const op of operators.all()) {
      const present = (v: unknown) => v !== null && v !== undefined;
      this.engine.addOperator(new Operator(op.name, (a: unknown, b: unknown) => op.evaluate(a, b), op.handlesMissing ? undefined : present));
    }
    for (const item of items) {
      this.engine.addRule({ name: item.id, conditions: item.conditions as never, event: { type: item.id } });
    }
    this.size = items.length;
  }

  async matching(facts: FactValues): Promise<Set<string>> {
    if (this.size === 0) return new Set();
    const { events } = await this.engine.run(facts);
    return new Set(events.map((e) => e.type));
  }
}
