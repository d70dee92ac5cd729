import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import { Account } from '../accounts/account.entity.js';
import { accountIdsOfTenant, computeFactsForAccounts } from '../facts/batch-fact-computer.js';
import type { FactValues } from '../facts/fact-definition.js';
import { FactCatalog } from '../facts/fact-catalog.js';
import type { TenantRules } from '../rules/registry/tenant-rules.js';
import { AccountHealth } from '../scoring/account-health.entity.js';
import { evaluateAccount } from '../scoring/account-evaluator.js';
import type { AccountEvaluation } from '../scoring/evaluation.js';
import { historyFrom } from '../scoring/score-history.js';

export interface PortfolioRow {
  accountId: string;
  name: string;
  facts: FactValues;
  /** Protocols true on the account's current snapshot (escalations fire on new ones). */
  currentProtocols: string[];
  /** One evaluation per rule set given, in order. */
  evaluations: AccountEvaluation[];
}

const CHUNK = 500;

/**
 * Evaluates the live portfolio against one or more rule bundles without writing anything:
 * facts are computed once per chunk and shared by every bundle (simulation compares them).
 */
@Injectable()
export class PortfolioEvaluator {
  constructor(@Inject(MikroORM) private readonly orm: MikroORM, private readonly catalog: FactCatalog) {}

  async facts(tenantId: string, asOf = new Date()): Promise<{ accountId: string; name: string; facts: FactValues }[]> {
    const rows = await this.evaluate(tenantId, [], asOf);
    return rows.map(({ accountId, name, facts }) => ({ accountId, name, facts }));
  }

  async evaluate(tenantId: string, bundles: TenantRules[], asOf = new Date()): Promise<PortfolioRow[]> {
    const em = this.orm.em.fork();
    const ids = await accountIdsOfTenant(em, tenantId);
    const out: PortfolioRow[] = [];
    for (let start = 0; start < ids.length; start += CHUNK) {
      const chunk = ids.slice(start, start + CHUNK);
      const [facts, accounts, health] = await Promise.all([
        computeFactsForAccounts(this.catalog, em, tenantId, chunk, asOf),
        em.find(Account, { tenantId, id: { $in: chunk } }, { fields: ['id', 'name', 'industry'] }),
        em.find(AccountHealth, { tenantId, accountId: { $in: chunk } }),
      ]);
      const nameOf = new Map(accounts.map((a) => [a.id, a.name]));
      const industryOf = new Map(accounts.map((a) => [a.id, a.industry]));
      const healthOf = new Map(health.map((h) => [h.accountId, h]));
      for (const accountId of chunk) {
        const accountFacts = facts.get(accountId)!;
        const history = historyFrom(healthOf.get(accountId), asOf);
        const evaluations: AccountEvaluation[] = [];
        for (const rules of bundles) evaluations.push(await evaluateAccount(rules.forIndustry(industryOf.get(accountId)), accountFacts, history, asOf));
        out.push({ accountId, name: nameOf.get(accountId) ?? accountId, facts: accountFacts, currentProtocols: healthOf.get(accountId)?.protocols ?? [], evaluations });
      }
    }
    return out;
  }
}
