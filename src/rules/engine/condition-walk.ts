import type { Condition, FactCondition } from '../schema/condition.schema.js';

/** Every leaf condition of a tree with its JSON path (relative to the tree). */
export function* leafConditions(node: Condition, path: (string | number)[] = []): Generator<{ leaf: FactCondition; path: (string | number)[] }> {
  if ('all' in node) for (const [i, c] of node.all.entries()) yield* leafConditions(c, [...path, 'all', i]);
  else if ('any' in node) for (const [i, c] of node.any.entries()) yield* leafConditions(c, [...path, 'any', i]);
  else if ('not' in node) yield* leafConditions(node.not, [...path, 'not']);
  else yield { leaf: node, path };
}

/** Fact names a condition tree reads (value-side fact references included). */
export function referencedFacts(node: Condition | undefined): string[] {
  if (!node) return [];
  const names = new Set<string>();
  for (const { leaf } of leafConditions(node)) {
    names.add(leaf.fact);
    if (leaf.value && typeof leaf.value === 'object' && !Array.isArray(leaf.value) && typeof leaf.value.fact === 'string') names.add(leaf.value.fact);
  }
  return [...names];
}
