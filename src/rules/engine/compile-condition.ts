import type { OperatorDefinition, OperatorRegistry } from './operator-registry.js';

/** A facts object as json-rules-engine receives it in `run(facts)`. */
export type FactsObject = Readonly<Record<string, unknown>>;

/**
 * A node's result as json-rules-engine computes it: a leaf gives the operator's raw return value
 * (not coerced: `all`/`any` count only `=== true`, `not` and the top level test truthiness),
 * a boolean node gives a boolean.
 */
type Node = (facts: FactsObject) => unknown;

/** One condition tree compiled to a plain function; see compileConditionTree. */
export interface CompiledTree {
  /** Whether json-rules-engine would fire the rule on these facts (given that the set's checks passed). */
  test: (facts: FactsObject) => boolean;
  /** Every fact the tree reads, value-side `{ fact }` references included, in tree order. */
  facts: string[];
  /** An error json-rules-engine raises on every run of this tree (unknown operator, condition reference). */
  failure?: string;
}

/** Condition features json-rules-engine has but our rule schema rejects; compiling them would be untested. */
const UNSUPPORTED_KEYS = ['priority', 'path', 'params'] as const;

const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/**
 * json-rules-engine passes the operator a fresh deep copy of the rule's value on every run
 * (RuleResult clones the conditions). We pass one frozen copy instead: an operator that tried to
 * mutate it fails loudly rather than leaking state from one account to the next.
 */
function frozenCopy<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  const copy = structuredClone(value) as T;
  const freeze = (v: unknown): void => {
    if (v === null || typeof v !== 'object') return;
    Object.freeze(v);
    for (const child of Object.values(v)) freeze(child);
  };
  freeze(copy);
  return copy;
}

class TreeCompiler {
  readonly facts: string[] = [];
  failure: string | undefined;

  constructor(private readonly operators: OperatorRegistry) {}

  /** Which boolean operator a node is, in json-rules-engine's order of precedence. */
  private booleanOperator(node: Record<string, unknown>): 'any' | 'all' | 'not' | undefined {
    if (own(node, 'any')) return 'any';
    if (own(node, 'all')) return 'all';
    if (own(node, 'not')) return 'not';
    return undefined;
  }

  private checkSupported(node: Record<string, unknown>, where: Record<string, unknown> = node): void {
    for (const key of UNSUPPORTED_KEYS) {
      if (own(where, key)) throw new Error(`condition key '${key}' is not supported by the compiled evaluator (the rule schema rejects it): ${JSON.stringify(node)}`);
    }
  }

  /** The children of a boolean node, with json-rules-engine's construction-time checks and messages. */
  private children(node: Record<string, unknown>, op: 'any' | 'all' | 'not'): Node[] {
    const sub = node[op];
    if (op !== 'not' && !Array.isArray(sub)) throw new Error(`"${op}" must be an array`);
    if (op === 'not' && Array.isArray(sub)) throw new Error(`"${op}" cannot be an array`);
    return (op === 'not' ? [sub] : (sub as unknown[])).map((child) => this.node(child));
  }

  /** A condition below the top level. */
  node(raw: unknown): Node {
    if (!raw) throw new Error('Condition: constructor options required');
    const node = raw as Record<string, unknown>;
    this.checkSupported(node);
    const op = this.booleanOperator(node);
    if (op) {
      const kids = this.children(node, op);
      // json-rules-engine evaluates every child (all conditions share priority 1, so there is no
      // short-circuit between priority sets) and then: all → every child === true, any → some
      // child === true, not → !child. Evaluating every child keeps an operator that throws
      // throwing here too; the result is the same either way.
      if (op === 'not') {
        const [kid] = kids;
        return (facts) => !kid(facts);
      }
      return op === 'all' ? allOf(kids) : anyOf(kids);
    }
    if (own(node, 'condition')) {
      // A shared-condition reference: our engines never define any, so json-rules-engine throws on every run.
      this.failure ??= `No condition ${String(node.condition)} exists`;
      return () => false;
    }
    for (const key of ['fact', 'operator', 'value']) {
      if (!own(node, key)) throw new Error(`Condition: constructor "${key}" property required`);
    }
    return this.leaf(node);
  }

