// Which numbers of a rule-set document the form offers, how they are grouped and labelled.
// Generated from the document itself (weights, bands, cadences, every numeric threshold of a
// condition, rule points, due days), so plugin packs and new rules get fields without code.
import { jsonPath, type JsonPathPart } from '../../components/json-editor/json-source-map';

export interface NumericField {
  path: JsonPathPart[];
  /** Accessible name, unique in the form. */
  name: string;
  /** Short visible label inside its group. */
  label: string;
  value: number;
}

export interface FieldGroup {
  id: string;
  title: string;
  subtitle?: string;
  /** Shown open: the edits program owners make most (weights, bands, tier thresholds, cadences). */
  headline: boolean;
  fields: NumericField[];
  /** A rule the group must satisfy, shown next to it (health weights must sum to 100). */
  check?: { ok: boolean; text: string };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const isCondition = (v: unknown): boolean => isObject(v) && typeof v.fact === 'string' && typeof v.operator === 'string';

const OPERATORS: Record<string, string> = {
  lessThan: '<', lessThanInclusive: '≤', greaterThan: '>', greaterThanInclusive: '≥', equal: '=', notEqual: '≠',
};
const KEY_LABELS: Record<string, string> = {
  weight: 'weight', base: 'base points', points: 'points', maxTier: 'max tier', everyDays: 'every (days)', dueInDays: 'due in (days)',
  fromMonths: 'from (months)', cooldownDays: 'cooldown (days)', windowDays: 'coordination window (days)',
  maxClientContactTasks: 'max client-contact tasks per window', demotionGraceDays: 'demotion grace (days)',
  intervention: 'intervention band: score below', critical: 'critical band: score below',
};

const words = (key: string) => KEY_LABELS[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
const conditionLabel = (c: Json) => `${c.fact} ${OPERATORS[c.operator as string] ?? c.operator}`;

interface Leaf {
  path: JsonPathPart[];
  value: number;
  /** Objects from the root down to the leaf's parent, with their paths. */
  chain: { node: unknown; path: JsonPathPart[] }[];
}

function leaves(value: unknown, path: JsonPathPart[], chain: Leaf['chain'], out: Leaf[]): void {
  if (typeof value === 'number') {
    out.push({ path, value, chain });
    return;
  }
  if (Array.isArray(value)) value.forEach((v, i) => leaves(v, [...path, i], [...chain, { node: value, path }], out));
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) leaves(v, [...path, k], [...chain, { node: value, path }], out);
}

/** A list item's identity numbers (tiers[2].tier, stages[0].stage) are structure, not thresholds. */
function isIdentity(leaf: Leaf): boolean {
  const key = leaf.path[leaf.path.length - 1];
  return (key === 'tier' || key === 'stage') && typeof leaf.path[leaf.path.length - 2] === 'number';
}

/** What a list item is called: its name, id, touchpoint kind or tier number. */
function itemName(node: unknown, path: JsonPathPart[]): string | undefined {
  if (!isObject(node) || isCondition(node)) return undefined;
  if (path.length === 2 && (path[0] === 'add' || path[0] === 'override')) {
    const inner = typeof node.tier === 'number' ? ` tier ${node.tier}` : typeof node.component === 'string' ? ` (${node.component})` : '';
    return `${path[0] === 'add' ? 'Adds' : 'Overrides'}${inner}`;
  }
  if (typeof node.name === 'string') return node.name;
  if (typeof node.id === 'string') return node.id;
  if (typeof node.touchpointKind === 'string') return node.touchpointKind;
  if (typeof node.tier === 'number') return `Tier ${node.tier}`;
  return undefined;
}

/** Label of a leaf relative to its group's root: "daysSinceLastContact ≤", "points", "actions #2 due in (days)". */
function relativeLabel(leaf: Leaf, rootDepth: number): string {
  const condition = [...leaf.chain].reverse().find((c) => isCondition(c.node));
  if (condition && condition.path.length >= rootDepth) {
    const rest = leaf.path.slice(condition.path.length + 1); // after 'value'
    return [conditionLabel(condition.node as Json), ...rest.map(String)].join(' ');
  }
  const parts = leaf.path.slice(rootDepth);
  return parts.map((p) => (typeof p === 'number' ? `#${p + 1}` : words(p))).join(' ');
}

/** Headline groups per rule-set kind; returns the group id and label, or undefined for the generic grouping. */
function headline(kind: unknown, doc: Json, leaf: Leaf): { group: string; label: string; subtitle?: string } | undefined {
  const p = leaf.path;
  const at = (i: number) => (Array.isArray(doc[p[0] as string]) ? (doc[p[0] as string] as Json[])[p[1] as number] : undefined);
  if (kind === 'health' && p[0] === 'components' && p[2] === 'weight' && p.length === 3) return { group: 'Component weights', label: `${at(1)?.name ?? at(1)?.id} weight` };
  if (kind === 'health' && p[0] === 'bands') return { group: 'Score bands', label: words(String(p[1])) };
  if (kind === 'tier' && p[0] === 'tiers') {
    const tier = at(1);
    return { group: 'Tier thresholds', label: `Tier ${tier?.tier} ${tier?.name}: ${relativeLabel(leaf, 2)}` };
  }
  if (kind === 'cadence' && p[0] === 'tiers' && p[2] === 'requirements') {
    const requirement = (at(1)?.requirements as Json[] | undefined)?.[p[3] as number];
    return { group: 'Touchpoint cadence', label: `Tier ${at(1)?.tier} ${requirement?.touchpointKind} ${words(String(p[4]))}` };
  }
  if (kind === 'lifecycle' && p[0] === 'tenureBands') return { group: 'Tenure bands', label: `${at(1)?.name} ${words(String(p[2]))}` };
  if (!p.some((x) => typeof x === 'number')) return { group: 'Settings', label: words(String(p[p.length - 1])) };
  return undefined;
}

export function thresholdGroups(doc: unknown): FieldGroup[] {
  if (!isObject(doc)) return [];
  const all: Leaf[] = [];
  leaves(doc, [], [], all);
  const groups = new Map<string, FieldGroup>();
  const add = (id: string, make: () => Omit<FieldGroup, 'fields'>, field: Omit<NumericField, 'name'>) => {
    if (!groups.has(id)) groups.set(id, { ...make(), fields: [] });
    const group = groups.get(id)!;
    group.fields.push({ ...field, name: group.headline ? field.label : `${group.title}: ${field.label}` });
  };
  for (const leaf of all.filter((l) => !isIdentity(l))) {
    const head = headline(doc.kind, doc, leaf);
    if (head) {
      add(`headline:${head.group}`, () => ({ id: `headline:${head.group}`, title: head.group, headline: true }), { path: leaf.path, label: head.label, value: leaf.value });
      continue;
    }
    // The deepest named item above the leaf is its group; the names above it make the title.
    const named = leaf.chain.map((c) => ({ ...c, name: itemName(c.node, c.path) })).filter((c) => c.name && c.path.length > 0);
    const root = named[named.length - 1];
    const rootPath = root?.path ?? [];
    const title = named.map((c) => c.name).join(' › ') || 'Document';
    const rootNode = root?.node as Json | undefined;
    const subtitle = typeof rootNode?.description === 'string' ? rootNode.description : undefined;
    add(jsonPath(rootPath), () => ({ id: jsonPath(rootPath), title, subtitle, headline: false }), { path: leaf.path, label: relativeLabel(leaf, rootPath.length), value: leaf.value });
  }
  const out = [...groups.values()];
  dedupeNames(out);
  const weights = groups.get('headline:Component weights');
  if (weights) {
    const total = weights.fields.reduce((s, f) => s + f.value, 0);
    weights.check = { ok: total === 100, text: `weights total ${total} of 100` };
  }
  // Headline groups first, in the order they appear in the document.
  return [...out.filter((g) => g.headline), ...out.filter((g) => !g.headline)];
}

function dedupeNames(groups: FieldGroup[]): void {
  const seen = new Map<string, number>();
  for (const field of groups.flatMap((g) => g.fields)) {
    const n = (seen.get(field.name) ?? 0) + 1;
    seen.set(field.name, n);
    if (n > 1) field.name = `${field.name} (#${n})`;
  }
}
