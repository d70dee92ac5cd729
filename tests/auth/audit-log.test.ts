// Every change a person or integration makes is in the append-only audit log: who, when, what, before/after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';
import { createTenant } from '../api/fixtures.js';

describe.each(testDialects())('audit log ($name)', (dialect) => {
  let app: TestApp;
  const ada = { actor: 'Ada Admin', role: 'admin' as const };

  beforeAll(async () => {
    app = await startTestApp(dialect);
    await createTenant(app, 'acme');
    await createTenant(app, 'globex');
  });
  afterAll(async () => app?.close());

  const entries = async (query: string, tenant = 'acme') => {
    const res = await app.call('GET', `/api/v1/audit${query}`, undefined, { tenant });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items as any[];
  };

  it('records create, update and delete with the actor and the before/after values, in the same transaction', async () => {
    const created = await app.call('POST', '/api/v1/accounts', { name: 'Audited LLP', industry: 'legal', clientSince: '2024-01-01' }, { ...ada, actor: 'Cleo Creator', role: 'program_owner' });
    const id = created.body.id as string;
    await app.call('PATCH', `/api/v1/accounts/${id}`, { name: 'Audited Partners LLP', segment: 'enterprise' }, ada);
    const log = await entries(`?resource=accounts&resourceId=${id}`);
    expect(log.map((e) => e.action)).toEqual(['update', 'create']);
    const [update, create] = log;
    expect(create).toMatchObject({ actorName: 'Cleo Creator', actorKind: 'user', resource: 'accounts', resourceId: id, before: null, request: 'POST /api/v1/accounts' });
    expect(create.after).toMatchObject({ name: 'Audited LLP', industry: 'legal', tenantId: 'acme' });
    expect(update).toMatchObject({ actorName: 'Ada Admin', before: { name: 'Audited LLP', segment: null }, after: { name: 'Audited Partners LLP', segment: 'enterprise' } });
    expect(Date.parse(update.at)).toBeGreaterThanOrEqual(Date.parse(create.at));
    await app.call('DELETE', `/api/v1/accounts/${id}`, undefined, ada);
    const [deleted] = await entries(`?resource=accounts&resourceId=${id}&action=delete`);
    expect(deleted).toMatchObject({ actorName: 'Ada Admin', after: null, before: { name: 'Audited Partners LLP' } });
  });

  it('writes nothing and records nothing for a refused change', async () => {
    const before = (await entries('?limit=500')).length;
    expect((await app.call('POST', '/api/v1/accounts', { name: '', industry: 'legal', clientSince: '2024-01-01' }, ada)).status).toBe(400);
    expect((await app.call('POST', '/api/v1/accounts', { name: 'Viewer try', industry: 'legal', clientSince: '2024-01-01' }, { role: 'viewer' })).status).toBe(403);
    expect((await entries('?limit=500')).length).toBe(before);
  });

  it('never stores secrets: users and API keys are audited without password or key hashes', async () => {
    const user = await app.call('POST', '/api/v1/users', { email: 'vic@acme.test', name: 'Vic Viewer', password: 'a long enough password', roles: ['viewer'] }, ada);
    const key = await app.call('POST', '/api/v1/api-keys', { name: 'erp', role: 'integration' }, ada);
    const log = JSON.stringify(await entries('?limit=500'));
    expect(log).toContain(user.body.id);
    expect(log).toContain(key.body.id);
    expect(log).not.toMatch(/passwordHash|secretHash|scrypt\$/);
    expect(log).not.toContain(key.body.token.split('_')[2]);
  });

  it('records rule publishes with their reason, both sides of a concurrent publish, and who changed what', async () => {
    const tier = (await app.call('GET', '/api/v1/rule-sets/tier', undefined, ada)).body;
    const document = tier.document ?? tier;
    const drafts = await Promise.all([1, 2].map(() => app.call('POST', '/api/v1/rule-sets/tier/drafts', { document }, { actor: 'Paula Owner', role: 'program_owner' })));
    for (const d of drafts) expect(d.status, JSON.stringify(d.body)).toBe(201);
    const publishes = await Promise.all(drafts.map((d, i) => app.call('POST', `/api/v1/rule-sets/tier/versions/${d.body.version}/publish`, { reason: `quarterly review ${i}`, expectedActiveVersion: 0 }, { actor: `Publisher ${i}`, role: 'program_owner' })));
    expect(publishes.map((p) => p.status).sort()).toEqual([200, 409]);
    const ruleAudit = (await app.call('GET', '/api/v1/rule-sets/audit?kind=tier', undefined, ada)).body.items as any[];
    const publishEntries = ruleAudit.filter((e) => /publish/.test(e.action));
    expect(publishEntries.length).toBe(2); // the winner and the refused one
    expect(publishEntries.map((e) => e.actor).sort()).toEqual(['Publisher 0', 'Publisher 1']);
    // Both are in the firm's audit log too, with the acting person and the reason.
    const logged = (await entries('?resource=rule_audit_entries')).filter((e) => e.after?.kind === 'tier' && /publish/.test(e.after?.action));
    expect(logged.map((e) => e.actorName).sort()).toEqual(['Publisher 0', 'Publisher 1']);
    for (const e of logged) expect(e.after.reason).toMatch(/^quarterly review \d/);
    expect((await entries('?resource=rule_set_versions')).filter((e) => e.actorName === 'Paula Owner').length).toBe(2);
  });

  it('keeps each firm\'s log to itself and lets only admins read it', async () => {
    await app.call('POST', '/api/v1/accounts', { name: 'Globex Internal', industry: 'legal', clientSince: '2024-01-01' }, { tenant: 'globex' });
    expect(JSON.stringify(await entries('?limit=500'))).not.toContain('Globex Internal');
    expect(JSON.stringify(await entries('?limit=500', 'globex'))).toContain('Globex Internal');
    for (const role of ['program_owner', 'partner', 'account_manager', 'viewer', 'integration'] as const) {
      expect((await app.call('GET', '/api/v1/audit', undefined, { role })).status, role).toBe(403);
    }
    expect((await app.call('GET', '/api/v1/audit?from=yesterday', undefined, ada)).status).toBe(400);
  });

  it('does not attribute the system\'s own follow-up work (rescoring, escalation tasks) to the person whose change triggered it', async () => {
    const account = await app.call('POST', '/api/v1/accounts', { name: 'Trigger Co', industry: 'legal', clientSince: '2020-01-01' }, ada);
    await app.call('POST', '/api/v1/events', { events: [{ id: 'audit-nps-1', type: 'survey.responded', data: { accountId: account.body.id, kind: 'nps', score: 1, respondedAt: new Date().toISOString() } }] }, ada);
    await new Promise((r) => setTimeout(r, 1500)); // event-driven rescoring runs after the commit
    const log = await entries('?limit=500');
    const resources = new Set(log.filter((e) => e.actorName === 'test' || e.actorName === 'Ada Admin').map((e) => e.resource));
    expect(resources.has('survey_responses')).toBe(true);
    for (const derived of ['health_snapshots', 'account_health', 'escalation_records']) expect(resources.has(derived), derived).toBe(false);
    const escalationTasks = (await app.call('GET', `/api/v1/tasks?accountId=${account.body.id}&source=escalation`, undefined, ada)).body.items as { id: string }[];
    for (const task of escalationTasks) expect(log.some((e) => e.resourceId === task.id)).toBe(false);
  });
});