  private leaf(node: Record<string, unknown>): Node {
    const fact = this.factName(node.fact);
    const operator = typeof node.operator === 'string' ? this.operators.get(node.operator) : undefined;
    if (!operator) this.failure ??= `Unknown operator: ${String(node.operator)}`;
    const value = node.value;
    // json-rules-engine's Almanac.getValue: an object with an own `fact` key is read from the facts.
    if (value !== null && typeof value === 'object' && own(value, 'fact')) {
      this.checkSupported(node, value as Record<string, unknown>);
      const ref = this.factName((value as Record<string, unknown>).fact);
      return operator ? leafOf(operator, fact, { ref }) : () => false;
    }
    return operator ? leafOf(operator, fact, { constant: frozenCopy(value) }) : () => false;
  }

  /** A fact the tree reads. json-rules-engine keys facts by string: any other name is never defined. */
  private factName(name: unknown): string {
    if (typeof name === 'string') {
      this.facts.push(name);
      return name;
    }
    this.failure ??= `Undefined fact: ${String(name)}`;
    return '';
  }

  /** The top level: see compileConditionTree. */
  top(raw: unknown): (facts: FactsObject) => boolean {
    if (!raw) {
      // json-rules-engine accepts a rule without conditions and fails when it runs it.
      this.failure ??= 'rule without conditions';
      return () => false;
    }
    const root = raw as Record<string, unknown>;
    if (!own(root, 'all') && !own(root, 'any') && !own(root, 'not') && !own(root, 'condition')) {
      throw new Error('"conditions" root must contain a single instance of "all", "any", "not", or "condition"');
    }
    const op = this.booleanOperator(root);
    if (!op) {
      this.node(root); // a condition reference: records the failure
      return () => false;
    }
    this.checkSupported(root);
    const kids = this.children(root, op);
    if (op === 'not') {
      const [kid] = kids;
      return (facts) => !kid(facts);
    }
    if (kids.length === 1) {
      // A single child's raw result passes through unchanged and decides by truthiness.
      const [kid] = kids;
      return (facts) => Boolean(kid(facts));
    }
    const node = op === 'all' ? allOf(kids) : anyOf(kids);
    return (facts) => node(facts) as boolean;
  }
}

/**
 * A leaf exactly as ConditionEngine registers the operator with json-rules-engine: unless it
 * handles missing facts, a null/undefined fact value gives `false` without calling it; otherwise
 * the operator's raw return value. Called as a method, like `op.evaluate(a, b)` there.
 */
function leafOf(operator: OperatorDefinition, fact: string, right: { ref: string } | { constant: unknown }): Node {
  if ('ref' in right) {
    const { ref } = right;
    if (operator.handlesMissing) return (facts) => operator.evaluate(facts[fact], facts[ref]);
    return (facts) => {
      const a = facts[fact];
      return a !== null && a !== undefined && operator.evaluate(a, facts[ref]);
    };
  }
  const { constant } = right;
  if (operator.handlesMissing) return (facts) => operator.evaluate(facts[fact], constant);
  return (facts) => {
    const a = facts[fact];
    return a !== null && a !== undefined && operator.evaluate(a, constant);
  };
}

/** json-rules-engine's `all` below the top level: no children → true; else every child's result === true. */
function allOf(kids: Node[]): Node {
  if (kids.length === 1) {
    const [kid] = kids;
    return (facts) => kid(facts) === true;
  }
  return (facts) => {
    let result = true;
    for (const kid of kids) if (kid(facts) !== true) result = false;
    return result;
  };
}

/** json-rules-engine's `any` below the top level: no children → true (sic); else some child's result === true. */
function anyOf(kids: Node[]): Node {
  if (kids.length === 0) return () => true;
  if (kids.length === 1) {
    const [kid] = kids;
    return (facts) => kid(facts) === true;
  }
  return (facts) => {
    let result = false;
    for (const kid of kids) if (kid(facts) === true) result = true;
    return result;
  };
}

/**
 * Compiles a rule's condition tree to a function with json-rules-engine 7.3's semantics, for the
 * operators of `operators` (read once, like ConditionEngine reads them at construction). The
 * top level differs from nested nodes: with exactly one child, `all`/`any` pass that child's raw
 * result through and the rule fires when it is truthy; with several, every/some `=== true`;
 * `not` fires when its child's result is falsy. Throws, like json-rules-engine's constructor,
 * on malformed trees, and on features our rule schema rejects.
 */
export function compileConditionTree(conditions: unknown, operators: OperatorRegistry): CompiledTree {
  const compiler = new TreeCompiler(operators);
  const test = compiler.top(conditions);
  return { test, facts: [...new Set(compiler.facts)], failure: compiler.failure };
}
