import type { FactCatalog } from '../../facts/fact-catalog.js';
import type { OperatorRegistry } from '../engine/operator-registry.js';
import { templatePlaceholders } from '../engine/template.js';
import type { Condition } from '../schema/condition.schema.js';
import { RULE_SET_KINDS, RULE_SET_SCHEMAS, type RuleBundle, type RuleSetDocument, type RuleSetKind } from '../schema/rule-set.schema.js';
import type { TierRuleSet } from '../schema/tier-rule-set.schema.js';
import type { EscalationRuleSet } from '../schema/escalation-rule-set.schema.js';
import { checkConditions } from './condition-checker.js';
import { checkDocumentLimits, checkRuleCount } from './document-limits.js';
import { factScopeFor } from './fact-scopes.js';
import { checkTierCoverage, type CoverageSample } from './tier-coverage.js';
import { jsonPath, type RuleIssue, type ValidationReport } from './validation-issue.js';

export interface ValidationContext {
  catalog: FactCatalog;
  operators: OperatorRegistry;
  /**
   * Live portfolio facts: tier coverage is checked on them (and on threshold probes). A function is
   * called only when a tier document got that far, so invalid documents cost no portfolio query.
   */
  portfolio?: CoverageSample[] | (() => Promise<CoverageSample[]>);
  /** The core rule sets plugin packs apply to (needed to validate a pack file). */
  base?: RuleBundle;
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
  const tooMany = checkRuleCount(kind as RuleSetKind, document);
  if (tooMany.length) return fail(tooMany);
  const issues = semanticIssues(kind as RuleSetKind, document, ctx);
  if (kind === 'tier' && !issues.some((i) => i.severity === 'error')) {
    const samples = typeof ctx.portfolio === 'function' ? await ctx.portfolio() : (ctx.portfolio ?? []);
    issues.push(...(await checkTierCoverage(document as TierRuleSet, ctx.operators, samples)));
  }
  const valid = !issues.some((i) => i.severity === 'error');
  return { valid, issues, document: valid ? document : undefined };
}

function fail(issues: RuleIssue[]): ValidationResult {
  return { valid: false, issues };
}

export type TreeRef = { conditions: Condition | undefined; path: (string | number)[] };
export type TextRef = { text: string | undefined; path: (string | number)[] };

function semanticIssues(kind: RuleSetKind, doc: RuleSetDocument, ctx: ValidationContext): RuleIssue[] {
  return checkParts(kind, partsOf(kind, doc), ctx);
}

/** Facts, operators, values and template placeholders of condition trees and texts, in the scope of a phase. */
export function checkParts(kind: RuleSetKind, { trees, texts }: { trees: TreeRef[]; texts: TextRef[] }, ctx: Pick<ValidationContext, 'catalog' | 'operators'>): RuleIssue[] {
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
  const add = (item: unknown, path: (string | number)[], itemKind: ItemKind) => {
    const parts = itemParts(itemKind, item, path);
    trees.push(...parts.trees);
    texts.push(...parts.texts);
  };
  switch (kind) {
    case 'tier': {
      const d = doc as RuleSetDocument<'tier'>;
      d.tiers.forEach((t, i) => trees.push({ conditions: t.conditions, path: ['tiers', i] }));
      d.promotions.forEach((p, i) => add(p, ['promotions', i], 'tier'));
      break;
    }
    case 'lifecycle':
      (doc as RuleSetDocument<'lifecycle'>).stages.forEach((s, i) => trees.push({ conditions: s.conditions, path: ['stages', i] }));
      break;
    case 'health':
      (doc as RuleSetDocument<'health'>).components.forEach((c, ci) => c.rules.forEach((r, ri) => add(r, ['components', ci, 'rules', ri], 'health')));
      break;
    case 'signals':
      (doc as RuleSetDocument<'signals'>).signals.forEach((s, i) => add(s, ['signals', i], 'signals'));
      break;
    case 'escalation':
      (doc as RuleSetDocument<'escalation'>).protocols.forEach((p, i) => add(p, ['protocols', i], 'escalation'));
      break;
    case 'cadence':
      break;
  }
  return { trees, texts };
}

type ItemKind = 'tier' | 'health' | 'signals' | 'escalation' | 'cadence';

/** The condition tree and templates of one item (a promotion, scoring rule, signal or protocol). */
export function itemParts(kind: ItemKind, item: unknown, path: (string | number)[]): { trees: TreeRef[]; texts: TextRef[] } {
  const i = item as { conditions?: Condition; reason?: string; explanation?: string; actions?: EscalationRuleSet['protocols'][number]['actions'] };
  const trees: TreeRef[] = kind === 'cadence' ? [] : [{ conditions: i.conditions, path }];
  const texts: TextRef[] = [];
  if (kind === 'health') texts.push({ text: i.reason, path: [...path, 'reason'] });
  if (kind === 'signals') texts.push({ text: i.explanation, path: [...path, 'explanation'] });
  if (kind === 'escalation') {
    (i.actions ?? []).forEach((a, ai) => {
      if (a.type === 'task') {
        texts.push({ text: a.title, path: [...path, 'actions', ai, 'title'] });
        texts.push({ text: a.description, path: [...path, 'actions', ai, 'description'] });
      } else texts.push({ text: a.reason, path: [...path, 'actions', ai, 'reason'] });
    });
  }
  return { trees, texts };
}
