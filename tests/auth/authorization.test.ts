// What each role may do, that a firm never reaches another firm's data, that account managers see only
// their accounts, and that clients cannot write what the system computes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/auth/roles.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';
import { createAccount, createTenant } from '../api/fixtures.js';

describe.each(testDialects())('authorization ($name)', (dialect) => {
  let app: TestApp;
  const acme: Record<string, string> = {};
  const globex: Record<string, string> = {};

  const create = async (path: string, body: Record<string, unknown>, tenant = 'acme') => {
    const res = await app.call('POST', `/api/v1/${path}`, body, { tenant });
    expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    app = await startTestApp(dialect);
    await createTenant(app, 'acme');
    await createTenant(app, 'globex');
    acme.mine = await createAccount(app, { name: 'Mine Corp' });
    acme.theirs = await createAccount(app, { name: 'Theirs Corp' });
    acme.manager = await create('people', { name: 'Morgan Manager', email: 'morgan@acme.test', title: 'manager' });
    acme.other = await create('people', { name: 'Olly Other', email: 'olly@acme.test', title: 'manager' });
    await create('team-assignments', { accountId: acme.mine, personId: acme.manager, role: 'account_lead', fromDate: '2024-01-01' });
    await create('team-assignments', { accountId: acme.theirs, personId: acme.other, role: 'account_lead', fromDate: '2024-01-01' });
    acme.mineTask = await create('tasks', { accountId: acme.mine, title: 'Call Mine', ownerRole: 'account_lead', ownerPersonId: acme.manager });
    acme.theirsTask = await create('tasks', { accountId: acme.theirs, title: 'Call Theirs', ownerRole: 'account_lead', ownerPersonId: acme.other });
    acme.personalTask = await create('tasks', { title: 'Update my CRM notes', ownerRole: 'account_lead', ownerPersonId: acme.manager });
    acme.mineTouchpoint = await create('touchpoints', { accountId: acme.mine, kind: 'strategic', channel: 'meeting', direction: 'outbound', occurredAt: '2026-10-01T09:00:00Z' });
    acme.theirsTouchpoint = await create('touchpoints', { accountId: acme.theirs, kind: 'strategic', channel: 'meeting', direction: 'outbound', occurredAt: '2026-10-02T09:00:00Z' });
    globex.account = await createAccount(app, { name: 'Globex Secret' }, 'globex');
    globex.task = await create('tasks', { accountId: globex.account, title: 'Globex task', ownerRole: 'account_lead' }, 'globex');
    globex.touchpoint = await create('touchpoints', { accountId: globex.account, kind: 'strategic', channel: 'meeting', direction: 'outbound', occurredAt: '2026-10-01T09:00:00Z' }, 'globex');
    await app.call('POST', '/api/v1/scoring/rescore', {}, { tenant: 'acme' });
    await app.call('POST', '/api/v1/scoring/rescore', {}, { tenant: 'globex' });
  });
  afterAll(async () => app?.close());

  const ROLES: Role[] = ['admin', 'program_owner', 'partner', 'account_manager', 'viewer', 'integration'];
  /** [label, method, path, body, roles allowed]: allowed roles must not get 403; every other role must. */
  const MATRIX: [string, string, string, unknown, Role[]][] = [
    ['list accounts', 'GET', '/api/v1/accounts', undefined, ROLES],
    ['create an account', 'POST', '/api/v1/accounts', { name: 'New', industry: 'legal', clientSince: '2025-01-01' }, ['admin', 'program_owner', 'integration']],
    ['ingest events', 'POST', '/api/v1/events', { events: [] }, ['admin', 'program_owner', 'integration']],
    ['read rule sets', 'GET', '/api/v1/rule-sets', undefined, ['admin', 'program_owner', 'partner', 'account_manager', 'viewer']],
    ['validate a rule draft', 'POST', '/api/v1/rule-sets/tier/validate', {}, ['admin', 'program_owner']],
    ['roll back rules', 'POST', '/api/v1/rule-sets/tier/rollback', { toVersion: 0, reason: 'checking access' }, ['admin', 'program_owner']],
    ['read metrics', 'GET', '/api/v1/metrics', undefined, ['admin', 'program_owner', 'partner', 'viewer']],
    ['enter CAC inputs', 'PUT', '/api/v1/metrics/acquisition-costs/2026', {}, ['admin', 'program_owner']],
    ['read escalations', 'GET', '/api/v1/escalations', undefined, ['admin', 'program_owner', 'partner', 'viewer']],
    ['rescore', 'POST', '/api/v1/scoring/rescore', { accountIds: [] }, ['admin', 'program_owner']],
    ['read the audit log', 'GET', '/api/v1/audit', undefined, ['admin']],
    ['manage users', 'GET', '/api/v1/users', undefined, ['admin']],
    ['manage API keys', 'POST', '/api/v1/api-keys', {}, ['admin']],
    ['enable plugins', 'PUT', '/api/v1/tenants/acme/plugins', { enabled: null }, ['admin']],
    ['read the inbox', 'GET', '/api/v1/inbox', undefined, ['admin', 'program_owner', 'partner', 'account_manager', 'viewer', 'integration']],
  ];

  it.each(MATRIX)('%s: only the allowed roles pass the gate', async (_label, method, path, body, allowed) => {
    for (const role of ROLES) {
      const res = await app.call(method, path, body, { role, personId: role === 'account_manager' ? acme.manager : null });
      if (allowed.includes(role)) expect(res.status, `${role} ${method} ${path}: ${JSON.stringify(res.body)}`).not.toBe(403);
      else {
        expect(res.status, `${role} ${method} ${path}`).toBe(403);
        expect(res.body.error).toBe('forbidden');
      }
    }
  });

  it("never lets one firm read or act on another firm's rows: 404 as for a missing id", async () => {
    const attempts: [string, string, unknown?][] = [
      ['GET', `/api/v1/accounts/${globex.account}`],
      ['PATCH', `/api/v1/accounts/${globex.account}`, { name: 'Owned' }],
      ['DELETE', `/api/v1/accounts/${globex.account}`],
      ['GET', `/api/v1/accounts/${globex.account}/health`],
      ['GET', `/api/v1/accounts/${globex.account}/health/history`],
      ['GET', `/api/v1/accounts/${globex.account}/facts`],
      ['GET', `/api/v1/accounts/${globex.account}/plays`],
      ['GET', `/api/v1/touchpoints/${globex.touchpoint}`],
      ['GET', `/api/v1/tasks/${globex.task}`],
      ['POST', `/api/v1/tasks/${globex.task}/complete`, {}],
      ['POST', `/api/v1/tasks/${globex.task}/reassign`, { ownerRole: 'account_lead' }],
      ['GET', '/api/v1/tenants/globex'],
      ['GET', '/api/v1/tenants/globex/plugins'],
    ];
    for (const [method, path, body] of attempts) {
      const res = await app.call(method, path, body, { tenant: 'acme' });
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(404);
    }
    const reference = await app.call('POST', '/api/v1/touchpoints', { accountId: globex.account, kind: 'strategic', channel: 'meeting', direction: 'outbound', occurredAt: '2026-10-01T09:00:00Z' }, { tenant: 'acme' });
    expect(reference.status).toBe(400);
    const everything = JSON.stringify([
      (await app.call('GET', '/api/v1/accounts?limit=500')).body,
      (await app.call('GET', '/api/v1/tasks?limit=500')).body,
      (await app.call('GET', '/api/v1/portfolio/accounts?limit=500')).body,
      (await app.call('GET', '/api/v1/inbox?status=all&limit=500')).body,
      (await app.call('GET', '/api/v1/escalations?limit=500')).body,
    ]);
    for (const id of Object.values(globex)) expect(everything).not.toContain(id);
    // The globex rows are intact.
    expect((await app.call('GET', `/api/v1/accounts/${globex.account}`, undefined, { tenant: 'globex' })).body.name).toBe('Globex Secret');
  });

  it('shows an account manager only the accounts they serve (and tasks assigned to them)', async () => {
    const am = { role: 'account_manager' as const, personId: acme.manager, actor: 'Morgan Manager' };
    const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id).sort();
    expect(ids((await app.call('GET', '/api/v1/accounts', undefined, am)).body)).toEqual([acme.mine]);
    expect(ids((await app.call('GET', '/api/v1/portfolio/accounts', undefined, am)).body)).toEqual([acme.mine]);
    expect(ids((await app.call('GET', '/api/v1/touchpoints', undefined, am)).body)).toEqual([acme.mineTouchpoint]);
    const tasks = ids((await app.call('GET', '/api/v1/tasks?limit=500', undefined, am)).body);
    expect(tasks).toEqual(expect.arrayContaining([acme.mineTask, acme.personalTask]));
    expect(tasks).not.toContain(acme.theirsTask);
    const inbox = ids((await app.call('GET', '/api/v1/inbox?status=all&limit=500', undefined, am)).body);
    expect(inbox).toEqual(expect.arrayContaining([acme.mineTask, acme.personalTask]));
    expect(inbox).not.toContain(acme.theirsTask);
    for (const [method, path, body] of [
      ['GET', `/api/v1/accounts/${acme.theirs}`],
      ['GET', `/api/v1/accounts/${acme.theirs}/health`],
      ['GET', `/api/v1/accounts/${acme.theirs}/plays`],
      ['GET', `/api/v1/touchpoints/${acme.theirsTouchpoint}`],
      ['PATCH', `/api/v1/touchpoints/${acme.theirsTouchpoint}`, { summary: 'mine now' }],
      ['POST', `/api/v1/tasks/${acme.theirsTask}/complete`, {}],
      ['POST', '/api/v1/touchpoints', { accountId: acme.theirs, kind: 'strategic', channel: 'meeting', direction: 'outbound', occurredAt: '2026-10-03T09:00:00Z' }],
    ] as [string, string, unknown?][]) {
      expect((await app.call(method, path, body, am)).status, `${method} ${path}`).toBe(404);
    }
    // What they may do on their own accounts.
    expect((await app.call('GET', `/api/v1/accounts/${acme.mine}/health`, undefined, am)).status).toBe(200);
    expect((await app.call('POST', '/api/v1/touchpoints', { accountId: acme.mine, kind: 'operational', channel: 'call', direction: 'outbound', occurredAt: '2026-10-03T09:00:00Z' }, am)).status).toBe(201);
    expect((await app.call('POST', `/api/v1/tasks/${acme.personalTask}/complete`, {}, am)).status).toBe(200);
    expect((await app.call('POST', `/api/v1/tasks/${acme.mineTask}/complete`, {}, am)).status).toBe(200);
    // Not: changing the account record itself, or firm-level people.
    expect((await app.call('PATCH', `/api/v1/accounts/${acme.mine}`, { name: 'Renamed' }, am)).status).toBe(403);
    expect((await app.call('POST', '/api/v1/people', { name: 'X', email: 'x@acme.test', title: 'staff' }, am)).status).toBe(403);
    // An account manager token without a person sees nothing.
    expect((await app.call('GET', '/api/v1/accounts', undefined, { role: 'account_manager' })).body.items).toEqual([]);
  });

  it('rejects client writes of fields the system computes (score, tier, ids, firm) and leaves the row unchanged', async () => {
    const before = (await app.call('GET', `/api/v1/accounts/${acme.mine}`)).body;
    const health = (await app.call('GET', `/api/v1/accounts/${acme.mine}/health`)).body;
    for (const [method, path, body, field] of [
      ['PATCH', `/api/v1/accounts/${acme.mine}`, { score: 99 }, 'body'],
      ['PATCH', `/api/v1/accounts/${acme.mine}`, { tier: 1, name: 'Sneaky' }, 'body'],
      ['PATCH', `/api/v1/accounts/${acme.mine}`, { tenantId: 'globex' }, 'body'],
      ['PATCH', `/api/v1/accounts/${acme.mine}`, { id: globex.account }, 'body'],
      ['POST', '/api/v1/accounts', { name: 'Scored', industry: 'legal', clientSince: '2025-01-01', score: 100, band: 'healthy' }, 'body'],
      ['POST', '/api/v1/tasks', { title: 'Done already', ownerRole: 'account_lead', completedAt: '2026-01-01T00:00:00Z' }, 'body'],
      ['POST', '/api/v1/events', { events: [{ id: 'mass-1', type: 'survey.responded', data: { accountId: acme.mine, kind: 'nps', score: 10, respondedAt: '2026-11-01T00:00:00Z', healthScore: 100 } }] }, 'body.events[0].data'],
      ['POST', '/api/v1/users', { email: 'a@acme.test', name: 'A', roles: ['viewer'], tenantId: 'globex' }, 'body'],
      ['POST', '/api/v1/api-keys', { name: 'k', role: 'viewer', secretHash: '0'.repeat(64) }, 'body'],
    ] as [string, string, unknown, string][]) {
      const res = await app.call(method, path, body);
      expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expect(res.body.issues.some((i: { path: string; code?: string }) => i.path === field && i.code === 'unrecognized_keys'), JSON.stringify(res.body.issues)).toBe(true);
    }
    expect((await app.call('GET', `/api/v1/accounts/${acme.mine}`)).body).toEqual(before);
    expect((await app.call('GET', `/api/v1/accounts/${acme.mine}/health`)).body.score).toBe(health.score);
  });
});
