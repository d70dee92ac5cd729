import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysAgo, startPluginKit, type PluginKit } from './plugin-kit.js';

const PACK = 'architecture.signals';
const SIGNAL = 'architecture-permit-overdue';

/**
 * A plugin's rule pack is authored like a core rule set: versions, validation against the plugin's
 * facts and operators, simulation on the live portfolio, publish with a reason, rollback, audit;
 * and a firm can switch a plugin off (or on) for its own accounts only.
 */
describe('plugin rule packs: authoring and per-tenant enablement', () => {
  let kit: PluginKit;
  let late: string; // permit decision 40 days overdue
  let veryLate: string; // 100 days overdue
  const pack = async (tenant = 'acme') => (await kit.app.call('GET', `/api/v1/rule-sets/${PACK}`, undefined, { tenant })).body;
  const signalsOf = async (id: string) => (await kit.health(id)).signals.map((s) => s.id);

  beforeAll(async () => {
    kit = await startPluginKit({ PLUGINS_DIR: mkdtempSync(join(tmpdir(), 'no-bundled-plugins-')), PLUGIN_PACKAGES: '@acme/retention-plugin-architecture' });
    late = await kit.account({ name: 'Late Permit Studio', industry: 'other', attributes: { architecture: { permitDecisionDue: daysAgo(40), permitsInProgress: 1 } } });
    veryLate = await kit.account({ name: 'Very Late Permit Studio', industry: 'other', attributes: { architecture: { permitDecisionDue: daysAgo(100), permitsInProgress: 3 } } });
    await kit.rescore(late, veryLate);
  });
  afterAll(() => kit?.close());

  it('lists the pack among the rule sets at version 0 (the shipped file)', async () => {
    const overview = (await kit.app.call('GET', '/api/v1/rule-sets')).body.ruleSets as { kind: string; activeVersion: number }[];
    expect(overview.map((r) => r.kind)).toContain(PACK);
    expect(await pack()).toMatchObject({ kind: PACK, version: 0, document: { plugin: 'architecture', extends: 'signals' } });
    expect(await signalsOf(late)).toContain(SIGNAL);
  });

  it('rejects a draft that uses an unknown fact or breaks the operator value schema, naming the path, and changes nothing', async () => {
    const { document } = await pack();
    const broken = structuredClone(document);
    broken.add[0].conditions.all[0].value = { min: 90, max: 10 };
    broken.add[0].conditions.all[1].fact = 'architecture.ghost';
    const res = await kit.app.call('POST', `/api/v1/rule-sets/${PACK}/drafts`, { document: broken });
    expect(res.status).toBe(400);
    const paths = (res.body.issues as { path: string }[]).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining([expect.stringMatching(/add\[0\]\.conditions\.all\[0\]\.value/), expect.stringMatching(/add\[0\]\.conditions\.all\[1\]\.fact/)]));
    expect((await kit.app.call('GET', `/api/v1/rule-sets/${PACK}/versions`)).body.versions).toHaveLength(1);
  });

  it('simulates a stricter draft on the live portfolio, publishes it with a reason, and rescoring agrees', async () => {
    const { document } = await pack();
    const stricter = structuredClone(document);
    stricter.add[0].conditions.all[0].value = { min: 60, max: 365 };
    const draft = await kit.app.call('POST', `/api/v1/rule-sets/${PACK}/drafts`, { document: stricter, basedOnVersion: 0 }, {});
    expect(draft.status).toBe(201);
    expect(draft.body.version).toBe(1);
    const sim = await kit.app.call('POST', `/api/v1/rule-sets/${PACK}/simulate`, { version: 1 });
    expect(sim.status).toBe(200);
    expect(sim.body.signalChanges).toEqual([{ accountId: late, name: 'Late Permit Studio', added: [], removed: [SIGNAL] }]);
    const published = await kit.app.call('POST', `/api/v1/rule-sets/${PACK}/versions/1/publish`, { reason: 'only chase permits more than two months late', expectedActiveVersion: 0 });
    expect(published.status).toBe(200);
    await kit.rescore(late, veryLate);
    expect(await signalsOf(late)).not.toContain(SIGNAL);
    expect(await signalsOf(veryLate)).toContain(SIGNAL);
    expect((await kit.health(veryLate)).ruleVersions[PACK]).toMatchObject({ version: 1 });
  });

  it('rolls back, and the audit log tells who did what and why', async () => {
    const res = await kit.app.call('POST', `/api/v1/rule-sets/${PACK}/rollback`, { toVersion: 0, reason: 'permit office backlog: back to 14 days' });
    expect(res.status).toBe(200);
    await kit.rescore(late);
    expect(await signalsOf(late)).toContain(SIGNAL);
    const audit = (await kit.app.call('GET', `/api/v1/rule-sets/audit?kind=${PACK}`)).body.items as { action: string; reason: string | null }[];
    expect(audit.map((a) => a.action)).toEqual(['rolled_back', 'published', 'draft_submitted']);
    expect(audit.find((a) => a.action === 'published')!.reason).toBe('only chase permits more than two months late');
    expect(audit.find((a) => a.action === 'rolled_back')!.reason).toBe('permit office backlog: back to 14 days');
  });

  it('a firm that switches the plugin off no longer gets its conclusions; other firms keep them', async () => {
    await kit.app.call('POST', '/api/v1/tenants', { id: 'other-firm', name: 'Other Firm LLP' }, { tenant: null });
    const theirs = (await kit.app.call('POST', '/api/v1/accounts', { name: 'Their Studio', industry: 'other', clientSince: daysAgo(900), attributes: { architecture: { permitDecisionDue: daysAgo(40), permitsInProgress: 1 } } }, { tenant: 'other-firm' })).body.id as string;
    await kit.app.call('POST', '/api/v1/scoring/rescore', { accountIds: [theirs] }, { tenant: 'other-firm' });

    const off = await kit.app.call('PUT', '/api/v1/tenants/acme/plugins', { enabled: [] });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ tenantId: 'acme', enabled: [], allInstalled: false });
    await kit.rescore(late);
    const snapshot = await kit.health(late);
    expect(snapshot.signals.map((s) => s.id)).not.toContain(SIGNAL);
    expect(snapshot.ruleVersions[PACK]).toBeUndefined();
    const otherSnapshot = (await kit.app.call('GET', `/api/v1/accounts/${theirs}/health`, undefined, { tenant: 'other-firm' })).body;
    expect(otherSnapshot.signals.map((s: { id: string }) => s.id)).toContain(SIGNAL);

    const unknown = await kit.app.call('PUT', '/api/v1/tenants/acme/plugins', { enabled: ['architecture', 'astrology'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.issues[0]).toMatchObject({ path: 'body.enabled[1]' });
    expect((await kit.app.call('GET', '/api/v1/tenants/acme/plugins')).body.enabled).toEqual([]);

    const on = await kit.app.call('PUT', '/api/v1/tenants/acme/plugins', { enabled: null });
    expect(on.body).toMatchObject({ enabled: ['architecture'], allInstalled: true });
    await kit.rescore(late);
    expect(await signalsOf(late)).toContain(SIGNAL);
  });
});
