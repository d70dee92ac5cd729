import { z } from 'zod';
import type { FactCatalog } from '../../facts/fact-catalog.js';
import type { FactDefinition } from '../../facts/fact-definition.js';
import { leafConditions } from '../engine/condition-walk.js';
import type { OperatorRegistry } from '../engine/operator-registry.js';
import type { Condition, FactCondition } from '../schema/condition.schema.js';
import { closest } from './suggest.js';
import { jsonPath, type RuleIssue } from './validation-issue.js';

/** Facts a rule of a given phase may read (later phases see earlier results). */
export interface FactScope {
  /** Fact names that are not available in this phase, with the reason. */
  forbidden: Map<string, string>;
}

/**
 * Checks every leaf of a condition tree against the fact catalog and the operator registry:
 * the fact exists (and is available in this phase), the operator exists and applies to the
 * fact's type, the value has the right type, thresholds lie within the fact's range.
 */
export function checkConditions(conditions: Condition, basePath: (string | number)[], catalog: FactCatalog, operators: OperatorRegistry, scope: FactScope): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const { leaf, path } of leafConditions(conditions)) {
    const at = (...more: (string | number)[]) => jsonPath([...basePath, ...path, ...more]);
    const fact = lookupFact(leaf.fact, catalog, scope, at('fact'), issues);
    const operator = operators.get(leaf.operator);
    if (!operator) {
      const hint = closest(leaf.operator, operators.names());
      issues.push({ path: at('operator'), severity: 'error', message: `unknown operator '${leaf.operator}'${hint ? `; did you mean '${hint}'?` : ''} (known: ${operators.names().join(', ')})` });
      continue;
    }
    if (!fact) continue;
    if (!operator.factTypes.includes(fact.type)) {
      issues.push({ path: at('operator'), severity: 'error', message: `operator '${operator.name}' does not apply to ${fact.type} fact '${fact.name}' (it takes ${operator.factTypes.join(' or ')})` });
      continue;
    }
    checkValue(leaf, fact, operator.value, catalog, scope, at, issues);
  }
  return issues;
}

function lookupFact(name: string, catalog: FactCatalog, scope: FactScope, path: string, issues: RuleIssue[]): FactDefinition | undefined {
  const fact = catalog.get(name);
  if (!fact) {
    const hint = closest(name, catalog.definitions().map((d) => d.name));
    issues.push({ path, severity: 'error', message: `unknown fact '${name}'${hint ? `; did you mean '${hint}'?` : ''}` });
    return undefined;
  }
  const reason = scope.forbidden.get(name);
  if (reason) {
    issues.push({ path, severity: 'error', message: `fact '${name}' is not available here: ${reason}` });
    return undefined;
  }
  return fact;
}

function checkValue(
  leaf: FactCondition,
  fact: FactDefinition,
  expected: 'sameAsFact' | 'arrayOfFactType' | z.ZodType,
  catalog: FactCatalog,
  scope: FactScope,
  at: (...more: (string | number)[]) => string,
  issues: RuleIssue[],
): void {
  const value = leaf.value;
  if (typeof expected !== 'string') {
    const parsed = expected.safeParse(value);
    if (!parsed.success) issues.push({ path: at('value'), severity: 'error', message: `operator '${leaf.operator}' expects ${parsed.error.issues.map((i) => i.message).join('; ')}` });
    return;
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && !('fact' in value)) {
    issues.push({ path: at('value'), severity: 'error', message: `operator '${leaf.operator}' expects a ${expected === 'arrayOfFactType' ? `list of ${fact.type} values` : `${fact.type} value`}, not an object` });
    return;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const other = lookupFact(String(value.fact), catalog, scope, at('value', 'fact'), issues);
    if (other && other.type !== fact.type) issues.push({ path: at('value', 'fact'), severity: 'error', message: `compares ${fact.type} fact '${fact.name}' with ${other.type} fact '${other.name}'` });
    return;
  }
  if (expected === 'arrayOfFactType') {
    if (!Array.isArray(value)) {
      issues.push({ path: at('value'), severity: 'error', message: `operator '${leaf.operator}' expects an array of ${fact.type} values` });
      return;
    }
    value.forEach((v, i) => checkScalar(v, fact, at('value', i), issues));
    return;
  }
  if (Array.isArray(value)) {
    issues.push({ path: at('value'), severity: 'error', message: `operator '${leaf.operator}' expects a single ${fact.type} value, got an array` });
    return;
  }
  checkScalar(value, fact, at('value'), issues);
}

function checkScalar(value: unknown, fact: FactDefinition, path: string, issues: RuleIssue[]): void {
  if (typeof value !== fact.type) {
    issues.push({ path, severity: 'error', message: `expected a ${fact.type} for fact '${fact.name}'${fact.unit ? ` (${fact.unit})` : ''}, got ${JSON.stringify(value)}` });
    return;
  }
  if (typeof value === 'number') {
    if ((fact.min !== undefined && value < fact.min) || (fact.max !== undefined && value > fact.max)) {
      issues.push({ path, severity: 'error', message: `threshold ${value} is outside the range of '${fact.name}' (${fact.min ?? '−∞'} to ${fact.max ?? '∞'}${fact.unit ? ` ${fact.unit}` : ''}): the condition is constant` });
    }
  }
  if (typeof value === 'string' && fact.enumValues && !fact.enumValues.includes(value)) {
    issues.push({ path, severity: 'error', message: `'${value}' is not a value of '${fact.name}' (expected one of: ${fact.enumValues.join(', ')})` });
  }
}
