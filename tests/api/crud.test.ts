import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';
import { count, createAccount, createTenant, touchpoint } from './fixtures.js';

describe.each(testDialects())('resource CRUD ($name)', (dialect) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp(dialect);
    await createTenant(app);
    await createTenant(app, 'rival');
  });
  afterAll(async () => app?.close());

  it('creates, reads, patches without resetting unsent fields, and lists with filters', async () => {
    const id = await createAccount(app, { status: 'active', segment: 'mid-market', region: 'EMEA' });
    const patched = await app.call('PATCH', `/api/v1/accounts/${id}`, { region: 'APAC' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ region: 'APAC', segment: 'mid-market', status: 'active' });
    const list = await app.call('GET', '/api/v1/accounts?region=APAC&limit=10');
    expect(list.body).toMatchObject({ total: 1, limit: 10, offset: 0 });
  });

  it('rejects unknown fields (no mass assignment), unknown filters and oversized pages', async () => {
    const id = await createAccount(app, { name: 'Stark' });
    const patched = await app.call('PATCH', `/api/v1/accounts/${id}`, { tenantId: 'rival' });
    expect(patched.status).toBe(400);
    expect(patched.body.issues[0]).toMatchObject({ path: 'body', code: 'unrecognized_keys' });
    expect((await app.call('GET', '/api/v1/accounts?colour=red')).body.issues[0].path).toBe('query.colour');
    expect((await app.call('GET', '/api/v1/accounts?limit=100000')).status).toBe(400);
  });

  it('requires churn details when an account is churned', async () => {
    const res = await app.call('POST', '/api/v1/accounts', { name: 'Wayne', industry: 'consulting', clientSince: '2020-01-01', status: 'churned' });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(['body.churnReason', 'body.churnedAt']);
  });

  it('hides other tenants: their ids are 404 for reads, writes and deletes', async () => {
    const foreign = await createAccount(app, { name: 'Rival Client' }, 'rival');
    expect((await app.call('GET', `/api/v1/accounts/${foreign}`)).status).toBe(404);
    expect((await app.call('PATCH', `/api/v1/accounts/${foreign}`, { name: 'Hijacked' })).status).toBe(404);
    expect((await app.call('DELETE', `/api/v1/accounts/${foreign}`)).status).toBe(404);
    expect((await app.call('GET', `/api/v1/accounts/${foreign}`, undefined, { tenant: 'rival' })).body.name).toBe('Rival Client');
  });

  it('rejects duplicate external refs with 409', async () => {
    await createAccount(app, { externalRef: 'dup-1' });
    const res = await app.call('POST', '/api/v1/accounts', { name: 'Dup', industry: 'legal', clientSince: '2022-01-01', externalRef: 'dup-1' });
    expect(res.status).toBe(409);
  });

  it('deletes an account together with its history', async () => {
    const id = await createAccount(app, { name: 'Short Lived' });
    await app.call('POST', '/api/v1/touchpoints', touchpoint(id));
    await app.call('POST', '/api/v1/stakeholders', { accountId: id, name: 'Pat', role: 'champion', seniority: 'vp', strength: 'strong' });
    expect(await count(app, 'touchpoints', 'acme', `&accountId=${id}`)).toBe(1);
    expect((await app.call('DELETE', `/api/v1/accounts/${id}`)).status).toBe(204);
    expect(await count(app, 'touchpoints', 'acme', `&accountId=${id}`)).toBe(0);
    expect(await count(app, 'stakeholders', 'acme', `&accountId=${id}`)).toBe(0);
  });
});

describe('API documentation', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(testDialects()[0]);
  });
  afterAll(async () => app?.close());

  it('serves an OpenAPI document listing the ingestion endpoints with schemas from zod', async () => {
    const res = await app.call('GET', '/openapi.json', undefined, { tenant: null });
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    for (const path of ['/api/v1/events', '/api/v1/import/{resource}', '/api/v1/accounts', '/api/v1/touchpoints/{id}', '/api/v1/invoices']) {
      expect(res.body.paths).toHaveProperty([path]);
    }
    const touchpoint = res.body.components.schemas.TouchpointCreate;
    expect(touchpoint.required).toEqual(expect.arrayContaining(['accountId', 'kind', 'channel', 'direction', 'occurredAt']));
    expect(touchpoint.properties.kind.enum).toEqual(['executive', 'operational', 'strategic', 'maintenance']);
  });

  it('documents rule authoring and scoring too, with every $ref resolvable', async () => {
    const doc = (await app.call('GET', '/openapi.json', undefined, { tenant: null })).body;
    for (const path of ['/api/v1/rule-sets/{kind}/simulate', '/api/v1/rule-sets/{kind}/versions/{version}/publish', '/api/v1/accounts/{id}/health', '/api/v1/scoring/rescore', '/api/v1/portfolio/accounts', '/api/v1/inbox']) {
      expect(doc.paths).toHaveProperty([path]);
    }
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) expect(doc.components.schemas, ref).toHaveProperty([ref.replace('#/components/schemas/', '')]);
    expect(doc.components.schemas.RuleSet_health.properties.components).toBeDefined();
    const sort = doc.paths['/api/v1/portfolio/accounts'].get.parameters.find((p: { name: string }) => p.name === 'sort');
    expect(sort).toMatchObject({ in: 'query', required: false, schema: { enum: ['score', '-score', 'name', '-name', 'change', '-change'] } });
  });

  it('serves a browsable UI with local assets', async () => {
    const page = await app.call('GET', '/docs', undefined, { tenant: null });
    expect(page.status).toBe(200);
    expect(page.body).toContain('/openapi.json');
    const asset = await fetch(`${app.url}/docs/assets/swagger-ui-bundle.js`);
    expect(asset.status).toBe(200);
  });

  it('reports health with database up and Temporal down when no server is reachable', async () => {
    const res = await app.call('GET', '/health', undefined, { tenant: null });
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: 'degraded', database: { status: 'ok' }, temporal: { status: 'down' } });
  });
});
