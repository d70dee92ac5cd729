import { Injectable } from '@nestjs/common';
import { canonicalHash } from '../rules/defaults/canonical-hash.js';
import { RuleSetRegistry, type AnyRuleDocument, type RuleSetId } from '../rules/registry/rule-set-registry.service.js';
import { PortfolioEvaluator } from './portfolio-evaluator.js';
import { buildSimulationReport, type SimulationReport } from './simulation-report.js';

/** What would change if a rule set were replaced by a candidate, on today's portfolio. Writes nothing. */
@Injectable()
export class SimulationService {
  constructor(private readonly registry: RuleSetRegistry, private readonly portfolio: PortfolioEvaluator) {}

  async simulate(tenantId: string, kind: RuleSetId, candidate: AnyRuleDocument, candidateVersion: number, asOf = new Date()): Promise<SimulationReport & { kind: string; asOf: string }> {
    const current = await this.registry.activeRules(tenantId);
    const proposed = await this.registry.activeRules(tenantId, { [kind]: { document: candidate, version: candidateVersion, hash: canonicalHash(candidate) } });
    const rows = await this.portfolio.evaluate(tenantId, [current, proposed], asOf);
    return { kind, asOf: asOf.toISOString(), ...buildSimulationReport(rows) };
  }
}
