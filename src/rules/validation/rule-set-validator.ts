import type { FactCatalog } from '../../facts/fact-catalog.js';
import type { OperatorRegistry } from '../engine/operator-registry.js';
import { templatePlaceholders } from '../engine/template.js';
import type { Condition } from '../schema/condition.schema.js';
import { RULE_SET_KINDS, RULE_SET_SCHEMAS, type RuleSetDocument, type RuleSetKind } from '../schema/rule-set.schema.js';
import type { TierRuleSet } from '../schema/tier-rule-set.schema.js';
import { checkConditions } from './condition-checker.js';
import { checkDocumentLimits } from './document-limits.js';
import { factScopeFor } from './fact-scopes.js';
import { checkTierCoverage, type CoverageSample } from './tier-coverage.js';
import { jsonPath, type RuleIssue, type ValidationReport } from './validation-issue.js';

export interface ValidationContext {
  catalog: FactCatalog;
  operators: OperatorRegistry;
  /** Live portfolio facts: tier coverage is checked on them (and on threshold probes). */
  portfolio?: CoverageSample[];
}

export interface ValidationResult<K extends RuleSetKind = RuleSetKind> extends ValidationReport {
  document?: RuleSetDocument<K>;
}

/**
 * The one validator behind boot-time file loading, the authoring API and the CLI:
 * limits → schema (zod) → facts, operators, value types, ranges, templates → tier coverage.
 */
export async function validateRuleSet(kind: string, raw: unknown, ctx: ValidationContext): Promise<ValidationResult> {
  if (!(RULE_SET_KINDS as string[]).includes(kind)) {
    return fail([{ path: '(document)', severity: 'error', message: `unknown rule-set kind '${kind}'; expected one of ${RULE_SET_KINDS.join(', ')}` }]);
  }
  const limits = checkDocumentLimits(raw);
  if (limits.length) return fail(limits);
  const schema = RULE_SET_SCHEMAS[kind as RuleSetKind];
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return fail(parsed.error.issues.map((i) => ({ path: jsonPath(i.path as (string | number)[]), severity: 'error' as const, message: i.message })));
  }
  const document = parsed.data as RuleSetDocument;
  const issues = semanticIssues(kind as RuleSetKind, document, ctx);
  if (kind === 'tier' && !issues.some((i) => i.severity === 'error')) {
    issues.push(...(await checkTierCoverage(document as TierRuleSet, ctx.operators, ctx.portfolio ?? [])));
  }
  const valid = !issues.some((i) => i.severity === 'error');
  return { valid, issues, document: valid ? document : undefined };
}

function fail(issues: RuleIssue[]): ValidationResult {
  return { valid: false, issues };
}

type TreeRef = { conditions: Condition | undefined; path: (string | number)[] };
type TextRef = { text: string | undefined; path: (string | number)[] };

function semanticIssues(kind: RuleSetKind, doc: RuleSetDocument, ctx: ValidationContext): RuleIssue[] {
  const { trees, texts } = partsOf(kind, doc);
  const scope = factScopeFor(kind, ctx.catalog);
  const issues: RuleIssue[] = [];
  for (const tree of trees) if (tree.conditions) issues.push(...checkConditions(tree.conditions, [...tree.path, 'conditions'], ctx.catalog, ctx.operators, scope));
  for (const { text, path } of texts) {
    for (const name of templatePlaceholders(text ?? '')) {
      if (name !== 'accountName' && (!ctx.catalog.has(name) || scope.forbidden.has(name))) {
        issues.push({ path: jsonPath(path), severity: 'error', message: `template placeholder {{${name}}} is not a fact available here` });
      }
    }
  }
  return issues;
}

/** Condition trees and templates of a document, with their paths. */
function partsOf(kind: RuleSetKind, doc: RuleSetDocument): { trees: TreeRef[]; texts: TextRef[] } {
  const trees: TreeRef[] = [];
  const texts: TextRef[] = [];
  switch (kind) {
    case 'tier': {
      const d = doc as RuleSetDocument<'tier'>;
      d.tiers.forEach((t, i) => trees.push({ conditions: t.conditions, path: ['tiers', i] }));
      d.promotions.forEach((p, i) => trees.push({ conditions: p.conditions, path: ['promotions', i] }));
      break;
    }
    case 'lifecycle':
      (doc as RuleSetDocument<'lifecycle'>).stages.forEach((s, i) => trees.push({ conditions: s.conditions, path: ['stages', i] }));
      break;
    case 'health':
      (doc as RuleSetDocument<'health'>).components.forEach((c, ci) =>
        c.rules.forEach((r, ri) => {
          trees.push({ conditions: r.conditions, path: ['components', ci, 'rules', ri] });
          texts.push({ text: r.reason, path: ['components', ci, 'rules', ri, 'reason'] });
        }),
      );
      break;
    case 'signals':
      (doc as RuleSetDocument<'signals'>).signals.forEach((s, i) => {
        trees.push({ conditions: s.conditions, path: ['signals', i] });
        texts.push({ text: s.explanation, path: ['signals', i, 'explanation'] });
      });
      break;
    case 'escalation':
      (doc as RuleSetDocument<'escalation'>).protocols.forEach((p, i) => {
        trees.push({ conditions: p.conditions, path: ['protocols', i] });
        p.actions.forEach((a, ai) => {
          if (a.type === 'task') {
            texts.push({ text: a.title, path: ['protocols', i, 'actions', ai, 'title'] });
            texts.push({ text: a.description, path: ['protocols', i, 'actions', ai, 'description'] });
          } else texts.push({ text: a.reason, path: ['protocols', i, 'actions', ai, 'reason'] });
        });
      });
      break;
    case 'cadence':
      break;
  }
  return { trees, texts };
}
