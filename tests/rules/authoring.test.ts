import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFactsForAccounts } from '../../src/facts/batch-fact-computer.js';
import { createCoreFactCatalog } from '../../src/facts/core-fact-providers.js';
import { seedDemoPortfolio } from '../../src/persistence/demo/seed-demo.js';
import { AccountHealth } from '../../src/scoring/account-health.entity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';
import { authHeaders } from '../support/test-credentials.js';

const T = { tenant: 'demo' };

describe.each(testDialects())('rule authoring on the demo portfolio ($name)', (dialect) => {
  let app: TestApp;
  let tierDoc: any;

  beforeAll(async () => {
    app = await startTestApp(dialect);
    await seedDemoPortfolio(app.orm, { tenantId: 'demo', asOf: new Date(), accounts: 200 });
    await app.call('POST', '/api/v1/scoring/rescore', {}, T);
    tierDoc = (await app.call('GET', '/api/v1/rule-sets/tier', undefined, T)).body.document;
  });
  afterAll(async () => app?.close());

  const tiers = async () => new Map((await app.orm.em.fork().find(AccountHealth, { tenantId: 'demo' })).map((h) => [h.accountId, h.tier]));

  it('simulating a higher tier-2 revenue floor reports exactly the accounts that move, and publishing + rescoring produces that', async () => {
    const raised = structuredClone(tierDoc);
    raised.tiers[0].conditions.any[0].value = 100_000; // tier 1: below 100K
    raised.tiers[1].conditions.all[0].value = 100_000; // tier 2: from 100K
    const draft = await app.call('POST', '/api/v1/rule-sets/tier/drafts', { document: raised }, { ...T });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect(draft.body).toMatchObject({ version: 1, status: 'draft', basedOnVersion: 0 });
    expect(draft.body.changes).toEqual([
      { path: 'tiers[0].conditions.any[0].value', before: 50_000, after: 100_000 },
      { path: 'tiers[1].conditions.all[0].value', before: 50_000, after: 100_000 },
    ]);

    const before = await tiers();
    const simulation = await app.call('POST', '/api/v1/rule-sets/tier/simulate', { version: 1 }, T);
    expect(simulation.status).toBe(200);
    const predicted = new Map(simulation.body.tierChanges.map((c: { accountId: string; from: number; to: number }) => [c.accountId, c]));
    expect(predicted.size).toBeGreaterThan(0);
    expect(simulation.body.distribution.after.tiers['1']).toBeGreaterThan(simulation.body.distribution.before.tiers['1']);

    // Independent check from the facts: every mover has an annual revenue between the old and the new floor.
    const em = app.orm.em.fork();
    const facts = await computeFactsForAccounts(createCoreFactCatalog(), em, 'demo', [...predicted.keys()] as string[], new Date());
    for (const [id, change] of predicted as Map<string, { from: number; to: number }>) {
      const revenue = facts.get(id)!.annualRelationshipValue as number;
      expect(revenue).toBeGreaterThanOrEqual(50_000);
      expect(revenue).toBeLessThan(100_000);
      expect(change.from).toBe(before.get(id));
      expect(change.to).toBe(change.from - 1);
    }

    const published = await app.call('POST', '/api/v1/rule-sets/tier/versions/1/publish', { reason: 'Tier 2 needs a 100K retainer to justify a dedicated account manager' }, { tenant: 'demo' });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body).toMatchObject({ activeVersion: 1, previousVersion: 0, rescoring: 'started' });
    await app.call('POST', '/api/v1/scoring/rescore', {}, T); // queued after the publish-triggered run

    const after = await tiers();
    const actual = [...after].filter(([id, tier]) => before.get(id) !== tier).map(([id]) => id).sort();
    expect(actual).toEqual([...predicted.keys()].sort());
    for (const id of actual) expect(after.get(id)).toBe((predicted.get(id) as { to: number }).to);
    // Snapshots name the rule version that made them.
    const health = await app.call('GET', `/api/v1/accounts/${actual[0]}/health`, undefined, T);
    expect(health.body.ruleVersions.tier.version).toBe(1);
    expect(health.body.delta.summary).toContain(`tier ${(predicted.get(actual[0]) as { from: number }).from} → ${(predicted.get(actual[0]) as { to: number }).to}`);
  });

  it('backtests a draft over stored history and exports a version as a file', async () => {
    const backtest = await app.call('POST', '/api/v1/rule-sets/tier/backtest', { version: 0 }, T);
    expect(backtest.status).toBe(200);
    expect(backtest.body.snapshots).toBeGreaterThan(0);
    expect(backtest.body.differing.tier).toBeGreaterThan(0); // history was scored partly under version 1
    const exported = await fetch(`${app.url}/api/v1/rule-sets/tier/versions/1/export`, { headers: await authHeaders({ tenant: 'demo', role: 'viewer' }) });
    expect(exported.headers.get('content-disposition')).toBe('attachment; filename="tier.json"');
    const file = (await exported.json()) as { tiers: { conditions: { all: { value: number }[] } }[] };
    expect(file.tiers[1].conditions.all[0].value).toBe(100_000);
  });

  it('of two concurrent publishes one wins and the other gets 409; both are audited', async () => {
    const base = (await app.call('GET', '/api/v1/rule-sets/signals', undefined, T)).body.document;
    const a = structuredClone(base);
    a.signals[0].severity = 'high';
    const b = structuredClone(base);
    b.signals[1].severity = 'high';
    const va = (await app.call('POST', '/api/v1/rule-sets/signals/drafts', { document: a }, T)).body.version;
    const vb = (await app.call('POST', '/api/v1/rule-sets/signals/drafts', { document: b }, T)).body.version;
    const results = await Promise.all([
      app.call('POST', `/api/v1/rule-sets/signals/versions/${va}/publish`, { reason: 'raise engagement-declining' }, { tenant: 'demo' }),
      app.call('POST', `/api/v1/rule-sets/signals/versions/${vb}/publish`, { reason: 'raise meetings-cancelled' }, { tenant: 'demo' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const audit = (await app.call('GET', '/api/v1/rule-sets/audit?kind=signals', undefined, T)).body.items;
    expect(audit.map((e: { action: string }) => e.action).sort()).toEqual(['draft_submitted', 'draft_submitted', 'publish_rejected', 'published']);
    const published = audit.find((e: { action: string }) => e.action === 'published');
    expect(published.changes).toHaveLength(1);
    expect(published.reason).toMatch(/^raise /);
  });

  it('rolls back to the default, refuses stale or duplicate switches, and keeps versions immutable', async () => {
    const rollback = await app.call('POST', '/api/v1/rule-sets/tier/rollback', { toVersion: 0, reason: 'back to the defaults', expectedActiveVersion: 1 }, { tenant: 'demo' });
    expect(rollback.status, JSON.stringify(rollback.body)).toBe(200);
    expect(rollback.body).toMatchObject({ activeVersion: 0, previousVersion: 1 });
    expect((await app.call('POST', '/api/v1/rule-sets/tier/rollback', { toVersion: 1, reason: 'stale view', expectedActiveVersion: 1 }, T)).status).toBe(409);
    expect((await app.call('POST', '/api/v1/rule-sets/tier/versions/1/publish', { reason: 'again' }, T)).status).toBe(409);
    expect((await app.call('POST', '/api/v1/rule-sets/tier/rollback', { toVersion: 1, reason: 'x' }, T)).status).toBe(400); // reason too short
    const versions = (await app.call('GET', '/api/v1/rule-sets/tier/versions', undefined, T)).body;
    expect(versions.activeVersion).toBe(0);
    expect(versions.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([[1, 'published'], [0, 'published']]);
  });
});
