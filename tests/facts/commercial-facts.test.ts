import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commercialFactsProvider } from '../../src/facts/providers/commercial-facts.provider.js';
import { testDialects } from '../support/test-databases.js';
import { Entities as E, account, accountId, day, insert, openFactsDb, run, type FactsDb } from './facts-fixtures.js';

const RICH = accountId(1);
const EMPTY = accountId(2);
const PAID_30_LATE = accountId(3);
const PAID_31_LATE = accountId(4);
const UNPAID = accountId(5);

const invoice = (accountId: string, amount: number, issued: number, due: number, paid: number | null) =>
  [E.Invoice, { accountId, amount, issuedOn: day(issued), dueOn: day(due), paidOn: paid === null ? null : day(paid) }] as [unknown, Record<string, unknown>];

describe.each(testDialects())('commercial facts ($name)', (dialect) => {
  let db: FactsDb;
  beforeAll(async () => {
    db = await openFactsDb(dialect);
    await insert(db.orm, [
      ...[1, 2, 3, 4, 5].map((n) => account(n)),
      // Contracts: one expired, two active (one multi-year auto-renewing retainer), one starting after asOf.
      [E.Contract, { accountId: RICH, kind: 'project', title: 'Old', value: 200000, annualValue: 100000, startDate: '2023-01-01', endDate: '2024-12-31' }],
      [E.Contract, { accountId: RICH, kind: 'retainer', title: 'Retainer', value: 240000, annualValue: 120000, startDate: '2025-01-01', endDate: '2027-01-31', autoRenew: true }],
      [E.Contract, { accountId: RICH, kind: 'project', title: 'Project', value: 17500, annualValue: 30000, startDate: '2026-03-01', endDate: '2026-09-30' }],
      [E.Contract, { accountId: RICH, kind: 'retainer', title: 'Future', value: 1, annualValue: 999999, startDate: day(-16), endDate: null }],
      // Invoices (issued, due, paid in days before asOf).
      invoice(RICH, 10000, 10, -20, null), // not due yet
      invoice(RICH, 8000, 100, 70, 40), // 30 days late
      invoice(RICH, 5000, 120, 90, 59), // 31 days late
      invoice(RICH, 7000, 50, 20, null), // overdue 20 days
      invoice(RICH, 3000, 400, 370, null), // issued over a year ago, still unpaid: overdue 370 days
      invoice(RICH, 4000, 200, 170, 175), // paid early
      invoice(RICH, 99999, -5, -35, null), // after asOf: ignored
      invoice(RICH, 2000, 300, 270, -3), // paid after asOf: unpaid at asOf, 270 days late
      invoice(RICH, 1000, 90, 60, 60), // exactly 90 days ago: previous quarter
      invoice(RICH, 500, 89, 59, 59), // 89 days ago: last quarter
      // Engagements.
      [E.Engagement, { accountId: RICH, name: 'E1', serviceLine: 'audit', budget: 50000, actualCost: 60000, startDate: day(200), plannedEndDate: day(10), status: 'active' }],
      [E.Engagement, { accountId: RICH, name: 'E2', serviceLine: 'tax', budget: 20000, actualCost: 15000, startDate: day(300), plannedEndDate: day(150), actualEndDate: day(100), status: 'completed' }],
      [E.Engagement, { accountId: RICH, name: 'E3', serviceLine: 'advisory', budget: 10000, actualCost: 12000, startDate: day(500), plannedEndDate: day(300), actualEndDate: day(300), status: 'completed' }],
      [E.Engagement, { accountId: RICH, name: 'E4', serviceLine: 'legacy', budget: 1, actualCost: 2, startDate: day(900), plannedEndDate: day(400), actualEndDate: day(400), status: 'completed' }],
      [E.Engagement, { accountId: RICH, name: 'E5', serviceLine: 'strategy', budget: 1, actualCost: 0, startDate: day(-30), plannedEndDate: day(-90), status: 'planned' }],
      [E.Engagement, { accountId: RICH, name: 'E6', serviceLine: 'audit', budget: 1000, actualCost: 500, startDate: day(100), plannedEndDate: day(-5), actualEndDate: day(-10), status: 'completed' }],
      // Opportunities and wallet estimates.
      [E.Opportunity, { accountId: RICH, kind: 'upsell', title: 'O1', expectedValue: 25000, stage: 'identified' }],
      [E.Opportunity, { accountId: RICH, kind: 'cross_sell', title: 'O2', expectedValue: 15000.5, stage: 'negotiating' }],
      [E.Opportunity, { accountId: RICH, kind: 'upsell', title: 'O3', expectedValue: 50000, stage: 'won' }],
      [E.Opportunity, { accountId: RICH, kind: 'upsell', title: 'O4', expectedValue: 1000, stage: 'lost' }],
      [E.WalletEstimate, { accountId: RICH, annualSpend: 500000, asOf: day(400) }],
      [E.WalletEstimate, { accountId: RICH, annualSpend: 300000, asOf: day(30) }],
      [E.WalletEstimate, { accountId: RICH, annualSpend: 1000000, asOf: day(-10) }],
      // Payment edge cases: paid 30 vs 31 days after due; open-ended contract.
      invoice(PAID_30_LATE, 1000, 60, 45, 15),
      [E.Contract, { accountId: PAID_30_LATE, kind: 'retainer', title: 'Evergreen', value: 1, annualValue: 60000, startDate: '2020-01-01', endDate: null }],
      invoice(PAID_31_LATE, 1000, 60, 45, 14),
      // Unpaid: one 31 days overdue at asOf, one due exactly at asOf (not overdue); no spend in the previous quarter.
      invoice(UNPAID, 1000, 61, 31, null),
      invoice(UNPAID, 500, 30, 0, null),
    ]);
  });
  afterAll(async () => db?.close());

  it('computes revenue, contracts, payments, delivery, pipeline and wallet', async () => {
    const facts = await run(db.orm, commercialFactsProvider, [RICH]);
    expect(facts.get(RICH)).toEqual({
      annualRevenue: 150000,
      activeContracts: 2,
      hasRetainer: true,
      hasMultiYearContract: true, // 2025-01-01 → 2027-01-31 is 760 days
      autoRenew: true,
      daysToContractEnd: 107, // 2026-09-30
      contractValueChangePct: -75, // 30,000 (newest started by asOf) vs 120,000
      trailing12mRevenue: 37500,
      annualRelationshipValue: 150000,
      revenueLast90d: 17500,
      revenuePrev90d: 14000,
      spendTrendQoQPct: 25,
      maxDaysInvoiceLate: 370,
      avgDaysInvoiceLate: 90.1, // (30 + 31 + 20 + 370 + 0 + 270 + 0 + 0) / 8
      overdueInvoiceCount: 3,
      overdueAmount: 12000,
      activeEngagements: 2, // E1, and E6 which ended after asOf
      projectsOverBudget: 1, // E1 (E3 ended too long ago)
      projectsLate: 2, // E1 past planned end, E2 ended after planned end
      serviceLineCount: 3, // audit, tax, advisory
      daysSinceLastEngagementEnd: 100,
      openOpportunityValue: 40000.5,
      openOpportunityCount: 2,
      walletAnnualSpend: 300000,
      shareOfWalletPct: 12.5,
    });
  });

  it('uses 0 for counts and sums, false for booleans and null for what cannot be computed', async () => {
    const facts = await run(db.orm, commercialFactsProvider, [EMPTY]);
    expect(facts.get(EMPTY)).toEqual({
      annualRevenue: 0, activeContracts: 0, hasRetainer: false, hasMultiYearContract: false, autoRenew: false,
      daysToContractEnd: null, contractValueChangePct: null,
      trailing12mRevenue: 0, annualRelationshipValue: 0, revenueLast90d: 0, revenuePrev90d: 0, spendTrendQoQPct: null,
      maxDaysInvoiceLate: null, avgDaysInvoiceLate: null, overdueInvoiceCount: 0, overdueAmount: 0,
      activeEngagements: 0, projectsOverBudget: 0, projectsLate: 0, serviceLineCount: 0, daysSinceLastEngagementEnd: null,
      openOpportunityValue: 0, openOpportunityCount: 0, walletAnnualSpend: null, shareOfWalletPct: null,
    });
  });

  it('measures payment delays in whole days: paid 30 vs 31 days late, unpaid counting until asOf', async () => {
    const facts = await run(db.orm, commercialFactsProvider, [PAID_30_LATE, PAID_31_LATE, UNPAID]);
    expect(facts.get(PAID_30_LATE)).toMatchObject({ maxDaysInvoiceLate: 30, avgDaysInvoiceLate: 30, overdueInvoiceCount: 0, activeContracts: 1, daysToContractEnd: null, hasMultiYearContract: false, hasRetainer: true });
    expect(facts.get(PAID_31_LATE)).toMatchObject({ maxDaysInvoiceLate: 31, avgDaysInvoiceLate: 31, overdueInvoiceCount: 0 });
    expect(facts.get(UNPAID)).toMatchObject({
      maxDaysInvoiceLate: 31, avgDaysInvoiceLate: 15.5, overdueInvoiceCount: 1, overdueAmount: 1000,
      revenueLast90d: 1500, revenuePrev90d: 0, spendTrendQoQPct: null,
    });
  });

  it('moves with asOf: one day later the unpaid invoice is 32 days late', async () => {
    const later = new Date('2026-06-16T00:00:00.000Z');
    const facts = await run(db.orm, commercialFactsProvider, [UNPAID], later);
    expect(facts.get(UNPAID)).toMatchObject({ maxDaysInvoiceLate: 32, overdueInvoiceCount: 2, overdueAmount: 1500 });
  });
});
