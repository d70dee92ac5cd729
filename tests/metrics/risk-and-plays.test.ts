import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Account } from '../../src/accounts/account.entity.js';
import { createPlayActivities } from '../../src/activities/play.activities.js';
import { seedDemoPortfolio } from '../../src/persistence/demo/seed-demo.js';
import { AccountHealth } from '../../src/scoring/account-health.entity.js';
import { HealthSnapshot } from '../../src/scoring/health-snapshot.entity.js';
import { atRiskSeverity } from '../../src/metrics/formulas/at-risk-severity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';
import { figures, table } from './metrics-fixtures.js';

const DAY = 86_400_000;
const T0 = new Date('2026-03-02T12:00:00.000Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const dayParam = (days: number) => at(days).toISOString().slice(0, 10);
const TENANT = 'risk';

/**
 * Risk and play figures over a timeline: the demo portfolio generated for 2026-03-02 and scored
 * then by the real rescoring; tasks completed through the API and plays recorded by the plays' own
 * activity on later days. The process clock (Date only) is moved so every write carries its day.
 */
describe.each(testDialects())('metrics API: risk, interventions and plays over time ($name)', (dialect) => {
  let app: TestApp;
  let critical: string;
  let others: string[];
  let healthy: string;
  let lost: string;

  async function record(accountId: string, play: 'recovery' | 'renewal' | 'win_back', day: number, event: 'started' | 'completed' | 'failed' | 'cancelled', outcome?: string) {
    vi.setSystemTime(at(day));
    const status = event === 'started' ? 'running' : event;
    await createPlayActivities(app.orm).recordPlay({ tenantId: TENANT, accountId, workflowId: `${TENANT}/${accountId}/${play}`, play, event, status, ...(outcome ? { outcome } : {}) });
  }

  beforeAll(async () => {
    app = await startTestApp(dialect);
    await seedDemoPortfolio(app.orm, { tenantId: TENANT, asOf: new Date('2026-03-02T00:00:00Z'), accounts: 120 });
    vi.useFakeTimers({ toFake: ['Date'], now: T0 });
    expect((await app.call('POST', '/api/v1/scoring/rescore', {}, { tenant: TENANT })).status).toBe(200);

    const em = app.orm.em.fork();
    const health = await em.find(AccountHealth, { tenantId: TENANT }, { orderBy: { score: 'asc', accountId: 'asc' } });
    critical = health.find((h) => h.band === 'critical')!.accountId;
    others = health.filter((h) => h.band !== 'healthy' && h.accountId !== critical).slice(0, 3).map((h) => h.accountId);
    healthy = health.find((h) => h.band === 'healthy')!.accountId;
    lost = (await em.findOne(Account, { tenantId: TENANT, status: 'churned' }))!.id;
    expect(others).toHaveLength(3);

    // Day 3: the critical account's review task is done (an intervention).
    vi.setSystemTime(at(3));
    const task = await app.call('POST', '/api/v1/tasks', { accountId: critical, title: 'Account review meeting', ownerRole: 'account_lead' }, { tenant: TENANT });
    expect(task.status).toBe(201);
    const done = await app.call('POST', `/api/v1/tasks/${task.body.id}/complete`, {}, { tenant: TENANT, actor: 'pat' });
    expect(done.status).toBe(200);
    // Days 5-7: recovery plays start on three more at-risk accounts; one is cancelled on day 8.
    await record(others[0], 'recovery', 5, 'started');
    await record(others[1], 'recovery', 6, 'started');
    await record(others[2], 'recovery', 7, 'started');
    await record(others[2], 'recovery', 8, 'cancelled');
    await record(healthy, 'renewal', 9, 'started');
    await record(lost, 'win_back', 10, 'started');
    await record(others[0], 'recovery', 20, 'completed', 'recovered');
    await record(others[1], 'recovery', 25, 'failed', 'not_recovered');
    vi.setSystemTime(at(30));
  });
  afterAll(async () => {
    vi.useRealTimers();
    await app?.close();
  });

  it('counts at-risk clients by severity exactly as their snapshots say (critical band, else the worst signal)', async () => {
    const snapshots = await app.orm.em.fork().find(HealthSnapshot, { tenantId: TENANT, computedAt: T0 });
    const expected = { critical: 0, high: 0, medium: 0, low: 0 };
    for (const s of snapshots) if (s.band !== 'healthy') expected[atRiskSeverity(s.band, s.signals.map((x) => x.severity))]++;
    const f = await figures(app, TENANT, `at=${dayParam(0)}`);
    expect(f.atRiskAccounts).toMatchObject({ value: snapshots.filter((s) => s.band !== 'healthy').length, inputs: { ...expected, scoredClients: snapshots.length } });
    expect(f.atRiskAccounts.value).toBeGreaterThan(0);

    const rows = (await table(app, TENANT, 'at-risk', `at=${dayParam(30)}`)).rows;
    const row = rows.find((r) => r.accountId === critical)!;
    expect(row).toMatchObject({ severity: 'critical', detectedAt: T0.toISOString(), daysAtRisk: 30, owner: expect.any(String) });
    expect(String(row.topSignals).length).toBeGreaterThan(0);
    expect(rows.some((r) => r.accountId === healthy)).toBe(false);
    expect(rows[0].severity).toBe('critical');
    // Before the first scoring nothing was known: no at-risk accounts, coverage undefined.
    const before = await figures(app, TENANT, `at=${dayParam(-1)}`);
    expect(before.atRiskAccounts.value).toBe(0);
    expect(before.touchpointCoverage.value).toBeNull();
  });

  it('measures time from detection to intervention (task done or recovery play started), per period', async () => {
    const atRiskAtT0 = (await figures(app, TENANT, `at=${dayParam(0)}`)).atRiskAccounts.value!;
    const f = await figures(app, TENANT, `at=${dayParam(30)}`);
    // 3, 5, 6 and 7 days after the detection on day 0.
    expect(f.detectionToInterventionDays).toMatchObject({ value: 5.25, inputs: { episodes: atRiskAtT0, intervened: 4, totalDays: 21 } });
    const early = await figures(app, TENANT, `at=${dayParam(6)}`);
    expect(early.detectionToInterventionDays).toMatchObject({ value: 4.67, inputs: { intervened: 3 } });
    // April alone detected nothing new.
    const april = await figures(app, TENANT, `period=month&at=${dayParam(30)}`);
    expect(april.detectionToInterventionDays).toMatchObject({ value: null, inputs: { episodes: 0 } });
  });

  it('counts interventions, the recovery rate (cancelled plays excluded), plays in flight and the win-back pipeline', async () => {
    const f = await figures(app, TENANT, `at=${dayParam(30)}`);
    expect(f.interventionsStarted.value).toBe(3);
    expect(f.recoveryRate).toMatchObject({ value: 0.5, inputs: { recovered: 1, ended: 2 } });
    expect(f.winBackPipeline.value).toBe(1);
    const dashboard = (await app.call('GET', `/api/v1/metrics/dashboard?at=${dayParam(30)}`, undefined, { tenant: TENANT })).body;
    expect(dashboard.playsInFlight).toEqual([{ play: 'renewal', running: 1 }, { play: 'win_back', running: 1 }]);
    const pipeline = (await table(app, TENANT, 'win-back-pipeline', `at=${dayParam(30)}`)).rows;
    expect(pipeline.find((r) => r.accountId === lost)).toMatchObject({ winBackPlay: `running since ${dayParam(10)}` });

    // The same questions as of day 6: two recoveries started, none ended yet, both in flight.
    const early = await figures(app, TENANT, `at=${dayParam(6)}`);
    expect(early.interventionsStarted.value).toBe(2);
    expect(early.recoveryRate).toMatchObject({ value: null, inputs: { ended: 0 } });
    const earlyDashboard = (await app.call('GET', `/api/v1/metrics/dashboard?at=${dayParam(6)}`, undefined, { tenant: TENANT })).body;
    expect(earlyDashboard.playsInFlight).toEqual([{ play: 'recovery', running: 2 }]);
    // Filters apply to plays too: the healthy account's segment has no recovery plays.
    const industry = (await app.orm.em.fork().findOneOrFail(Account, { id: healthy })).industry;
    const others3 = await app.orm.em.fork().find(Account, { id: { $in: others } });
    const recoveriesInIndustry = others3.filter((a) => a.industry === industry).length;
    expect((await figures(app, TENANT, `at=${dayParam(30)}&industry=${industry}`)).interventionsStarted.value).toBe(recoveriesInIndustry);
  });

  it('measures touchpoint coverage against the cadence the snapshots store (agreeing with their overdue flags)', async () => {
    const snapshots = await app.orm.em.fork().find(HealthSnapshot, { tenantId: TENANT, computedAt: T0 });
    const covered = snapshots.filter((s) => !s.cadence.some((c) => c.overdue)).length;
    const f = await figures(app, TENANT, `at=${dayParam(0)}`);
    expect(f.touchpointCoverage.inputs).toEqual({ covered, scoredClients: snapshots.length });
    const byTier = (await table(app, TENANT, 'touchpoint-coverage', `at=${dayParam(0)}`)).rows;
    expect(byTier.reduce((sum, r) => sum + Number(r.covered), 0)).toBe(covered);
    // A month without touchpoints later, fewer clients are within cadence.
    expect((await figures(app, TENANT, `at=${dayParam(30)}`)).touchpointCoverage.inputs.covered!).toBeLessThan(covered);
  });

  it('finds clients whose score fell 10+ points over 90 days', async () => {
    // The clock only moves forward (the last test of the file: later days stay in the past of day 100).
    vi.setSystemTime(at(100));
    expect((await app.call('POST', '/api/v1/scoring/rescore', {}, { tenant: TENANT })).status).toBe(200);
    // Expected from the stored history: latest score now vs the latest one 90 days earlier (day 10: the day-0 scores).
    const history = await app.orm.em.fork().find(HealthSnapshot, { tenantId: TENANT }, { orderBy: { computedAt: 'asc' } });
    const latestAt = (accountId: string, limit: Date) => history.filter((s) => s.accountId === accountId && s.computedAt <= limit).at(-1);
    const scored = [...new Set(history.map((s) => s.accountId))].filter((id) => latestAt(id, at(100)));
    const declining = scored.filter((id) => latestAt(id, at(10))!.score - latestAt(id, at(100))!.score >= 10).length;
    const f = await figures(app, TENANT, `at=${dayParam(100)}`);
    expect(f.decliningScoreShare.inputs).toMatchObject({ declining, scoredClients: scored.length, thresholdPoints: 10, lookbackDays: 90 });
    expect(declining).toBeGreaterThan(0);
    // On day 30 the baseline is each account's first score (scored within the 90 days): nobody fell 10 points in 3 days.
    expect((await figures(app, TENANT, `at=${dayParam(30)}`)).decliningScoreShare).toMatchObject({ value: 0 });
  });
});
