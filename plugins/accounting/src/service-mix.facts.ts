import { declareFacts, groupBy, num, ratio, selectRows, FactClock, type FactBatchContext, type FactProvider, type FactValues } from '../../../src/plugin-api/index.js';
import { serviceKindOf } from './service-lines.js';

export const SERVICE_MIX_PROVIDER_ID = 'accounting.serviceMix';
/** Two years: one audit and tax cycle is too short to call a client compliance-only. */
export const SERVICE_MIX_WINDOW_DAYS = 730;

interface EngagementRow {
  account_id: string;
  service_line: string;
  budget: unknown;
}

/**
 * Compliance versus advisory work (DOMAIN.md section 10: the risk is being seen as a compliance
 * vendor). Over engagements started in the last 24 months, cancelled ones excluded; service
 * lines are classified by name (service-lines.ts), unclassified lines count as neither.
 * One query per batch.
 */
export const serviceMixFacts: FactProvider = {
  id: SERVICE_MIX_PROVIDER_ID,
  facts: declareFacts(SERVICE_MIX_PROVIDER_ID, [
    { name: 'accounting.advisoryRevenueShare', type: 'number', unit: 'ratio', min: 0, max: 1, label: 'advisory share of the work', description: 'Budgets of engagements started in the last 24 months in advisory lines (Advisory, Forensic Accounting, planning, valuation...) / budgets in advisory plus compliance lines (Audit, Tax, Payroll...), two decimals; null without such engagements or when their budgets sum to 0.' },
    { name: 'accounting.complianceOnly', type: 'boolean', label: 'compliance-only relationship', description: 'Whether the client had compliance engagements started in the last 24 months and no advisory engagement (false without any work).' },
  ]),

  async compute({ em, tenantId, accountIds, asOf }: FactBatchContext) {
    const clock = new FactClock(asOf);
    const rows = await selectRows<EngagementRow>(
      em,
      `select account_id, service_line, budget
         from engagements
        where tenant_id = :tenantId and account_id in (:ids)
          and start_date > :since and start_date <= :asOfDate and status <> 'cancelled'`,
      { tenantId, ids: accountIds, since: clock.sinceDate(SERVICE_MIX_WINDOW_DAYS), asOfDate: clock.asOfDate },
    );
    const byAccount = groupBy(rows);
    const out = new Map<string, Partial<FactValues>>();
    for (const accountId of accountIds) {
      const budget = { advisory: 0, compliance: 0 };
      const engagements = { advisory: 0, compliance: 0 };
      for (const row of byAccount.get(accountId) ?? []) {
        const kind = serviceKindOf(row.service_line);
        if (!kind) continue;
        budget[kind] += num(row.budget) ?? 0;
        engagements[kind] += 1;
      }
      out.set(accountId, {
        'accounting.advisoryRevenueShare': engagements.advisory + engagements.compliance > 0 ? ratio(budget.advisory, budget.advisory + budget.compliance) : null,
        'accounting.complianceOnly': engagements.compliance > 0 && engagements.advisory === 0,
      });
    }
    return out;
  },
};
