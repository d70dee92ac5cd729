import { Engine, Operator } from 'json-rules-engine';
import type { FactValues } from '../../facts/fact-definition.js';
import type { TopLevelCondition } from '../schema/condition.schema.js';
import type { OperatorRegistry } from './operator-registry.js';

export interface NamedConditions {
  id: string;
  conditions: TopLevelCondition;
}

/**
 * json-rules-engine, configured once for a list of condition trees: our operators replace the
 * built-ins (for the missing-fact semantics), and `run` answers which ids matched.
 * One instance per published rule-set version; reused for every account.
 */
export class ConditionEngine {
  private readonly engine: Engine;
  readonly size: number;

  constructor(items: NamedConditions[], operators: OperatorRegistry) {
    this.engine = new Engine([], { allowUndefinedFacts: false, allowUndefinedConditions: false });
    for (const op of operators.all()) {
      const present = (v: unknown) => v !== null && v !== undefined;
      this.engine.addOperator(new Operator(op.name, (a: unknown, b: unknown) => op.evaluate(a, b), op.handlesMissing ? undefined : present));
    }
    for (const item of items) {
      this.engine.addRule({ name: item.id, conditions: item.conditions as never, event: { type: item.id } });
    }
    this.size = items.length;
  }

  /** Ids of the condition trees that hold for these facts. Every referenced fact must be present (null = missing). */
  async matching(facts: FactValues): Promise<Set<string>> {
    if (this.size === 0) return new Set();
    const { events } = await this.engine.run(facts);
    return new Set(events.map((e) => e.type));
  }
}
