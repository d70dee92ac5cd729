import { declareFacts, type FactValues } from '../fact-definition.js';
import type { FactBatchContext, FactProvider } from '../fact-provider.js';
import { bool, changePct, count, mean, money, num, round } from '../numbers.js';
import { groupBy, indexBy, selectRows } from '../sql.js';
import { FactClock } from '../time.js';

export const COMMERCIAL_FACTS_PROVIDER_ID = 'core.commercial';

interface ContractRow {
  id: string;
  account_id: string;
  kind: string;
  annual_value: unknown;
  start_date: string;
  end_date: string | null;
  auto_renew: unknown;
}
interface InvoiceRow {
  account_id: string;
  amount: unknown;
  issued_on: string;
  due_on: string;
  paid_on: string | null;
}
interface EngagementRow {
  account_id: string;
  service_line: string;
  budget: unknown;
  actual_cost: unknown;
  planned_end_date: string;
  actual_end_date: string | null;
  status: string;
}

const MULTI_YEAR_DAYS = 730;

/**
 * Money and delivery facts: contracts, invoices, engagements, opportunities and wallet estimates.
 * Six queries per batch (one per table, plus one aggregate for the last engagement end). Amounts are
 * taken in the contract/invoice currency as-is (no FX).
 */
export const commercialFactsProvider: FactProvider = {
  id: COMMERCIAL_FACTS_PROVIDER_ID,
  facts: declareFacts(COMMERCIAL_FACTS_PROVIDER_ID, [
    { name: 'annualRevenue', type: 'number', unit: 'USD', min: 0, label: 'annual contract revenue', description: 'Sum of annualValue of contracts active at asOf (started on or before it, no end date or ending on or after it).' },
    { name: 'annualRelationshipValue', type: 'number', unit: 'USD', min: 0, label: 'annual relationship value', description: 'The larger of annualRevenue (contracted) and trailing12mRevenue (invoiced): tiers project-based clients by what they actually spend and retainer clients by what they signed.' },
    { name: 'trailing12mRevenue', type: 'number', unit: 'USD', min: 0, label: 'revenue in the last 12 months', description: 'Sum of invoice amounts issued in the last 365 days.' },
    { name: 'revenueLast90d', type: 'number', unit: 'USD', min: 0, label: 'revenue in the last 90 days', description: 'Sum of invoice amounts issued in the last 90 days.' },
    { name: 'revenuePrev90d', type: 'number', unit: 'USD', min: 0, label: 'revenue in the previous 90 days', description: 'Sum of invoice amounts issued 91 to 180 days before asOf.' },
    { name: 'spendTrendQoQPct', type: 'number', unit: 'percent', min: -100, label: 'spend trend quarter over quarter', description: '(revenueLast90d - revenuePrev90d) / revenuePrev90d x 100, one decimal; null when the previous quarter had no spend.' },
    { name: 'activeContracts', type: 'number', unit: 'count', min: 0, label: 'active contracts', description: 'Contracts active at asOf.' },
    { name: 'hasRetainer', type: 'boolean', label: 'has an active retainer', description: 'Whether an active contract is a retainer.' },
    { name: 'hasMultiYearContract', type: 'boolean', label: 'has a multi-year contract', description: 'Whether an active contract runs at least 730 days from start to end date (open-ended contracts do not count).' },
    { name: 'autoRenew', type: 'boolean', label: 'auto-renewing contract', description: 'Whether any active contract renews automatically.' },
    { name: 'daysToContractEnd', type: 'number', unit: 'days', min: 0, label: 'days to contract end', description: 'Days from asOf to the earliest end date among active contracts; null when no active contract has an end date.' },
    { name: 'contractValueChangePct', type: 'number', unit: 'percent', min: -100, label: 'contract value change', description: 'Annual value of the newest contract (by start date, started by asOf) against the one before it, in percent, one decimal; null with fewer than two contracts.' },
    { name: 'maxDaysInvoiceLate', type: 'number', unit: 'days', min: 0, label: 'longest invoice delay', description: 'Over invoices issued in the last 365 days and any invoice still unpaid past due: paid ones paidOn - dueOn, unpaid due ones asOf - dueOn (never below 0); the maximum; null without such invoices.' },
    { name: 'avgDaysInvoiceLate', type: 'number', unit: 'days', min: 0, label: 'average invoice delay', description: 'The average of the same per-invoice delays as maxDaysInvoiceLate, one decimal; null without such invoices.' },
    { name: 'overdueInvoiceCount', type: 'number', unit: 'count', min: 0, label: 'overdue invoices', description: 'Invoices unpaid at asOf whose due date is before asOf.' },
    { name: 'overdueAmount', type: 'number', unit: 'USD', min: 0, label: 'overdue amount', description: 'Sum of the amounts of overdue invoices.' },
    { name: 'projectsOverBudget', type: 'number', unit: 'count', min: 0, label: 'projects over budget', description: 'Engagements active at asOf or ended in the last 180 days whose actual cost exceeds the budget.' },
    { name: 'projectsLate', type: 'number', unit: 'count', min: 0, label: 'late projects', description: 'Active engagements past their planned end date, plus engagements ended in the last 180 days after their planned end date.' },
    { name: 'activeEngagements', type: 'number', unit: 'count', min: 0, label: 'active engagements', description: 'Engagements running at asOf: started, and either active/on hold without an end date or ending after asOf.' },
    { name: 'daysSinceLastEngagementEnd', type: 'number', unit: 'days', min: 0, label: 'days since the last engagement ended', description: 'Days since the latest actual end date of an engagement on or before asOf; null when none has ended.' },
    { name: 'openOpportunityValue', type: 'number', unit: 'USD', min: 0, label: 'open opportunity value', description: 'Sum of expected values of opportunities not won or lost.' },
    { name: 'openOpportunityCount', type: 'number', unit: 'count', min: 0, label: 'open opportunities', description: 'Opportunities not won or lost.' },
    { name: 'walletAnnualSpend', type: 'number', unit: 'USD', min: 0, label: 'estimated annual wallet', description: 'Annual spend of the latest wallet estimate dated on or before asOf; null without an estimate.' },
    { name: 'shareOfWalletPct', type: 'number', unit: 'percent', min: 0, label: 'share of wallet', description: 'trailing12mRevenue / walletAnnualSpend x 100, one decimal; null without a (non-zero) estimate.' },
    { name: 'serviceLineCount', type: 'number', unit: 'count', min: 0, label: 'service lines used', description: 'Distinct service lines of engagements running at some point in the last 365 days.' },
  ]),

  async compute({ em, tenantId, accountIds, asOf }: FactBatchContext) {
    const clock = new FactClock(asOf);
    const base = { tenantId, ids: accountIds, asOfDate: clock.asOfDate };
    const since90 = clock.sinceDate(90);
    const since180 = clock.sinceDate(180);
    const since365 = clock.sinceDate(365);

    const contracts = await selectRows<ContractRow>(
      em,
      `select id, account_id, kind, annual_value, start_date, end_date, auto_renew
         from contracts
        where tenant_id = :tenantId and account_id in (:ids) and start_date <= :asOfDate`,
      base,
    );
    const invoices = await selectRows<InvoiceRow>(
      em,
      `select account_id, amount, issued_on, due_on, paid_on
         from invoices
        where tenant_id = :tenantId and account_id in (:ids) and issued_on <= :asOfDate
          and (issued_on > :since365 or ((paid_on is null or paid_on > :asOfDate) and due_on < :asOfDate))`,
      { ...base, since365 },
    );
    const engagements = await selectRows<EngagementRow>(
      em,
      `select account_id, service_line, budget, actual_cost, planned_end_date, actual_end_date, status
         from engagements
        where tenant_id = :tenantId and account_id in (:ids) and start_date <= :asOfDate
          and (actual_end_date is null or actual_end_date > :since365)`,
      { ...base, since365 },
    );
    const lastEnds = await selectRows<{ account_id: string; last_end: string | null }>(
      em,
      `select account_id, max(actual_end_date) as last_end
         from engagements
        where tenant_id = :tenantId and account_id in (:ids) and actual_end_date <= :asOfDate
        group by account_id`,
      base,
    );
    const opportunities = await selectRows<{ account_id: string; open_count: unknown; open_value: unknown }>(
      em,
      `select account_id, count(*) as open_count, sum(expected_value) as open_value
         from opportunities
        where tenant_id = :tenantId and account_id in (:ids) and stage not in ('won', 'lost')
        group by account_id`,
      base,
    );
    const wallets = await selectRows<{ account_id: string; annual_spend: unknown }>(
      em,
      `select account_id, annual_spend from (
         select account_id, annual_spend,
                row_number() over (partition by account_id order by as_of desc, created_at desc, id desc) as rn
           from wallet_estimates
          where tenant_id = :tenantId and account_id in (:ids) and as_of <= :asOfDate
       ) latest where rn = 1`,
      base,
    );

    const contractsBy = groupBy(contracts);
    const invoicesBy = groupBy(invoices);
    const engagementsBy = groupBy(engagements);
    const lastEndBy = indexBy(lastEnds);
    const opportunitiesBy = indexBy(opportunities);
    const walletBy = indexBy(wallets);

    const result = new Map<string, Partial<FactValues>>();
    for (const accountId of accountIds) {
      const values: Partial<FactValues> = {};

      // Contracts
      const accountContracts = contractsBy.get(accountId) ?? [];
      const active = accountContracts.filter((c) => c.end_date === null || c.end_date >= clock.asOfDate);
      values.annualRevenue = money(active.reduce((sum, c) => sum + count(c.annual_value), 0));
      values.activeContracts = active.length;
      values.hasRetainer = active.some((c) => c.kind === 'retainer');
      values.hasMultiYearContract = active.some((c) => c.end_date !== null && clock.daysUntil(c.end_date)! - clock.daysUntil(c.start_date)! >= MULTI_YEAR_DAYS);
      values.autoRenew = active.some((c) => bool(c.auto_renew));
      const ends = active.filter((c) => c.end_date !== null).map((c) => clock.daysUntil(c.end_date)!);
      values.daysToContractEnd = ends.length > 0 ? Math.min(...ends) : null;
      const byStart = [...accountContracts].sort((a, b) => (a.start_date === b.start_date ? String(a.id).localeCompare(String(b.id)) : a.start_date < b.start_date ? -1 : 1));
      values.contractValueChangePct =
        byStart.length >= 2 ? changePct(count(byStart.at(-1)!.annual_value), count(byStart.at(-2)!.annual_value)) : null;

      // Invoices
      let trailing = 0;
      let last90 = 0;
      let prev90 = 0;
      let overdueCount = 0;
      let overdueAmount = 0;
      const delays: number[] = [];
      for (const invoice of invoicesBy.get(accountId) ?? []) {
        const amount = count(invoice.amount);
        const recent = invoice.issued_on > since365;
        if (recent) trailing += amount;
        if (invoice.issued_on > since90) last90 += amount;
        else if (invoice.issued_on > since180) prev90 += amount;
        const paid = invoice.paid_on !== null && invoice.paid_on <= clock.asOfDate;
        if (paid) {
          if (recent) delays.push(Math.max(0, clock.daysUntil(invoice.paid_on)! - clock.daysUntil(invoice.due_on)!));
        } else if (invoice.due_on <= clock.asOfDate) {
          delays.push(Math.max(0, clock.daysSince(invoice.due_on)!));
          if (invoice.due_on < clock.asOfDate) {
            overdueCount += 1;
            overdueAmount += amount;
          }
        }
      }
      values.trailing12mRevenue = money(trailing);
      values.annualRelationshipValue = Math.max(values.annualRevenue as number, values.trailing12mRevenue);
      values.revenueLast90d = money(last90);
      values.revenuePrev90d = money(prev90);
      values.spendTrendQoQPct = changePct(money(last90), money(prev90));
      values.maxDaysInvoiceLate = delays.length > 0 ? Math.max(...delays) : null;
      const avgDelay = mean(delays);
      values.avgDaysInvoiceLate = avgDelay === null ? null : round(avgDelay, 1);
      values.overdueInvoiceCount = overdueCount;
      values.overdueAmount = money(overdueAmount);

      // Engagements
      let activeEngagements = 0;
      let overBudget = 0;
      let late = 0;
      const serviceLines = new Set<string>();
      for (const e of engagementsBy.get(accountId) ?? []) {
        const ended = e.actual_end_date !== null && e.actual_end_date <= clock.asOfDate;
        const running = e.actual_end_date !== null ? !ended : e.status === 'active' || e.status === 'on_hold';
        const endedRecently = ended && e.actual_end_date! > since180;
        if (running) activeEngagements += 1;
        if ((running || endedRecently) && count(e.actual_cost) > count(e.budget)) overBudget += 1;
        if ((running && e.planned_end_date < clock.asOfDate) || (endedRecently && e.actual_end_date! > e.planned_end_date)) late += 1;
        // Closed without a recorded end: assume it ended as planned. Never-started work does not count.
        const end = e.actual_end_date ?? (e.status === 'completed' || e.status === 'cancelled' ? e.planned_end_date : null);
        const started = e.status !== 'planned' && !(e.status === 'cancelled' && e.actual_end_date === null);
        if (started && (end === null || end > since365)) serviceLines.add(e.service_line);
      }
      values.activeEngagements = activeEngagements;
      values.projectsOverBudget = overBudget;
      values.projectsLate = late;
      values.serviceLineCount = serviceLines.size;
      values.daysSinceLastEngagementEnd = clock.daysSince(lastEndBy.get(accountId)?.last_end ?? null);

      // Opportunities and wallet
      const opportunity = opportunitiesBy.get(accountId);
      values.openOpportunityValue = money(count(opportunity?.open_value));
      values.openOpportunityCount = count(opportunity?.open_count);
      const wallet = num(walletBy.get(accountId)?.annual_spend);
      values.walletAnnualSpend = wallet === null ? null : money(wallet);
      values.shareOfWalletPct = wallet === null || wallet === 0 ? null : round((values.trailing12mRevenue / wallet) * 100, 1);

      result.set(accountId, values);
    }
    return result;
  },
};
