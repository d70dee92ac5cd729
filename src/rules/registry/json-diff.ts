import type { RuleChange } from './rule-audit-entry.entity.js';

/** Structural diff of two JSON documents as path-level changes (capped: an audit entry, not a patch). */
export function jsonDiff(before: unknown, after: unknown, limit = 500): RuleChange[] {
  const out: RuleChange[] = [];
  walk(before, after, '', out, limit);
  return out;
}

function walk(a: unknown, b: unknown, path: string, out: RuleChange[], limit: number): void {
  if (out.length >= limit) return;
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  const bothArrays = Array.isArray(a) && Array.isArray(b);
  const bothObjects = !bothArrays && isObject(a) && isObject(b);
  if (bothArrays) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], `${path}[${i}]`, out, limit);
    return;
  }
  if (bothObjects) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[key], b[key], path ? `${path}.${key}` : key, out, limit);
    return;
  }
  out.push({ path: path || '(document)', ...(a !== undefined ? { before: a } : {}), ...(b !== undefined ? { after: b } : {}) });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}
