import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';
import { account, buildPortfolio, figures, invoice, personId, table } from './metrics-fixtures.js';
import { clientsWithChurn, smallClientsChurn, strategicClientChurns, tenNewClients } from './retention-fixtures.js';

const YEAR_2025 = 'period=year&at=2025-12-31';

/**
 * The retention, churn and economics figures end to end: fixture portfolios imported through the
 * API into a real, migrated database, figures read back through the metrics API.
 */
describe.each(testDialects())('metrics API: retention, churn and economics ($name)', (dialect) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp(dialect);
    await buildPortfolio(app, 'small-churn', smallClientsChurn());
    await buildPortfolio(app, 'strategic-churn', strategicClientChurns());
    await buildPortfolio(app, 'hundred-90', clientsWithChurn(100, 10));
    await buildPortfolio(app, 'hundred-95', clientsWithChurn(100, 5));
    await buildPortfolio(app, 'economics', tenNewClients());
    await buildPortfolio(app, 'expansion', {
      accounts: ['A', 'C', 'D'].map((ref) => account(ref)),
      invoices: [invoice('A', '2024-05-01', 100_000), invoice('A', '2025-05-01', 180_000), invoice('C', '2024-05-01', 100_000), invoice('C', '2025-05-01', 50_000), invoice('D', '2024-05-01', 100_000), invoice('D', '2025-05-01', 100_000)],
    });
    // Another firm with overlapping dates, references and costs: none of it may count for the others.
    await buildPortfolio(app, 'rival', { ...strategicClientChurns(), people: [{ name: 'Rival Partner', email: 'p1@firm.example', title: 'partner' }] });
    expect((await app.call('PUT', '/api/v1/metrics/acquisition-costs/2025', { partnerHours: 1, hourlyRate: 1, marketingSpend: 1, proposalCosts: 1, grossMargin: 0.9, expectedYears: 9 }, { tenant: 'rival' })).status).toBe(200);
  });
  afterAll(async () => app?.close());

  it('reproduces DOMAIN.md §9: 100 clients at 90% retention need 10 new clients to stay flat, at 95% five', async () => {
    const ninety = await figures(app, 'hundred-90', YEAR_2025);
    expect(ninety.logoRetention).toMatchObject({ value: 0.9, inputs: { clientsAtStart: 100, clientsAtEnd: 90, newClients: 0, lostClients: 10 } });
    expect(ninety.newClientsNeeded.value).toBe(10);
    const ninetyFive = await figures(app, 'hundred-95', YEAR_2025);
    expect(ninetyFive.logoRetention.value).toBe(0.95);
    expect(ninetyFive.newClientsNeeded.value).toBe(5);
  });

  it('diverges from revenue retention when many small clients churn: logo low, revenue high', async () => {
    const f = await figures(app, 'small-churn', YEAR_2025);
    // 11 clients at the start; S1-S5 left; W (won back) and N (new mid-year) are new clients, not retained ones.
    expect(f.logoRetention).toMatchObject({ value: 0.545455, inputs: { clientsAtStart: 11, clientsAtEnd: 8, newClients: 2, retainedClients: 6, lostClients: 5 } });
    expect(f.netRevenueRetention).toMatchObject({ value: 0.954545, inputs: { revenuePreviousPeriod: 1_100_000, revenueThisPeriod: 1_050_000 } });
    expect(f.grossRevenueRetention).toMatchObject({ value: 0.954545, inputs: { revenueKept: 1_050_000 } });
    expect(f.newClientsNeeded.value).toBe(5);
    expect(f.clients.value).toBe(8);
    expect(f.periodRevenue.value).toBe(1_075_000);
  });

  it('diverges the other way when one strategic client churns: logo high, revenue wrecked', async () => {
    const f = await figures(app, 'strategic-churn', YEAR_2025);
    expect(f.logoRetention.value).toBe(0.909091);
    expect(f.netRevenueRetention).toMatchObject({ value: 0.090909, inputs: { revenuePreviousPeriod: 1_100_000, revenueThisPeriod: 100_000 } });
    expect(f.grossRevenueRetention.value).toBe(0.090909);
    expect(f.churnedRevenue.value).toBe(1_000_000);
  });

  it('separates expansion (net, can exceed 100%) from contraction and churn (gross, capped per client)', async () => {
    // A grows 100k → 180k, C shrinks 100k → 50k, D stays at 100k.
    const f = await figures(app, 'expansion', YEAR_2025);
    expect(f.netRevenueRetention).toMatchObject({ value: 1.1, inputs: { revenuePreviousPeriod: 300_000, revenueThisPeriod: 330_000 } });
    expect(f.grossRevenueRetention).toMatchObject({ value: 0.833333, inputs: { revenueKept: 250_000 } });
    expect(f.logoRetention.value).toBe(1);
  });

  it('counts churn, its revenue, reasons and tenure, and the win-back rate (a won-back client is still a churn of its year)', async () => {
    const f = await figures(app, 'small-churn', YEAR_2025);
    expect(f.churnedClients).toMatchObject({ value: 5, inputs: { churnedClients: 5, wonBackSince: 0 } });
    expect(f.churnedRevenue.value).toBe(50_000);
    expect(f.winBackRate).toMatchObject({ value: 0.2, inputs: { wonBack: 1, churned: 5 } });
    expect((await table(app, 'small-churn', 'churn-reasons', YEAR_2025)).rows).toEqual([
      { reason: 'taken_for_granted', accounts: 3, revenue: 30_000, share: 0.6 },
      { reason: 'competitor_better_value', accounts: 2, revenue: 20_000, share: 0.4 },
    ]);
    expect((await table(app, 'small-churn', 'churn-by-tenure', YEAR_2025)).rows).toEqual([
      { band: '<1y', accounts: 1, revenue: 10_000 },
      { band: '1-2y', accounts: 0, revenue: 0 },
      { band: '2-5y', accounts: 4, revenue: 40_000 },
      { band: '5y+', accounts: 0, revenue: 0 },
    ]);
  });

  it('filters by tier, industry and relationship owner', async () => {
    const tier1 = await figures(app, 'small-churn', `${YEAR_2025}&tier=1`);
    expect(tier1.logoRetention).toMatchObject({ value: 0.5, inputs: { clientsAtStart: 10, clientsAtEnd: 7 } });
    expect(tier1.netRevenueRetention.value).toBe(0.5);
    const tier4 = await figures(app, 'small-churn', `${YEAR_2025}&tier=4`);
    expect(tier4.logoRetention).toMatchObject({ value: 1, inputs: { clientsAtStart: 1 } });
    expect(tier4.netRevenueRetention.value).toBe(1);
    expect((await figures(app, 'small-churn', `${YEAR_2025}&tier=3`)).logoRetention.value).toBeNull();

    const legal = await figures(app, 'small-churn', `${YEAR_2025}&industry=legal`);
    expect(legal.logoRetention).toMatchObject({ value: 0, inputs: { clientsAtStart: 5, clientsAtEnd: 0 } });
    expect(legal.netRevenueRetention.value).toBe(0);
    expect((await figures(app, 'small-churn', `${YEAR_2025}&industry=accounting`)).logoRetention.value).toBe(1);

    // Lost accounts keep the owner they had when they left.
    const p1 = await personId(app, 'small-churn', 'p1@firm.example');
    const owned = await figures(app, 'small-churn', `${YEAR_2025}&ownerPersonId=${p1}`);
    expect(owned.logoRetention).toMatchObject({ value: 0.25, inputs: { clientsAtStart: 4, clientsAtEnd: 1 } });
    expect(owned.netRevenueRetention.value).toBe(0.970874);
    const p2 = await personId(app, 'small-churn', 'p2@firm.example');
    expect((await figures(app, 'small-churn', `${YEAR_2025}&ownerPersonId=${p2}`)).logoRetention).toMatchObject({ value: 0.714286, inputs: { clientsAtStart: 7, clientsAtEnd: 7, newClients: 2 } });
    // Combined filters intersect.
    expect((await figures(app, 'small-churn', `${YEAR_2025}&ownerPersonId=${p1}&tier=4`)).logoRetention.inputs.clientsAtStart).toBe(1);
  });

  it('answers for the period asked: month, quarter, year and rolling 12 months', async () => {
    const may = await figures(app, 'small-churn', 'period=month&at=2025-05-15');
    expect(may.churnedClients.value).toBe(1);
    expect(may.logoRetention).toMatchObject({ value: 0.9, inputs: { clientsAtStart: 10, clientsAtEnd: 9 } });
    const q3 = await figures(app, 'small-churn', 'period=quarter&at=2025-08-01');
    expect(q3.churnedClients.value).toBe(1);
    expect(q3.logoRetention).toMatchObject({ value: 0.888889, inputs: { clientsAtStart: 9, clientsAtEnd: 9, newClients: 1 } });
    expect((await figures(app, 'small-churn', YEAR_2025)).churnedClients.value).toBe(5);
    // W churned (2024-09-01) and came back (2025-04-01) inside this window: a client at both ends, so retained.
    const rolling = await figures(app, 'small-churn', 'period=rolling12&at=2025-06-30');
    expect(rolling.logoRetention).toMatchObject({ value: 0.727273, inputs: { clientsAtStart: 11, clientsAtEnd: 9, retainedClients: 8, newClients: 1 } });
    expect(rolling.churnedClients.value).toBe(4);
    expect(rolling.winBackRate.value).toBe(0.25);
    const res = await app.call('GET', '/api/v1/metrics?period=quarter&at=2025-08-01', undefined, { tenant: 'small-churn' });
    expect(res.body.period).toMatchObject({ kind: 'quarter', from: '2025-07-01', to: '2025-09-30', asOfDay: '2025-09-30' });
    expect(res.body.filters).toEqual({ tier: null, industry: null, ownerPersonId: null });
  });

  it('reports portfolio shape: concentration, revenue from tiers 3-4, tenure (also per tier) and tier mix', async () => {
    const f = await figures(app, 'small-churn', YEAR_2025);
    expect(f.topTenConcentration).toMatchObject({ value: 1, inputs: { accountsWithRevenue: 8, totalRevenue: 1_075_000 } });
    expect(f.strategicRevenueShare.value).toBe(0.930233);
    expect(f.averageTenure).toMatchObject({ value: 3.85, inputs: { clients: 8 } });
    expect((await table(app, 'small-churn', 'tenure-by-tier', YEAR_2025)).rows.find((r) => r.tier === 4)).toEqual({ tier: 4, clients: 1, averageYears: 5.92, medianYears: 5.92, longestYears: 5.92 });
    const concentration = await table(app, 'small-churn', 'concentration', YEAR_2025);
    expect(concentration.rows[0]).toMatchObject({ rank: 1, name: 'Big Anchor Corp', revenue: 1_000_000, share: 0.930233 });
    expect(concentration.rows.at(-1)).toMatchObject({ cumulativeShare: 1 });
  });

  it('reproduces DOMAIN.md §9 economics: CAC $9,500, CLV $150,000, payback 4 months at CAC $10,000', async () => {
    const put = await app.call('PUT', '/api/v1/metrics/acquisition-costs/2025', { partnerHours: 200, hourlyRate: 300, marketingSpend: 20_000, proposalCosts: 15_000, grossMargin: 0.3, expectedYears: 5 }, { tenant: 'economics' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ period: '2025', periodStart: '2025-01-01', periodEnd: '2025-12-31', derived: { partnerCost: 60_000, totalCost: 95_000, effectiveClientsWon: 10, clientsWonSource: 'clientSince', acquisitionCost: 9_500 } });
    let f = await figures(app, 'economics', YEAR_2025);
    expect(f.acquisitionCost).toMatchObject({ value: 9_500, inputs: { partnerCost: 60_000, totalCost: 95_000, clientsWon: 10 } });
    expect(f.clientLifetimeValue).toMatchObject({ value: 150_000, inputs: { averageAnnualRevenuePerClient: 100_000, grossMargin: 0.3, expectedYears: 5 } });
    expect(f.paybackMonths).toMatchObject({ value: 3.8, inputs: { monthlyProfitPerClient: 2_500 } });

    // Replacing the entry (PUT is an upsert): CAC $10,000 against $30,000 profit a year → 4 months.
    const replacement = { partnerHours: 0, hourlyRate: 0, marketingSpend: 100_000, proposalCosts: 0, clientsWon: 10, grossMargin: 0.3, expectedYears: 5 };
    const first = await app.call('PUT', '/api/v1/metrics/acquisition-costs/2025', replacement, { tenant: 'economics' });
    const again = await app.call('PUT', '/api/v1/metrics/acquisition-costs/2025', replacement, { tenant: 'economics' });
    expect(again.body).toEqual(first.body);
    expect(first.body.derived).toMatchObject({ acquisitionCost: 10_000, clientsWonSource: 'entered' });
    f = await figures(app, 'economics', YEAR_2025);
    expect(f.acquisitionCost.value).toBe(10_000);
    expect(f.paybackMonths.value).toBe(4);
    const list = await app.call('GET', '/api/v1/metrics/acquisition-costs', undefined, { tenant: 'economics' });
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ period: '2025', marketingSpend: 100_000, clientsWon: 10, otherCosts: 0, retentionProgramCost: null });
  });

  it('uses the acquisition-cost entry covering the as-of day (quarter for month/quarter views, year otherwise) and computes program ROI', async () => {
    const year = { partnerHours: 10, hourlyRate: 200, marketingSpend: 1_000, proposalCosts: 0, grossMargin: 0.5, expectedYears: 4, retentionProgramCost: 2_000 };
    expect((await app.call('PUT', '/api/v1/metrics/acquisition-costs/2025', year, { tenant: 'small-churn' })).status).toBe(200);
    expect((await app.call('PUT', '/api/v1/metrics/acquisition-costs/2025-Q2', { partnerHours: 0, hourlyRate: 0, marketingSpend: 500, proposalCosts: 0, clientsWon: 2, grossMargin: 0.4, expectedYears: 3 }, { tenant: 'small-churn' })).status).toBe(200);

    const f = await figures(app, 'small-churn', YEAR_2025);
    // Only N's clientSince falls in 2025: (10 h × $200 + $1,000) / 1.
    expect(f.acquisitionCost).toMatchObject({ value: 3_000, inputs: { clientsWon: 1 }, note: expect.stringContaining('2025 (2025-01-01 to 2025-12-31)') });
    // W came back in 2025: its 2025 revenue ($20,000) × 50% margin = $10,000 kept for $2,000 → ROI 4.
    expect(f.programRoi).toMatchObject({ value: 4, inputs: { accountsKept: 1, revenueKept12m: 20_000, profitKept: 10_000, programCost: 2_000 } });
    expect(f.clientLifetimeValue).toMatchObject({ value: 268_750, inputs: { averageAnnualRevenuePerClient: 134_375, clients: 8 } });
    expect(f.paybackMonths.value).toBe(0.54);

    expect((await figures(app, 'small-churn', 'period=quarter&at=2025-05-15')).acquisitionCost).toMatchObject({ value: 250, note: expect.stringContaining('2025-Q2') });
    expect((await figures(app, 'small-churn', 'period=month&at=2025-05-15')).acquisitionCost.value).toBe(250);
    expect((await figures(app, 'small-churn', 'period=rolling12&at=2025-05-15')).acquisitionCost.value).toBe(3_000);
    // No entry covers mid-2026: the latest one that ended before it applies.
    expect((await figures(app, 'small-churn', 'period=rolling12&at=2026-06-30')).acquisitionCost).toMatchObject({ value: 3_000, note: expect.stringContaining('entry 2025 ') });
    // Without any entry: undefined, not zero.
    const none = await figures(app, 'strategic-churn', YEAR_2025);
    expect(none.acquisitionCost.value).toBeNull();
    expect(none.clientLifetimeValue.value).toBeNull();
    expect(none.programRoi.value).toBeNull();
  });

  it('never counts another tenant: its people, costs and accounts are invisible', async () => {
    const rivalPerson = await personId(app, 'rival', 'p1@firm.example');
    const f = await figures(app, 'small-churn', `${YEAR_2025}&ownerPersonId=${rivalPerson}`);
    expect(f.clients.value).toBe(0);
    expect(f.logoRetention.value).toBeNull();
    expect(f.periodRevenue.value).toBe(0);
    const list = await app.call('GET', '/api/v1/metrics/acquisition-costs', undefined, { tenant: 'rival' });
    expect(list.body.items.map((i: { marketingSpend: number }) => i.marketingSpend)).toEqual([1]);
    // The rival's data equals strategic-churn's: if it leaked into either, these exact figures would double.
    const strategic = await figures(app, 'strategic-churn', YEAR_2025);
    expect(strategic.logoRetention.inputs).toMatchObject({ clientsAtStart: 11, clientsAtEnd: 10 });
    expect(strategic.periodRevenue.value).toBe(100_000);
    expect((await app.call('GET', '/api/v1/metrics', undefined, { tenant: 'nobody-here' })).status).toBe(404);
  });

  it('returns null, never NaN or Infinity, for zero denominators', async () => {
    const res = await app.call('GET', '/api/v1/metrics?period=year&at=2010-12-31', undefined, { tenant: 'small-churn' });
    expect(res.status).toBe(200);
    for (const f of res.body.figures) {
      expect(f.value === null || Number.isFinite(f.value), f.id).toBe(true);
      for (const v of Object.values(f.inputs)) expect(v === null || Number.isFinite(v)).toBe(true);
    }
    const byId = Object.fromEntries(res.body.figures.map((f: { id: string }) => [f.id, f]));
    for (const id of ['logoRetention', 'grossRevenueRetention', 'netRevenueRetention', 'newClientsNeeded', 'winBackRate', 'topTenConcentration', 'strategicRevenueShare', 'averageTenure', 'decliningScoreShare', 'recoveryRate', 'touchpointCoverage', 'detectionToInterventionDays']) {
      expect(byId[id].value, id).toBeNull();
    }
    expect(byId.clients.value).toBe(0);
  });
});
