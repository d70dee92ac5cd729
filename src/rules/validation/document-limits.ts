import { MAX_DOCUMENT_DEPTH, MAX_RULE_SET_BYTES, MAX_RULES_PER_SET } from '../schema/rule-set-limits.js';
import type { RulePack } from '../schema/rule-pack.schema.js';
import type { RuleSetDocument, RuleSetKind } from '../schema/rule-set.schema.js';
import type { RuleIssue } from './validation-issue.js';

/**
 * Cheap guards before any recursive parsing: size and nesting depth (iterative, so a hostile
 * 100,000-level document cannot overflow the stack).
 */
export function checkDocumentLimits(document: unknown): RuleIssue[] {
  // Depth first: JSON.stringify itself recurses.
  const stack: [unknown, number][] = [[document, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_DOCUMENT_DEPTH) return [{ path: '(document)', severity: 'error', message: `rule set is nested deeper than ${MAX_DOCUMENT_DEPTH} levels` }];
    if (node && typeof node === 'object') for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  const size = Buffer.byteLength(JSON.stringify(document) ?? '');
  if (size > MAX_RULE_SET_BYTES) return [{ path: '(document)', severity: 'error', message: `rule set is ${size} bytes; at most ${MAX_RULE_SET_BYTES} bytes are accepted` }];
  return [];
}

/** The rule count of a parsed document against MAX_RULES_PER_SET (per-list maxima alone allow 1,000 health rules). */
export function checkRuleCount(kind: RuleSetKind | 'pack', document: RuleSetDocument | RulePack): RuleIssue[] {
  const count = ruleCount(kind, document);
  if (count <= MAX_RULES_PER_SET) return [];
  return [{ path: '(document)', severity: 'error', message: `rule set has ${count} rules; at most ${MAX_RULES_PER_SET} are accepted` }];
}

function ruleCount(kind: RuleSetKind | 'pack', document: RuleSetDocument | RulePack): number {
  switch (kind) {
    case 'pack': {
      const pack = document as RulePack;
      return pack.add.length + pack.override.length;
    }
    case 'health':
      return (document as RuleSetDocument<'health'>).components.reduce((sum, c) => sum + c.rules.length, 0);
    case 'signals':
      return (document as RuleSetDocument<'signals'>).signals.length;
    case 'escalation':
      return (document as RuleSetDocument<'escalation'>).protocols.length;
    case 'tier': {
      const tier = document as RuleSetDocument<'tier'>;
      return tier.tiers.length + tier.promotions.length;
    }
    case 'lifecycle':
      return (document as RuleSetDocument<'lifecycle'>).stages.length;
    case 'cadence':
      return (document as RuleSetDocument<'cadence'>).tiers.reduce((sum, t) => sum + t.requirements.length, 0);
  }
}
