// The console's read views: the account list with current health, and a person's task inbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topSeverity } from '../../src/portfolio/severity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';
import { createAccount, createTenant } from './fixtures.js';

const DAY = 86_400_000;
const dayOffset = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

describe.each(testDialects())('portfolio accounts and inbox ($name)', (dialect) => {
  let app: TestApp;
  const ids: Record<string, string> = {};
  const people: Record<string, string> = {};
  const tasks: Record<string, string> = {};

  const create = async (path: string, body: Record<string, unknown>, tenant = 'acme') => {
    const res = await app.call('POST', `/api/v1/${path}`, body, { tenant });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    app = await startTestApp(dialect);
    await createTenant(app, 'acme');
    await createTenant(app, 'other');
    ids.alpha = await createAccount(app, { name: 'Alpha Partners', industry: 'legal', clientSince: '2021-01-01' });
    ids.beta = await createAccount(app, { name: 'Beta Holdings', industry: 'accounting', clientSince: '2023-06-01' });
    ids.gamma = await createAccount(app, { name: 'gamma_works 100%', industry: 'legal', clientSince: '2019-01-01' });
    ids.foreign = await createAccount(app, { name: 'Alpha Foreign', industry: 'legal' }, 'other');
    people.pat = await create('people', { name: 'Pat Lead', email: 'pat@firm.test', title: 'partner' });
    people.kim = await create('people', { name: 'Kim Manager', email: 'kim@firm.test', title: 'manager' });
    people.sam = await create('people', { name: 'Sam Former', email: 'sam@firm.test', title: 'director' });
    await create('team-assignments', { accountId: ids.alpha, personId: people.pat, role: 'account_lead', fromDate: '2021-01-01' });
    // Sam led Beta once; an ended assignment makes no owner.
    await create('team-assignments', { accountId: ids.beta, personId: people.sam, role: 'account_lead', fromDate: '2023-06-01', toDate: '2024-06-01' });
    await create('contracts', { accountId: ids.alpha, kind: 'retainer', title: 'Running retainer', value: 240000, annualValue: 120000, startDate: dayOffset(-265), endDate: dayOffset(100) });
    await create('contracts', { accountId: ids.alpha, kind: 'matter', title: 'Old matter', value: 50000, annualValue: 50000, startDate: '2022-01-01', endDate: '2022-12-31', renewalStatus: 'renewed' });
    const rescore = await app.call('POST', '/api/v1/scoring/rescore', {}, { tenant: 'acme' });
    expect(rescore.status).toBe(200);
    tasks.overdue = await create('tasks', { accountId: ids.alpha, title: 'Call the GC', ownerRole: 'account_lead', ownerPersonId: people.kim, dueOn: dayOffset(-2) });
    tasks.later = await create('tasks', { accountId: ids.beta, title: 'Plan the QBR', ownerRole: 'account_lead', ownerPersonId: people.kim, dueOn: dayOffset(10) });
    tasks.undated = await create('tasks', { title: 'Portfolio review', ownerRole: 'account_lead', ownerPersonId: people.kim });
    tasks.done = await create('tasks', { accountId: ids.alpha, title: 'Send recap', ownerRole: 'account_lead', ownerPersonId: people.kim, dueOn: dayOffset(-5), status: 'done' });
    tasks.patsReview = await create('tasks', { accountId: ids.alpha, title: 'Review the health drop', ownerRole: 'account_lead', ownerPersonId: people.pat, source: 'escalation', sourceRef: 'test-escalation-1' });
    tasks.sams = await create('tasks', { accountId: ids.gamma, title: 'Intro the successor', ownerRole: 'executive_sponsor', ownerPersonId: people.sam, dueOn: dayOffset(-1) });
  });
  afterAll(async () => app?.close());

  const list = async (query: string, tenant = 'acme') => {
    const res = await app.call('GET', `/api/v1/portfolio/accounts${query}`, undefined, { tenant });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { total: number; items: any[] };
  };

  it('lists the tenant\'s accounts with their current health, owner and contracts', async () => {
    const { total, items } = await list('?sort=name');
    expect(total).toBe(3);
    expect(items.map((a) => a.name)).toEqual(['Alpha Partners', 'Beta Holdings', 'gamma_works 100%']);
    const alpha = items[0];
    const health = (await app.call('GET', `/api/v1/accounts/${ids.alpha}/health`, undefined, { tenant: 'acme' })).body;
    expect(alpha).toMatchObject({ id: ids.alpha, industry: 'legal', status: 'active', score: health.score, tier: health.tier, band: health.band });
    expect(alpha.owner).toEqual({ id: people.pat, name: 'Pat Lead' });
    // Only the running retainer counts; the renewed matter neither counts nor renews.
    expect(alpha).toMatchObject({ annualValue: 120000, nextRenewalOn: dayOffset(100) });
    expect(items[1]).toMatchObject({ name: 'Beta Holdings', owner: null, nextRenewalOn: null, annualValue: null });
    expect(items[0].change30d).toBeNull(); // scored once, today
  });

  it('filters by search (case-insensitive, wildcards literal), owner, industry and tier, and pages', async () => {
    expect((await list('?search=ALPHA')).items.map((a) => a.id)).toEqual([ids.alpha]);
    expect((await list('?search=' + encodeURIComponent('_works 100%'))).items.map((a) => a.id)).toEqual([ids.gamma]);
    expect((await list('?search=' + encodeURIComponent('%'))).items.map((a) => a.id)).toEqual([ids.gamma]);
    expect((await list(`?ownerPersonId=${people.pat}`)).items.map((a) => a.id)).toEqual([ids.alpha]);
    expect((await list(`?ownerPersonId=${people.sam}`)).total).toBe(0);
    expect((await list('?industry=legal&sort=name')).items.map((a) => a.id)).toEqual([ids.alpha, ids.gamma]);
    const all = (await list('?sort=name')).items;
    for (const tier of [1, 2, 3, 4]) {
      expect((await list(`?tier=${tier}&sort=name`)).items.map((a) => a.id)).toEqual(all.filter((a) => a.tier === tier).map((a) => a.id));
    }
    const page = await list('?sort=name&limit=1&offset=1');
    expect(page).toMatchObject({ total: 3, items: [{ id: ids.beta }] });
  });

  it('sorts by score with ties broken by name', async () => {
    const items = (await list('?sort=-score')).items;
    const scores = items.map((a) => a.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect((await list('?sort=-name')).items.map((a) => a.name)).toEqual(['gamma_works 100%', 'Beta Holdings', 'Alpha Partners']);
  });

  it('reports each account\'s most severe active signal and filters by it', async () => {
    const items = (await list('?sort=name')).items;
    for (const item of items) {
      const health = (await app.call('GET', `/api/v1/accounts/${item.id}/health`, undefined, { tenant: 'acme' })).body;
      expect(item.severity).toBe(topSeverity(health.signals));
      expect(item.signalCount).toBe(health.signals.length);
    }
    expect(items.some((a) => a.severity !== null)).toBe(true);
    for (const severity of ['low', 'medium', 'high', 'critical']) {
      const filtered = await list(`?severity=${severity}&sort=name`);
      expect(filtered.items.map((a) => a.id)).toEqual(items.filter((a) => a.severity === severity).map((a) => a.id));
      expect(filtered.items.every((a) => a.severity === severity)).toBe(true);
    }
  });

  it('never shows another tenant\'s accounts, and rejects bad queries with the field path', async () => {
    expect((await list('?search=alpha', 'other')).items.map((a) => a.id)).toEqual([ids.foreign]);
    for (const [query, path] of [['?tier=5', 'query.tier'], ['?sort=revenue', 'query.sort'], ['?ownerPersonId=nope', 'query.ownerPersonId'], ['?limit=501', 'query.limit'], ['?colour=red', 'query']]) {
      const res = await app.call('GET', `/api/v1/portfolio/accounts${query}`, undefined, { tenant: 'acme' });
      expect(res.status, query).toBe(400);
      expect(res.body.issues.map((i: { path: string }) => i.path), query).toContain(path);
    }
    const unknownTenant = await app.call('GET', '/api/v1/portfolio/accounts', undefined, { tenant: 'nobody' });
    expect(unknownTenant.status).toBe(404);
  });

  const inbox = async (query: string, tenant = 'acme') => {
    const res = await app.call('GET', `/api/v1/inbox${query}`, undefined, { tenant });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { total: number; items: any[] };
  };

  it('shows a person\'s unfinished tasks by due date, with account, owner and overdue flag', async () => {
    const { total, items } = await inbox(`?ownerPersonId=${people.kim}`);
    expect(total).toBe(3);
    expect(items.map((t) => t.id)).toEqual([tasks.overdue, tasks.later, tasks.undated]);
    expect(items[0]).toMatchObject({ title: 'Call the GC', overdue: true, dueOn: dayOffset(-2), owner: { id: people.kim, name: 'Kim Manager' }, account: { id: ids.alpha, name: 'Alpha Partners' }, play: null, source: 'manual' });
    expect(items[0].account.tier).toBe((await list('?search=alpha')).items[0].tier);
    expect(items[1]).toMatchObject({ overdue: false, account: { name: 'Beta Holdings' } });
    expect(items[2]).toMatchObject({ dueOn: null, overdue: false, account: null });
  });

  it('includes the tasks escalations created for the account lead (however many the rescoring made)', async () => {
    const crud = (await app.call('GET', `/api/v1/tasks?ownerPersonId=${people.pat}&limit=500`, undefined, { tenant: 'acme' })).body;
    const unfinished = crud.items.filter((t: { status: string }) => t.status === 'open' || t.status === 'in_progress');
    const { items } = await inbox(`?ownerPersonId=${people.pat}`);
    expect(items.map((t) => t.id)).toContain(tasks.patsReview);
    expect(items.map((t) => t.id).sort()).toEqual(unfinished.map((t: { id: string }) => t.id).sort());
    for (const item of items) expect(item).toMatchObject({ source: 'escalation', owner: { name: 'Pat Lead' }, account: { id: ids.alpha } });
  });

  it('filters by status, overdue, role and account, and stays within the tenant', async () => {
    expect((await inbox(`?ownerPersonId=${people.kim}&status=done`)).items.map((t) => t.id)).toEqual([tasks.done]);
    expect((await inbox(`?ownerPersonId=${people.kim}&status=all`)).total).toBe(4);
    expect((await inbox(`?ownerPersonId=${people.kim}&overdue=true`)).items.map((t) => t.id)).toEqual([tasks.overdue]);
    expect((await inbox(`?ownerPersonId=${people.sam}&overdue=true`)).items.map((t) => t.id)).toEqual([tasks.sams]);
    expect((await inbox('?ownerRole=executive_sponsor')).items.map((t) => t.id)).toEqual([tasks.sams]);
    const gammaTasks = (await app.call('GET', `/api/v1/tasks?accountId=${ids.gamma}&limit=500`, undefined, { tenant: 'acme' })).body.items.map((t: { id: string }) => t.id);
    expect(gammaTasks).toContain(tasks.sams);
    expect((await inbox(`?accountId=${ids.gamma}&status=all`)).items.map((t) => t.id).sort()).toEqual(gammaTasks.sort());
    const foreign = await inbox('?status=all', 'other');
    for (const item of foreign.items) expect(item.account?.id ?? null).toBe(ids.foreign);
    expect(foreign.items.map((t) => t.id)).not.toContain(tasks.sams);
    const page = await inbox(`?ownerPersonId=${people.kim}&limit=1&offset=1`);
    expect(page).toMatchObject({ total: 3, items: [{ id: tasks.later }] });
    for (const [query, path] of [['?status=completed', 'query.status'], ['?overdue=yes', 'query.overdue'], ['?ownerRole=boss', 'query.ownerRole']]) {
      const res = await app.call('GET', `/api/v1/inbox${query}`, undefined, { tenant: 'acme' });
      expect(res.status, query).toBe(400);
      expect(res.body.issues.map((i: { path: string }) => i.path), query).toContain(path);
    }
  });
});
