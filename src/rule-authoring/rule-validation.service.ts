import { Injectable } from '@nestjs/common';
import { ValidationFailed } from '../api/api-errors.js';
import { FactCatalog } from '../facts/fact-catalog.js';
import { OperatorRegistry } from '../rules/engine/operator-registry.js';
import type { RuleSetDocument, RuleSetKind } from '../rules/schema/rule-set.schema.js';
import { validateRuleSet, type ValidationResult } from '../rules/validation/rule-set-validator.js';
import { PortfolioEvaluator } from './portfolio-evaluator.js';

/** The shared validator, with the tenant's live portfolio as coverage samples for tier criteria. */
@Injectable()
export class RuleValidationService {
  constructor(
    private readonly catalog: FactCatalog,
    private readonly operators: OperatorRegistry,
    private readonly portfolio: PortfolioEvaluator,
  ) {}

  async validate(tenantId: string, kind: string, document: unknown): Promise<ValidationResult> {
    const samples = kind === 'tier' ? (await this.portfolio.facts(tenantId)).map((r) => ({ label: `account ${r.name}`, facts: r.facts })) : [];
    return validateRuleSet(kind, document, { catalog: this.catalog, operators: this.operators, portfolio: samples });
  }

  /** Validates or throws a 400 whose issues carry the JSON path inside the document. */
  async validOrThrow(tenantId: string, kind: RuleSetKind, document: unknown, pathPrefix = 'body.document'): Promise<RuleSetDocument> {
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
