import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';
import { account, buildPortfolio, invoice } from './metrics-fixtures.js';
import { smallClientsChurn } from './retention-fixtures.js';

const YEAR_2025 = 'period=year&at=2025-12-31';
const REQUIRED_TABLES = ['at-risk', 'concentration', 'tenure-by-tier', 'churn-reasons', 'churn-by-tenure', 'touchpoint-coverage', 'win-back-pipeline', 'at-risk-by-severity', 'retention-by-segment', 'figures', 'retention-trend'];

/** The contract the web console depends on: shapes, validation, tables and CSV export. */
describe.each(testDialects())('metrics API contract ($name)', (dialect) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp(dialect);
    await buildPortfolio(app, 'small-churn', smallClientsChurn());
    await buildPortfolio(app, 'csv', {
      accounts: [
        account('F1', { name: '=HYPERLINK("http://evil.example","click")' }),
        account('F2', { name: 'Comma, Quote "Q" & Sons' }),
        account('F3', { name: '+cmd' }),
        account('F4', { name: '-2+3' }),
        account('F5', { name: '@SUM(A1)' }),
        account('F6', { name: 'Line\nBreak Ltd' }),
        account('F7', { name: 'Plain Client' }),
      ],
      invoices: ['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7'].map((ref, i) => invoice(ref, '2025-04-01', 70_000 - i * 10_000)),
    });
  });
  afterAll(async () => app?.close());

  it('rejects bad query parameters with 400 and the field path, on every route', async () => {
    const cases: [string, string][] = [
      ['period=weekly', 'query.period'],
      ['at=2025-13-01', 'query.at'],
      ['at=yesterday', 'query.at'],
      ['at=2999-01-01', 'query.at'],
      ['tier=5', 'query.tier'],
      ['tier=abc', 'query.tier'],
      ['industry=space', 'query.industry'],
      ['ownerPersonId=not-a-uuid', 'query.ownerPersonId'],
      ['colour=red', 'query'],
    ];
    for (const route of ['/api/v1/metrics', '/api/v1/metrics/dashboard', '/api/v1/metrics/tables/at-risk']) {
      for (const [query, path] of cases) {
        const res = await app.call('GET', `${route}?${query}`, undefined, { tenant: 'small-churn' });
        expect(res.status, `${route}?${query}`).toBe(400);
        expect(res.body.error).toBe('validation_failed');
        expect(res.body.issues.map((i: { path: string }) => i.path), `${route}?${query}`).toContain(path);
      }
    }
    expect((await app.call('GET', '/api/v1/metrics/tables/at-risk?format=xlsx', undefined, { tenant: 'small-churn' })).body.issues[0].path).toBe('query.format');
  });

  it('lets readers read and only program owners enter costs (metrics.read / metrics.inputs)', async () => {
    const costs = { partnerHours: 1, hourlyRate: 1, marketingSpend: 1, proposalCosts: 1, grossMargin: 0.5, expectedYears: 2 };
    expect((await app.call('GET', '/api/v1/metrics', undefined, { tenant: 'small-churn', credential: 'none' })).status).toBe(401);
    for (const role of ['viewer', 'partner', 'program_owner'] as const) {
      for (const path of ['/api/v1/metrics', '/api/v1/metrics/dashboard', '/api/v1/metrics/tables', '/api/v1/metrics/tables/at-risk', '/api/v1/metrics/acquisition-costs']) {
        expect((await app.call('GET', path, undefined, { tenant: 'small-churn', role })).status, `${role} ${path}`).toBe(200);
      }
    }
    // Account managers see their own accounts only: firm-wide metrics are not theirs.
    expect((await app.call('GET', '/api/v1/metrics', undefined, { tenant: 'small-churn', role: 'account_manager' })).status).toBe(403);
    expect((await app.call('PUT', '/api/v1/metrics/acquisition-costs/2030', costs, { tenant: 'small-churn', role: 'viewer' })).status).toBe(403);
    expect((await app.call('PUT', '/api/v1/metrics/acquisition-costs/2030', costs, { tenant: 'small-churn', role: 'partner' })).status).toBe(403);
    expect((await app.call('PUT', '/api/v1/metrics/acquisition-costs/2030', costs, { tenant: 'csv', role: 'program_owner' })).status).toBe(200);
    // Another firm's credential cannot read this firm by naming it in the header.
    expect((await app.call('GET', '/api/v1/metrics', undefined, { tenant: 'csv', headers: { 'x-tenant-id': 'small-churn' } })).status).toBe(403);
  });

  it('validates acquisition-cost inputs strictly: 400 with every field path, nothing stored', async () => {
    const good = { partnerHours: 200, hourlyRate: 300, marketingSpend: 20_000, proposalCosts: 15_000, grossMargin: 0.3, expectedYears: 5 };
    const bad = async (period: string, body: unknown) => {
      const res = await app.call('PUT', `/api/v1/metrics/acquisition-costs/${period}`, body, { tenant: 'small-churn' });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      return (res.body.issues as { path: string }[]).map((i) => i.path).sort();
    };
    expect(await bad('2025', { ...good, grossMargin: 1.5 })).toEqual(['body.grossMargin']);
    expect(await bad('2025', { ...good, grossMargin: -0.1, partnerHours: -1, marketingSpend: 'lots' })).toEqual(['body.grossMargin', 'body.marketingSpend', 'body.partnerHours']);
    expect(await bad('2025', { ...good, clientsWon: 2.5 })).toEqual(['body.clientsWon']);
    expect(await bad('2025', { ...good, expectedYears: 0 })).toEqual(['body.expectedYears']);
    expect(await bad('2025', { ...good, discount: 3 })).toEqual(['body']);
    const { hourlyRate: _, ...missing } = good;
    expect(await bad('2025', missing)).toEqual(['body.hourlyRate']);
    expect(await bad('2025-Q5', good)).toEqual(['path.period']);
    expect(await bad('25', { ...good, grossMargin: 2 })).toEqual(['body.grossMargin', 'path.period']);
    const list = await app.call('GET', '/api/v1/metrics/acquisition-costs', undefined, { tenant: 'small-churn' });
    expect(list.body.items).toEqual([]);
  });

  it('serves the dashboard: the monthly figures, a 12-month trend and the breakdowns', async () => {
    const res = await app.call('GET', `/api/v1/metrics/dashboard?${YEAR_2025}`, undefined, { tenant: 'small-churn' });
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.period).toMatchObject({ kind: 'year', from: '2025-01-01', to: '2025-12-31' });
    expect(d.figures.map((f: { id: string }) => f.id)).toEqual(['logoRetention', 'grossRevenueRetention', 'netRevenueRetention', 'atRiskAccounts', 'interventionsStarted', 'recoveryRate', 'programRoi']);
    for (const f of d.figures) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['id', 'label', 'value', 'unit', 'definition', 'inputs']));
      expect(f.definition.length).toBeGreaterThan(20);
    }
    expect(d.figures[0].target).toBe('≥ 90%');
    expect(d.retentionTrend.map((p: { month: string }) => p.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`));
    // The last point is the rolling 12 months ending 2025-12-31: calendar 2025.
    expect(d.retentionTrend.at(-1)).toEqual({ month: '2025-12', logoRetention: 0.545455, grossRevenueRetention: 0.954545, netRevenueRetention: 0.954545 });
    // Mid-year: the 12 months to 2025-06-30 (W churned and came back inside them).
    expect(d.retentionTrend[5].logoRetention).toBe(0.727273);
    expect(d.tierMix).toEqual([
      { tier: 1, accounts: 7, revenue: 75_000 },
      { tier: 2, accounts: 0, revenue: 0 },
      { tier: 3, accounts: 0, revenue: 0 },
      { tier: 4, accounts: 1, revenue: 1_000_000 },
    ]);
    expect(d.topChurnReasons).toEqual([
      { reason: 'taken_for_granted', accounts: 3, revenue: 30_000 },
      { reason: 'competitor_better_value', accounts: 2, revenue: 20_000 },
    ]);
    expect(d.healthDistribution.map((b: { band: string }) => b.band)).toEqual(['0-39', '40-59', '60-79', '80-100']);
    expect(d.atRiskBySeverity.map((b: { severity: string }) => b.severity)).toEqual(['critical', 'high', 'medium', 'low']);
    expect(d.playsInFlight).toEqual([]);
  });

  it('lists the tables and serves each one with columns and rows; unknown names are 404', async () => {
    const list = await app.call('GET', '/api/v1/metrics/tables', undefined, { tenant: 'small-churn' });
    expect(list.status).toBe(200);
    const names = list.body.tables.map((t: { name: string }) => t.name);
    expect(names).toEqual(expect.arrayContaining(REQUIRED_TABLES));
    for (const t of list.body.tables) expect(t.definition.length, t.name).toBeGreaterThan(20);
    for (const name of names) {
      const res = await app.call('GET', `/api/v1/metrics/tables/${name}?${YEAR_2025}`, undefined, { tenant: 'small-churn' });
      expect(res.status, name).toBe(200);
      expect(res.body).toMatchObject({ name, label: expect.any(String), definition: expect.any(String), period: { kind: 'year' } });
      const keys = res.body.columns.map((c: { key: string }) => c.key);
      for (const row of res.body.rows) expect(Object.keys(row).sort(), name).toEqual([...keys].sort());
    }
    const segments = (await app.call('GET', `/api/v1/metrics/tables/retention-by-segment?${YEAR_2025}`, undefined, { tenant: 'small-churn' })).body.rows;
    expect(segments.find((r: { segment: string }) => r.segment === '1')).toMatchObject({ segmentKind: 'tier', logoRetention: 0.5, netRevenueRetention: 0.5 });
    expect(segments.find((r: { segment: string }) => r.segment === 'legal')).toMatchObject({ segmentKind: 'industry', clientsAtStart: 5, logoRetention: 0 });
    const figuresTable = (await app.call('GET', `/api/v1/metrics/tables/figures?${YEAR_2025}`, undefined, { tenant: 'small-churn' })).body.rows;
    expect(figuresTable.find((r: { id: string }) => r.id === 'logoRetention')).toMatchObject({ value: 0.545455, unit: 'ratio', inputs: expect.stringContaining('clientsAtStart=11') });
    const pipeline = (await app.call('GET', `/api/v1/metrics/tables/win-back-pipeline?${YEAR_2025}`, undefined, { tenant: 'small-churn' })).body.rows;
    expect(pipeline.map((r: { name: string }) => r.name).sort()).toEqual(['Client S1', 'Client S2', 'Client S3', 'Client S4', 'Client S5']);
    expect(pipeline.find((r: { name: string }) => r.name === 'Client S5')).toMatchObject({ churnedOn: '2025-11-05', daysSinceChurn: 56, winBackDueFrom: '2026-02-03', winBackPlay: 'none', revenueLost: 10_000 });

    const unknown = await app.call('GET', '/api/v1/metrics/tables/everything', undefined, { tenant: 'small-churn' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toContain('concentration');
  });

  it('exports a table as CSV: header of labels, RFC 4180 quoting, formula cells neutralised, as an attachment', async () => {
    const response = await app.call('GET', `/api/v1/metrics/tables/concentration?${YEAR_2025}&format=csv`, undefined, { tenant: 'csv' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="concentration_2025-01-01_2025-12-31.csv"');
    const text = response.body as string;
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('Rank,Account id,Account,Tier,Revenue in period,Share of revenue,Cumulative share');
    const id = (await app.call('GET', '/api/v1/accounts?externalRef=F1', undefined, { tenant: 'csv' })).body.items[0].id;
    // Highest revenue first: F1 (70,000 of 280,000 = 25%; tier 2 by its revenue).
    expect(lines[1]).toBe(`1,${id},"'=HYPERLINK(""http://evil.example"",""click"")",2,70000,0.25,0.25`);
    expect(lines[2]).toContain(',"Comma, Quote ""Q"" & Sons",');
    expect(lines[3]).toContain(",'+cmd,");
    expect(lines[4]).toContain(",'-2+3,");
    expect(lines[5]).toContain(",'@SUM(A1),");
    // A line break inside a cell stays inside its quotes (the CSV record spans two text lines).
    expect(text).toContain(',"Line\nBreak Ltd",');
    expect(text).toContain(',Plain Client,');
  });

  it('documents the routes in the OpenAPI document', async () => {
    const res = await app.call('GET', '/openapi.json', undefined, { tenant: null });
    for (const path of ['/api/v1/metrics', '/api/v1/metrics/dashboard', '/api/v1/metrics/tables', '/api/v1/metrics/tables/{name}', '/api/v1/metrics/acquisition-costs', '/api/v1/metrics/acquisition-costs/{period}']) {
      expect(res.body.paths, path).toHaveProperty([path]);
    }
    expect(res.body.paths['/api/v1/metrics'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['period', 'at', 'tier', 'industry', 'ownerPersonId']));
    expect(res.body.components.schemas.AcquisitionCostInput.required).toEqual(expect.arrayContaining(['partnerHours', 'hourlyRate', 'marketingSpend', 'proposalCosts', 'grossMargin', 'expectedYears']));
    expect(res.body.components.schemas.MetricFigure.properties.unit.enum).toEqual(['ratio', 'currency', 'count', 'months', 'days', 'years']);
  });
});
