import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDemoAcquisitionCosts } from '../../src/persistence/demo/demo-acquisition-costs.js';
import { seedDemoPortfolio } from '../../src/persistence/demo/seed-demo.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';
import { figures, table, type FigureBody } from './metrics-fixtures.js';
import { AcquisitionCost } from '../../src/metrics/acquisition-costs/acquisition-cost.entity.js';

/** Figures that need data the demo seeder does not produce (acquisition costs, finished plays, interventions). */
const NEEDS_MORE_THAN_THE_DEMO = ['acquisitionCost', 'clientLifetimeValue', 'paybackMonths', 'programRoi', 'recoveryRate', 'detectionToInterventionDays'];

/**
 * The demo portfolio (`./retention start`) yields non-empty, plausible figures and tables, and the
 * metrics cost a fixed number of queries however many accounts there are (no query per account).
 */
describe.each(testDialects())('metrics on the demo portfolio ($name)', (dialect) => {
  let app: TestApp;

  beforeAll(async () => {
    // No background dispatcher polling while queries are counted.
    app = await startTestApp(dialect, { PLAY_DISPATCH_INTERVAL_MS: '600000' });
    for (const [tenant, accounts] of [['demo', 200], ['demo-small', 60], ['demo-costs', 100]] as const) {
      await seedDemoPortfolio(app.orm, { tenantId: tenant, asOf: new Date(), accounts });
      expect((await app.call('POST', '/api/v1/scoring/rescore', {}, { tenant })).status).toBe(200);
    }
    // The demo seeder enters three years of cost inputs; the first two firms stand for a firm that entered none.
    expect(await app.orm.em.fork().count(AcquisitionCost, { tenantId: 'demo-costs' })).toBe(3);
    expect(await seedDemoAcquisitionCosts(app.orm.em.fork(), 'demo-costs', new Date())).toBe(0);
    for (const tenantId of ['demo', 'demo-small']) await app.orm.em.fork().nativeDelete(AcquisitionCost, { tenantId });
  });
  afterAll(async () => app?.close());

  it('gives plausible figures for the default view (rolling 12 months to today)', async () => {
    const f = await figures(app, 'demo', '');
    const value = (id: string) => f[id].value as number;
    expect(value('clients')).toBeGreaterThan(170);
    expect(value('clients')).toBeLessThanOrEqual(200);
    expect(value('logoRetention')).toBeGreaterThan(0.8);
    expect(value('logoRetention')).toBeLessThanOrEqual(1);
    expect(value('grossRevenueRetention')).toBeGreaterThan(0.7);
    expect(value('grossRevenueRetention')).toBeLessThanOrEqual(1);
    expect(value('netRevenueRetention')).toBeGreaterThan(0.7);
    expect(value('netRevenueRetention')).toBeLessThan(1.5);
    expect(value('periodRevenue')).toBeGreaterThan(1_000_000);
    expect(value('topTenConcentration')).toBeGreaterThan(0.1);
    expect(value('topTenConcentration')).toBeLessThan(1);
    expect(value('strategicRevenueShare')).toBeGreaterThan(0.3);
    expect(value('averageTenure')).toBeGreaterThan(1);
    expect(value('averageTenure')).toBeLessThan(15);
    expect(value('churnedClients')).toBeGreaterThan(0);
    expect(value('churnedRevenue')).toBeGreaterThan(0);
    expect(value('atRiskAccounts')).toBeGreaterThan(0);
    expect(value('atRiskAccounts')).toBeLessThan(value('clients'));
    expect(value('touchpointCoverage')).toBeGreaterThan(0);
    expect(f.atRiskAccounts.inputs.scoredClients).toBe(value('clients'));
    const nulls = Object.values(f).filter((x: FigureBody) => x.value === null).map((x) => x.id).sort();
    expect(nulls).toEqual([...NEEDS_MORE_THAN_THE_DEMO].sort());
  });

  it('gives CAC, CLV, payback and program ROI once the demo acquisition costs are seeded', async () => {
    const f = await figures(app, 'demo-costs', '');
    expect(f.acquisitionCost.value).toBeGreaterThan(5_000);
    expect(f.acquisitionCost.value).toBeLessThan(500_000);
    expect(f.acquisitionCost.note).toContain(`entry ${new Date().getUTCFullYear()} `);
    expect(f.clientLifetimeValue.value).toBeGreaterThan(f.acquisitionCost.value!);
    expect(f.paybackMonths.value).toBeGreaterThan(0);
    expect(f.paybackMonths.value).toBeLessThan(36);
    expect(f.programRoi.value).not.toBeNull();
    const list = (await app.call('GET', '/api/v1/metrics/acquisition-costs', undefined, { tenant: 'demo-costs' })).body.items;
    expect(list.map((e: { period: string }) => e.period)).toHaveLength(3);
  });

  it('fills every table and the dashboard', async () => {
    const list = (await app.call('GET', '/api/v1/metrics/tables', undefined, { tenant: 'demo' })).body.tables as { name: string }[];
    for (const { name } of list) {
      const t = await table(app, 'demo', name, '');
      expect(t.rows.length, name).toBeGreaterThan(0);
    }
    expect((await table(app, 'demo', 'concentration', '')).rows).toHaveLength(10);
    const d = (await app.call('GET', '/api/v1/metrics/dashboard', undefined, { tenant: 'demo' })).body;
    expect(d.retentionTrend).toHaveLength(12);
    expect(d.tierMix.every((t: { accounts: number }) => t.accounts > 0)).toBe(true);
    expect(d.healthDistribution.reduce((s: number, b: { accounts: number }) => s + b.accounts, 0)).toBeGreaterThan(170);
    expect(d.topChurnReasons.length).toBeGreaterThan(0);
  });

  it('issues the same number of queries for 60 and for 200 accounts (aggregates and batches, no query per account)', async () => {
    const spy = vi.spyOn(app.orm.em.getConnection(), 'execute');
    const count = async (tenant: string, path: string) => {
      spy.mockClear();
      expect((await app.call('GET', path, undefined, { tenant })).status).toBe(200);
      return spy.mock.calls.length;
    };
    try {
      for (const path of ['/api/v1/metrics', '/api/v1/metrics/dashboard', '/api/v1/metrics/tables/at-risk', '/api/v1/metrics/tables/win-back-pipeline']) {
        const small = await count('demo-small', path);
        const large = await count('demo', path);
        expect(large, path).toBe(small);
        expect(large, path).toBeGreaterThan(5);
        expect(large, path).toBeLessThan(40);
      }
    } finally {
      spy.mockRestore();
    }
  });
});
