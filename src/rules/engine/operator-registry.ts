import { z } from 'zod';
import type { FactType } from '../../facts/fact-definition.js';
import { checkRegexSafety } from './regex-safety.js';

/**
 * An operator a rule may use: what fact types it applies to, what its `value` must look like,
 * and how it compares. Plugins add operators through the same registry.
 */
export interface OperatorDefinition {
  name: string;
  description: string;
  /** Fact types the operator accepts. */
  factTypes: readonly FactType[];
  /** Shape of the rule's `value`; `sameAsFact` means a value of the fact's own type. */
  value: 'sameAsFact' | 'arrayOfFactType' | z.ZodType;
  /** Called only with a present (non-null) fact value, unless `handlesMissing`. */
  evaluate(factValue: unknown, ruleValue: unknown): boolean;
  handlesMissing?: boolean;
}

const numeric = (name: string, description: string, compare: (a: number, b: number) => boolean): OperatorDefinition => ({
  name,
  description,
  factTypes: ['number'],
  value: 'sameAsFact',
  evaluate: (a, b) => typeof a === 'number' && typeof b === 'number' && compare(a, b),
});

const compiledPatterns = new Map<string, RegExp>();

/**
 * The core operators. Missing-fact semantics (documented in rules/README.md): a fact whose
 * value is missing (null) makes every condition on it false — including notEqual and notIn —
 * except `isMissing`/`isPresent`, which exist to test for missing data explicitly.
 */
export const CORE_OPERATORS: OperatorDefinition[] = [
  { name: 'equal', description: 'fact equals value', factTypes: ['number', 'string', 'boolean'], value: 'sameAsFact', evaluate: (a, b) => a === b },
  { name: 'notEqual', description: 'fact present and different from value', factTypes: ['number', 'string', 'boolean'], value: 'sameAsFact', evaluate: (a, b) => a !== b },
  { name: 'in', description: 'fact is one of the values', factTypes: ['number', 'string'], value: 'arrayOfFactType', evaluate: (a, b) => Array.isArray(b) && b.includes(a) },
  { name: 'notIn', description: 'fact present and none of the values', factTypes: ['number', 'string'], value: 'arrayOfFactType', evaluate: (a, b) => Array.isArray(b) && !b.includes(a) },
  numeric('lessThan', 'fact < value', (a, b) => a < b),
  numeric('lessThanInclusive', 'fact <= value', (a, b) => a <= b),
  numeric('greaterThan', 'fact > value', (a, b) => a > b),
  numeric('greaterThanInclusive', 'fact >= value', (a, b) => a >= b),
  {
    name: 'isMissing',
    description: 'value true: the fact has no value (no data); value false: it has one',
    factTypes: ['number', 'string', 'boolean'],
    value: z.boolean(),
    handlesMissing: true,
    evaluate: (a, b) => (a === null || a === undefined) === b,
  },
  {
    name: 'matchesPattern',
    description: 'string fact matches a (linear-time-safe) regular expression',
    factTypes: ['string'],
    value: z.string().max(200).superRefine((pattern, ctx) => {
      const problem = checkRegexSafety(pattern);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    evaluate: (a, b) => {
      if (typeof a !== 'string' || typeof b !== 'string') return false;
      let re = compiledPatterns.get(b);
      if (!re) compiledPatterns.set(b, (re = new RegExp(b)));
      return re.test(a);
    },
  },
];

export class OperatorRegistry {
  private readonly operators = new Map<string, OperatorDefinition & { owner: string }>();

  constructor(definitions: OperatorDefinition[] = CORE_OPERATORS, owner = 'core') {
    for (const d of definitions) this.register(d, owner);
  }

  register(definition: OperatorDefinition, owner: string): void {
    const existing = this.operators.get(definition.name);
    if (existing) throw new Error(`operator '${definition.name}' is provided by both '${existing.owner}' and '${owner}'`);
    this.operators.set(definition.name, { ...definition, owner });
  }

  get(name: string): OperatorDefinition | undefined {
    return this.operators.get(name);
  }

  names(): string[] {
    return [...this.operators.keys()];
  }

  all(): OperatorDefinition[] {
    return [...this.operators.values()];
  }
}
