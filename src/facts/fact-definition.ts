/**
 * The typed vocabulary rules are written in. Every fact is declared once, with the metadata the
 * rule editor (validation of thresholds), explanations (labels, units) and the batch computer need.
 */
export type FactType = 'number' | 'boolean' | 'string';

/** `null` means missing: there was no data to compute the fact from (never "zero" or "false"). */
export type FactValue = number | boolean | string | null;

export type FactValues = Record<string, FactValue>;

export const FACT_UNITS = ['USD', 'days', 'months', 'years', 'count', 'percent', 'points', 'hours', 'ratio', 'score'] as const;
export type FactUnit = (typeof FACT_UNITS)[number];

export interface FactDefinition {
  /** camelCase, e.g. 'touchpoints90d'; plugins may namespace with dots ('legal.partnerRetiring'). */
  name: string;
  type: FactType;
  /** 'USD' | 'days' | 'months' | 'years' | 'count' | 'percent' | 'points' | 'hours' | 'ratio' | 'score' */
  unit?: string;
  /** Short human label used in explanations, e.g. 'touchpoints in 90 days'. */
  label: string;
  /** How it is computed, one or two sentences. */
  description: string;
  /** For string facts with a closed vocabulary (industry...). */
  enumValues?: readonly string[];
  /** Plausible range, for validating rule thresholds (e.g. NPS 0..10). */
  min?: number;
  max?: number;
  /** Id of the provider that computes it, e.g. 'core.engagement' or 'core.scoring'. */
  source: string;
}

/** Declares a provider's facts without repeating its id on every one. */
export function declareFacts(source: string, facts: readonly Omit<FactDefinition, 'source'>[]): FactDefinition[] {
  return facts.map((fact) => ({ ...fact, source }));
}

const FACT_NAME = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/;

/** Problems with one definition (empty when it is well-formed); used by the catalog on register. */
export function factDefinitionProblems(fact: FactDefinition): string[] {
  const problems: string[] = [];
  if (!FACT_NAME.test(fact.name)) problems.push(`name "${fact.name}" is not camelCase (optionally dot-namespaced)`);
  if (!['number', 'boolean', 'string'].includes(fact.type)) problems.push(`type "${String(fact.type)}" is not number, boolean or string`);
  if (!fact.label?.trim()) problems.push('label is empty');
  if (!fact.description?.trim()) problems.push('description is empty');
  if (!fact.source?.trim()) problems.push('source is empty');
  if (fact.enumValues && fact.type !== 'string') problems.push('enumValues only apply to string facts');
  if ((fact.min !== undefined || fact.max !== undefined) && fact.type !== 'number') problems.push('min/max only apply to number facts');
  if (fact.min !== undefined && fact.max !== undefined && fact.min > fact.max) problems.push(`min ${fact.min} is above max ${fact.max}`);
  return problems;
}

/** Whether a computed value fits the declared type (null always does: missing). */
export function valueMatchesType(fact: FactDefinition, value: FactValue): boolean {
  if (value === null) return true;
  if (fact.type === 'number') return typeof value === 'number' && Number.isFinite(value);
  if (fact.type === 'boolean') return typeof value === 'boolean';
  return typeof value === 'string';
}
