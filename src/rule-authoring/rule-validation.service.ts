import { Injectable } from '@nestjs/common';
import { ValidationFailed } from '../api/api-errors.js';
import { FactCatalog } from '../facts/fact-catalog.js';
import { OperatorRegistry } from '../rules/engine/operator-registry.js';
import { RuleSetRegistry, type AnyRuleDocument, type RuleSetId } from '../rules/registry/rule-set-registry.service.js';
import { RULE_SET_KINDS, type RuleBundle } from '../rules/schema/rule-set.schema.js';
import { validateRulePack } from '../rules/validation/rule-pack-validator.js';
import { validateRuleSet } from '../rules/validation/rule-set-validator.js';
import type { ValidationReport } from '../rules/validation/validation-issue.js';
import { PortfolioEvaluator } from './portfolio-evaluator.js';

export interface AnyValidationResult extends ValidationReport {
  document?: AnyRuleDocument;
}

/**
 * The shared validators, with the tenant's live state: the portfolio as coverage samples for tier
 * criteria, the live core rule sets as the base a plugin pack applies to, and the live packs that
 * a changed core rule set must still accept (an override whose target disappears is an error).
 */
@Injectable()
export class RuleValidationService {
  constructor(
    private readonly catalog: FactCatalog,
    private readonly operators: OperatorRegistry,
    private readonly portfolio: PortfolioEvaluator,
    private readonly registry: RuleSetRegistry,
  ) {}

  async validate(tenantId: string, kind: RuleSetId, document: unknown): Promise<AnyValidationResult> {
    const active = await this.registry.active(tenantId);
    const base = Object.fromEntries(RULE_SET_KINDS.map((k) => [k, active[k].document])) as RuleBundle;
    const pack = this.registry.packOf(kind);
    if (pack) return validateRulePack(document, { catalog: this.catalog, operators: this.operators, plugin: pack.plugin, extends: pack.document.extends, base });

    // Lazily: only a tier document that passed every other check pays for the portfolio's facts.
    const samples = async () => (await this.portfolio.facts(tenantId)).map((r) => ({ label: `account ${r.name}`, facts: r.facts }));
    const result = await validateRuleSet(kind, document, { catalog: this.catalog, operators: this.operators, portfolio: samples });
    if (!result.valid || !result.document) return result;
    const candidateBase = { ...base, [kind]: result.document } as RuleBundle;
    for (const id of this.registry.ids().filter((id) => this.registry.packOf(id)?.document.extends === kind)) {
      const livePack = this.registry.packOf(id)!;
      const check = validateRulePack(active[id].document, { catalog: this.catalog, operators: this.operators, plugin: livePack.plugin, base: candidateBase });
      for (const issue of check.issues.filter((i) => i.severity === 'error')) {
        result.issues.push({ path: '(document)', severity: 'error', message: `plugin rule pack ${id} (version ${active[id].version}) would break: ${issue.path}: ${issue.message}` });
      }
    }
    result.valid = !result.issues.some((i) => i.severity === 'error');
    return result.valid ? result : { valid: false, issues: result.issues };
  }

  /** Validates or throws a 400 whose issues carry the JSON path inside the document. */
  async validOrThrow(tenantId: string, kind: RuleSetId, document: unknown, pathPrefix = 'body.document'): Promise<AnyRuleDocument> {
    const result = await this.validate(tenantId, kind, document);
    if (!result.valid || !result.document) {
      throw new ValidationFailed(
        result.issues.filter((i) => i.severity === 'error').map((i) => ({ path: `${pathPrefix}${i.path === '(document)' ? '' : i.path.startsWith('[') ? i.path : `.${i.path}`}`, message: i.message, code: 'invalid_rule' })),
        `The ${kind} rule set is invalid; nothing was changed.`,
      );
    }
    return result.document;
  }
}
