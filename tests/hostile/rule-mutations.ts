/**
 * Seeded mutations of rule-set documents for the hostile-input tests: each mutation takes a valid
 * document (a default rule file or a plugin pack) and breaks it the way a careless or hostile
 * author would. Deterministic per seed (HOSTILE_SEED=<n> reproduces a failure, =random explores).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FactCatalog } from '../../src/facts/fact-catalog.js';
import type { FactValues } from '../../src/facts/fact-definition.js';

export const SEED = process.env.HOSTILE_SEED === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.HOSTILE_SEED ?? 20261202);

/** mulberry32: the same sequence everywhere for the same seed. */
export function prng(seed: number): Rnd {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
export type Rnd = () => number;
export const pick = <T>(rnd: Rnd, list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
const int = (rnd: Rnd, min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Container = Json[] | { [key: string]: Json };

/** A default rule file or plugin pack, by the id the API knows it under (health, legal.signals, …). */
export interface RuleFile {
  id: string;
  file: string;
  document: Json;
}

export function defaultRuleFiles(): RuleFile[] {
  const core = readdirSync('rules').filter((f) => f.endsWith('.json')).map((f) => ({ id: f.replace(/\.json$/, ''), file: join('rules', f) }));
  const packs = readdirSync('plugins').flatMap((plugin) => {
    let files: string[] = [];
    try {
      files = readdirSync(join('plugins', plugin, 'rules')).filter((f) => f.endsWith('.json'));
    } catch {
      return [];
    }
    return files.map((f) => ({ id: `${plugin}.${f.replace(/\.json$/, '')}`, file: join('plugins', plugin, 'rules', f) }));
  });
  return [...core, ...packs].map((r) => ({ ...r, document: JSON.parse(readFileSync(r.file, 'utf8')) as Json }));
}

/** Every container in the document with its path (iterative, and not below 100 levels: mutants nest 10,000 deep). */
function containers(doc: Json): { node: Container; path: (string | number)[] }[] {
  const out: { node: Container; path: (string | number)[] }[] = [];
  const stack: { node: Json; path: (string | number)[] }[] = [{ node: doc, path: [] }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    out.push({ node, path });
    if (path.length >= 100) continue;
    if (Array.isArray(node)) node.forEach((child, i) => stack.push({ node: child, path: [...path, i] }));
    else for (const [key, child] of Object.entries(node)) stack.push({ node: child, path: [...path, key] });
  }
  return out;
}

/** Leaf conditions `{ fact, operator, value }` of the document. */
function leaves(doc: Json): { [key: string]: Json }[] {
  return containers(doc).map((c) => c.node).filter((n): n is { [key: string]: Json } => !Array.isArray(n) && typeof n.fact === 'string' && 'operator' in n);
}

const NAN_LIKE = ['NaN', 'Infinity', '-Infinity', '1e999', '0x10', ' 42 ', '', 'null', 'undefined', 'true', '-0', '٣', '1,5'];
const HUGE_NUMBERS = [1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -(2 ** 63), 5e-324, -0, 0.1 + 0.2, 1e21];
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', '__defineGetter__'];
const HOSTILE_STRINGS = ['\u0000', 'a\u0000b', '\u202Eevil', '\ud800', '🙂'.repeat(50), '{{constructor}}', '{{__proto__}}', '{{ touchpoints90d }}{{', '<script>alert(1)</script>', "'; drop table rule_set_versions; --", '(a+)+$'];

function randomValue(rnd: Rnd, depth = 0): Json {
  switch (int(rnd, 0, depth > 2 ? 4 : 6)) {
    case 0:
      return null;
    case 1:
      return rnd() < 0.5;
    case 2:
      return pick(rnd, [...HUGE_NUMBERS, int(rnd, -1000, 1000), rnd() * 100]);
    case 3:
      return pick(rnd, [...NAN_LIKE, ...HOSTILE_STRINGS]);
    case 4:
      return 'x'.repeat(pick(rnd, [1, 81, 501, 1001, 5001]));
    case 5:
      return Array.from({ length: int(rnd, 0, 3) }, () => randomValue(rnd, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: int(rnd, 0, 3) }, () => [pick(rnd, ['fact', 'operator', 'value', 'all', 'any', 'not', 'id', ...HOSTILE_KEYS]), randomValue(rnd, depth + 1)]));
  }
}

/** Sets an own property even for `__proto__` (as JSON.parse would produce it). */
function setOwn(target: { [key: string]: Json }, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** JSON text of a value, or undefined when it is nested too deeply for JSON.stringify. */
function jsonOrUndefined(value: Json): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

function nest(rnd: Rnd, inner: Json, levels: number): Json {
  let node = inner;
  for (let i = 0; i < levels; i++) node = pick(rnd, ['all', 'any', 'not', 'array']) === 'array' ? [node] : rnd() < 0.5 ? { all: [node] } : { not: node };
  return node;
}

export type MutationKind = (typeof MUTATIONS)[number];
export const MUTATIONS = ['deleteKey', 'wrongType', 'hugeNumber', 'nanLikeString', 'unknownOperator', 'unknownFact', 'deepNesting', 'giantArray', 'prototypeKey', 'hostileString', 'duplicateItem', 'changeKind'] as const;

/** One to three mutations of a deep copy of `doc`; returns the mutant and what was done. */
export function mutate(rnd: Rnd, doc: Json, knownFacts: readonly string[], operators: readonly string[]): { document: Json; applied: string[] } {
  const copy = structuredClone(doc);
  const applied: string[] = [];
  const count = int(rnd, 1, 3);
  for (let i = 0; i < count; i++) {
    const kind = pick(rnd, MUTATIONS);
    applied.push(apply(rnd, kind, copy, knownFacts, operators));
  }
  return { document: copy, applied };
}

function apply(rnd: Rnd, kind: MutationKind, doc: Json, facts: readonly string[], operators: readonly string[]): string {
  const all = containers(doc);
  const target = pick(rnd, all);
  const keys: (string | number)[] = Array.isArray(target.node) ? target.node.map((_, i) => i) : Object.keys(target.node);
  const at = (key: string | number) => `${[...target.path, key].join('.')}`;
  const replace = (value: Json): string => {
    if (!keys.length) return `${kind}: empty container at ${target.path.join('.')}`;
    const key = pick(rnd, keys);
    (target.node as Record<string | number, Json>)[key] = value;
    return `${kind} at ${at(key)}`;
  };
  const leaf = () => {
    const list = leaves(doc);
    return list.length ? pick(rnd, list) : undefined;
  };
  switch (kind) {
    case 'deleteKey': {
      if (!keys.length) return 'deleteKey: nothing';
      const key = pick(rnd, keys);
      if (Array.isArray(target.node)) target.node.splice(key as number, 1);
      else delete target.node[key as string];
      return `deleteKey ${at(key)}`;
    }
    case 'wrongType':
      return replace(randomValue(rnd));
    case 'hugeNumber':
      return replace(pick(rnd, HUGE_NUMBERS));
    case 'nanLikeString':
      return replace(pick(rnd, NAN_LIKE));
    case 'hostileString':
      return replace(pick(rnd, HOSTILE_STRINGS));
    case 'unknownOperator': {
      const l = leaf();
      if (!l) return 'unknownOperator: no leaf';
      l.operator = pick(rnd, ['greaterThen', 'eval', 'constructor', '__proto__', '', 'x'.repeat(61), pick(rnd, operators).toUpperCase(), 'regex']);
      return `unknownOperator ${String(l.operator).slice(0, 20)}`;
    }
    case 'unknownFact': {
      const l = leaf();
      if (!l) return 'unknownFact: no leaf';
      const name = pick(rnd, ['touchpoint90d', 'constructor', '__proto__', 'toString', 'healthScore', 'a'.repeat(81), `${pick(rnd, facts)}x`, 'legal.nope', 'x'.repeat(200_000)]);
      if (rnd() < 0.3) l.value = { fact: name };
      else l.fact = name;
      return `unknownFact ${name.slice(0, 20)}`;
    }
    case 'deepNesting': {
      const levels = pick(rnd, [9, 20, 65, 500, 2_000]); // deeper: JSON.stringify overflows (oversized-payloads.test.ts sends 10,000 levels as text)
      return replace(nest(rnd, keys.length ? (target.node as Record<string | number, Json>)[pick(rnd, keys)] : null, levels)) + ` (${levels} levels)`;
    }
    case 'giantArray': {
      const length = pick(rnd, [101, 201, 1_000, 20_000, 100_000]);
      // Copies of a small item (a tree, never shared references), else numbers: ~2 MB of JSON at most.
      const item = keys.length ? (target.node as Record<string | number, Json>)[pick(rnd, keys)] : 1;
      const text = jsonOrUndefined(item);
      const small = text !== undefined && text.length <= 200;
      const n = small ? Math.min(length, Math.floor(2_000_000 / Math.max(text.length, 1))) : length;
      return replace(Array.from({ length: n }, (_, i) => (small ? (JSON.parse(text) as Json) : i))) + ` (${n} items)`;
    }
    case 'prototypeKey': {
      const objects = all.filter((c) => !Array.isArray(c.node));
      const obj = (objects.length ? pick(rnd, objects).node : {}) as { [key: string]: Json };
      const key = pick(rnd, HOSTILE_KEYS);
      setOwn(obj, key, pick<Json>(rnd, [{ polluted: true }, { fact: 'x', operator: 'equal', value: 1 }, [], 'x', 1]));
      return `prototypeKey ${key}`;
    }
    case 'duplicateItem': {
      const arrays = all.filter((c) => Array.isArray(c.node) && c.node.length > 0);
      if (!arrays.length) return 'duplicateItem: no array';
      const list = pick(rnd, arrays).node as Json[];
      const text = jsonOrUndefined(pick(rnd, list));
      if (text === undefined) return 'duplicateItem: too deep to copy';
      list.push(JSON.parse(text) as Json);
      return 'duplicateItem';
    }
    case 'changeKind': {
      if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
        const value = pick(rnd, ['tier', 'lifecycle', 'health', 'signals', 'escalation', 'cadence', 'pack', '__proto__', 'HEALTH', '']);
        doc.kind = value;
        if (rnd() < 0.3) doc.extends = pick(rnd, ['tier', 'health', 'lifecycle', 'constructor']);
        return `changeKind ${value}`;
      }
      return 'changeKind: not an object';
    }
  }
}

/**
 * Fact values for evaluating an accepted document: every catalog fact set from its definition
 * (numbers at, inside and beyond their range, enum values, booleans), or missing (null).
 */
export function sampleFacts(rnd: Rnd, catalog: FactCatalog): FactValues {
  const facts: FactValues = {};
  for (const d of catalog.definitions()) {
    if (rnd() < 0.15) {
      facts[d.name] = null;
      continue;
    }
    if (d.type === 'boolean') facts[d.name] = rnd() < 0.5;
    else if (d.type === 'string') facts[d.name] = d.enumValues?.length ? pick(rnd, d.enumValues) : pick(rnd, ['', 'x', 'Globex']);
    else {
      const min = d.min ?? -1000;
      const max = d.max ?? 1000;
      facts[d.name] = pick(rnd, [min, max, min - 1, max + 1, min + (max - min) * rnd(), 0]);
    }
  }
  return facts;
}
