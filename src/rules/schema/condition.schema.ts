import { z } from 'zod';

export type Primitive = number | string | boolean;
export type OperatorObjectValue = { [key: string]: Primitive | Primitive[] };
export interface FactCondition {
  fact: string;
  operator: string;
  /** An object other than { fact } is an operator's structured value (plugin operators declare its schema). */
  value: Primitive | Primitive[] | { fact: string } | OperatorObjectValue;
}
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | FactCondition;
export type TopLevelCondition = { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const MAX_CONDITION_DEPTH = 8;
export const MAX_CONDITIONS_PER_NODE = 100;
const FACT_NAME = /^[a-zA-Z][a-zA-Z0-9_.]{0,79}$/;

type Issue = { path: (string | number)[]; message: string };

/**
 * Structural check of a json-rules-engine condition tree with exact paths. (A zod union
 * reports "Invalid input" at the root of a nested tree, which helps nobody.) Which facts and
 * operators exist is checked later against the catalog and registry.
 */
export function checkConditionTree(node: unknown, path: (string | number)[], depth: number, issues: Issue[], topLevel: boolean): void {
  if (depth > MAX_CONDITION_DEPTH) {
    issues.push({ path, message: `conditions nested deeper than ${MAX_CONDITION_DEPTH} levels` });
    return;
  }
  if (!node || typeof node !== 'object' || Array.isArray(node)) {
    issues.push({ path, message: 'expected a condition object: { all: [...] }, { any: [...] }, { not: {...} } or { fact, operator, value }' });
    return;
  }
  const record = node as Record<string, unknown>;
  const keys = Object.keys(record);
  const boolKey = (['all', 'any', 'not'] as const).find((k) => k in record);
  if (boolKey) {
    const extra = keys.filter((k) => k !== boolKey);
    if (extra.length) issues.push({ path, message: `unexpected key(s) ${extra.map((k) => `'${k}'`).join(', ')} beside '${boolKey}'` });
    if (boolKey === 'not') return checkConditionTree(record.not, [...path, 'not'], depth + 1, issues, false);
    const list = record[boolKey];
    if (!Array.isArray(list) || list.length === 0) {
      issues.push({ path: [...path, boolKey], message: 'expected a non-empty array of conditions' });
      return;
    }
    if (list.length > MAX_CONDITIONS_PER_NODE) issues.push({ path: [...path, boolKey], message: `expected at most ${MAX_CONDITIONS_PER_NODE} conditions` });
    list.slice(0, MAX_CONDITIONS_PER_NODE).forEach((child, i) => checkConditionTree(child, [...path, boolKey, i], depth + 1, issues, false));
    return;
  }
  if (topLevel) {
    issues.push({ path, message: "expected 'all', 'any' or 'not' at the top of a rule's conditions" });
    return;
  }
  const unknownKeys = keys.filter((k) => !['fact', 'operator', 'value'].includes(k));
  for (const key of unknownKeys) {
    const hint = key === 'path' ? ' (facts are flat: JSONPath is not supported)' : key === 'condition' ? ' (shared conditions are not supported)' : '';
    issues.push({ path: [...path, key], message: `unexpected key '${key}'${hint}` });
  }
  if (typeof record.fact !== 'string' || !FACT_NAME.test(record.fact)) issues.push({ path: [...path, 'fact'], message: 'expected a fact name (letters, digits, _ and .)' });
  if (typeof record.operator !== 'string' || record.operator.length === 0 || record.operator.length > 60) issues.push({ path: [...path, 'operator'], message: 'expected an operator name' });
  if (!('value' in record)) issues.push({ path: [...path, 'value'], message: 'expected a value' });
  else checkValue(record.value, [...path, 'value'], issues);
}

function isPrimitive(v: unknown): v is Primitive {
  return (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string' || typeof v === 'boolean';
}

function checkValue(value: unknown, path: (string | number)[], issues: Issue[]): void {
  if (isPrimitive(value)) {
    if (typeof value === 'string' && value.length > 500) issues.push({ path, message: 'expected a string of at most 500 characters' });
    return;
  }
  if (Array.isArray(value)) {
    if (value.length > 200) issues.push({ path, message: 'expected at most 200 values' });
    value.forEach((v, i) => {
      if (!isPrimitive(v)) issues.push({ path: [...path, i], message: 'expected a number, string or boolean' });
    });
    return;
  }
  if (value && typeof value === 'object' && Object.keys(value).length === 1 && typeof (value as { fact?: unknown }).fact === 'string') {
    // Checked here, not only against the catalog: a 200 KB name would be edit-distance-matched for a "did you mean".
    if (!FACT_NAME.test((value as { fact: string }).fact)) issues.push({ path: [...path, 'fact'], message: 'expected a fact name (letters, digits, _ and .)' });
    return;
  }
  // A structured operator value: flat and small; its operator's schema checks the meaning.
  if (value && typeof value === 'object' && !('fact' in value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 || entries.length > 20) issues.push({ path, message: 'expected an operator value object with 1 to 20 keys' });
    for (const [key, v] of entries) {
      if (!isPrimitive(v) && !(Array.isArray(v) && v.length <= 200 && v.every(isPrimitive))) issues.push({ path: [...path, key], message: 'expected a number, string, boolean or an array of them' });
    }
    return;
  }
  issues.push({ path, message: 'expected a number, string, boolean, an array of them, an operator value object, or { "fact": "<name>" }' });
}

/** A rule's top-level condition tree, validated with exact paths. */
export const topLevelConditionSchema = z.custom<TopLevelCondition>().superRefine((value, ctx) => {
  const issues: Issue[] = [];
  checkConditionTree(value, [], 0, issues, true);
  for (const issue of issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message, input: value });
});

/** JSON Schema for editors (zod cannot describe the custom check). */
export const CONDITION_JSON_SCHEMA = {
  $defs: {
    condition: {
      oneOf: [
        { $ref: '#/$defs/topLevelCondition' },
        {
          type: 'object',
          required: ['fact', 'operator', 'value'],
          additionalProperties: false,
          properties: {
            fact: { type: 'string', pattern: FACT_NAME.source },
            operator: { type: 'string' },
            value: { oneOf: [{ type: ['number', 'string', 'boolean'] }, { type: 'array', maxItems: 200, items: { type: ['number', 'string', 'boolean'] } }, { type: 'object', required: ['fact'], additionalProperties: false, properties: { fact: { type: 'string' } } }, { type: 'object', not: { required: ['fact'] }, minProperties: 1, maxProperties: 20 }] },
          },
        },
      ],
    },
    topLevelCondition: {
      oneOf: [
        { type: 'object', required: ['all'], additionalProperties: false, properties: { all: { type: 'array', minItems: 1, maxItems: MAX_CONDITIONS_PER_NODE, items: { $ref: '#/$defs/condition' } } } },
        { type: 'object', required: ['any'], additionalProperties: false, properties: { any: { type: 'array', minItems: 1, maxItems: MAX_CONDITIONS_PER_NODE, items: { $ref: '#/$defs/condition' } } } },
        { type: 'object', required: ['not'], additionalProperties: false, properties: { not: { $ref: '#/$defs/condition' } } },
      ],
    },
  },
} as const;
