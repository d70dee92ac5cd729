import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountHealth } from '../../src/scoring/account-health.entity.js';
import { HealthSnapshot } from '../../src/scoring/health-snapshot.entity.js';
import { ScoringService } from '../../src/scoring/scoring.service.js';
import { seedDemoPortfolio } from '../../src/persistence/demo/seed-demo.js';
import { RescoreOnActivity } from '../../src/scoring/rescore-on-activity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';

/**
 * A rescoring that reaches the same conclusions writes nothing and recognises that from the
 * signature on the health row, without reading the previous snapshots; rows from before
 * signatures existed are compared with their snapshot once and then carry one.
 */
describe.each(testDialects())('rescoring an unchanged portfolio ($name)', (dialect) => {
  let app: TestApp;
  let scoring: ScoringService;
  beforeAll(async () => {
    app = await startTestApp(dialect);
    await seedDemoPortfolio(app.orm, { tenantId: 'demo', asOf: new Date(), accounts: 40 });
    scoring = app.app.get(ScoringService);
  });
  afterAll(() => app?.close());

  const snapshots = () => app.orm.em.fork().count(HealthSnapshot, { tenantId: 'demo' });

  it('writes snapshots once, then nothing while nothing changes, and reads no snapshot to know it', async () => {
    const cold = await scoring.rescore('demo', 'all', 'manual');
    expect(cold.snapshots).toBe(cold.accounts);
    const rows = await app.orm.em.fork().find(AccountHealth, { tenantId: 'demo' });
    expect(rows.every((h) => /^[0-9a-f]{64}$/.test(h.signature ?? ''))).toBe(true);
    const warm = await scoring.rescore('demo', 'all', 'manual');
    expect(warm).toMatchObject({ snapshots: 0, escalations: 0 });
    expect(await snapshots()).toBe(cold.snapshots);
    // The previous snapshots are not needed to know: with them gone, the result is the same.
    await app.orm.em.fork().nativeUpdate(AccountHealth, { tenantId: 'demo' }, { snapshotId: '00000000-0000-4000-8000-000000000000' });
    const again = await scoring.rescore('demo', 'all', 'manual');
    expect(again.snapshots).toBe(0);
    expect(await snapshots()).toBe(cold.snapshots);
  });

  it('health rows without a signature (written before it existed) are compared with their snapshot, not re-snapshotted', async () => {
    // Point the rows back at their real latest snapshots, as before signatures.
    for (const s of await app.orm.em.fork().find(HealthSnapshot, { tenantId: 'demo' })) await app.orm.em.fork().nativeUpdate(AccountHealth, { tenantId: 'demo', accountId: s.accountId }, { snapshotId: s.id, signature: null });
    const before = await snapshots();
    const stats = await scoring.rescore('demo', 'all', 'manual');
    expect(stats.snapshots).toBe(0);
    expect(await snapshots()).toBe(before);
    expect((await app.orm.em.fork().find(AccountHealth, { tenantId: 'demo' })).every((h) => h.signature)).toBe(true);
  });

  it('a changed conclusion writes one snapshot whose delta is explained against the previous one', async () => {
    // A current promoter: an NPS of 0 must change its satisfaction points, whatever day the demo was drawn for.
    const current = await app.orm.em.fork().find(AccountHealth, { tenantId: 'demo', score: { $gte: 50 } });
    const latestSnapshots = await app.orm.em.fork().find(HealthSnapshot, { id: { $in: current.map((h) => h.snapshotId) } }, { fields: ['id', 'accountId', 'facts'] });
    const promoter = latestSnapshots.find((s) => { const nps = (s.facts as Record<string, unknown>).latestNps; return typeof nps === 'number' && nps >= 9; });
    expect(promoter, 'a demo account with a promoter NPS').toBeDefined();
    const health = current.find((h) => h.accountId === promoter!.accountId)!;
    const before = await snapshots();
    const res = await app.call('POST', '/api/v1/events', { events: [{ id: 'sig-1', type: 'survey.responded', data: { accountId: health.accountId, kind: 'nps', score: 0, respondedAt: new Date().toISOString() } }] }, { tenant: 'demo' });
    expect(res.status).toBe(200);
    // The event-driven rescoring writes the new snapshot; rescoring again afterwards writes nothing more.
    await app.app.get(RescoreOnActivity).settled();
    const stats = await scoring.rescore('demo', [health.accountId], 'manual');
    expect(stats.snapshots).toBe(0);
    expect(await snapshots()).toBe(before + 1);
    const [latest] = await app.orm.em.fork().find(HealthSnapshot, { tenantId: 'demo', accountId: health.accountId }, { orderBy: { computedAt: 'desc' }, limit: 1 });
    expect(latest.previousSnapshotId).toBe(health.snapshotId);
    expect(latest.delta?.summary).toMatch(/^[+−±]\d+/);
  });
});
