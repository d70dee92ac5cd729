import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';
import { count, createAccount, createTenant, touchpoint } from './fixtures.js';

describe.each(testDialects())('batch events endpoint ($name)', (dialect) => {
  let app: TestApp;
  let accountId: string;

  beforeAll(async () => {
    app = await startTestApp(dialect);
    await createTenant(app);
    await createTenant(app, 'other');
    accountId = await createAccount(app);
  });
  afterAll(async () => app?.close());

  it('applies a batch once: the same ids delivered twice write one row each', async () => {
    const batch = {
      events: [
        { id: 'crm-tp-1', type: 'touchpoint.recorded', data: touchpoint(accountId) },
        { id: 'crm-nps-1', type: 'survey.responded', data: { accountId, kind: 'nps', score: 9, respondedAt: '2026-10-02T09:00:00Z' } },
      ],
    };
    const first = await app.call('POST', '/api/v1/events', batch);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ applied: 2, duplicates: 0 });
    expect(first.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);

    // Same ids, keys reordered: still the same payload, so a pure duplicate.
    const replay = { events: batch.events.map((e) => ({ data: e.data, type: e.type, id: e.id })) };
    const second = await app.call('POST', '/api/v1/events', replay);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ applied: 0, duplicates: 2 });
    expect(second.body.results[0].entityId).toBe(first.body.results[0].entityId);

    expect(await count(app, 'touchpoints')).toBe(1);
    expect(await count(app, 'survey-responses')).toBe(1);
  });

  it('rejects a known id with a different payload with 409 and writes nothing', async () => {
    const before = await count(app, 'touchpoints');
    const res = await app.call('POST', '/api/v1/events', {
      events: [
        { id: 'crm-tp-new', type: 'touchpoint.recorded', data: touchpoint(accountId, { occurredAt: '2026-10-05T09:00:00Z' }) },
        { id: 'crm-tp-1', type: 'touchpoint.recorded', data: touchpoint(accountId, { kind: 'maintenance' }) },
      ],
    });
    expect(res.status).toBe(409);
    expect(res.body.details.events).toEqual([{ path: 'body.events[1].id', id: 'crm-tp-1' }]);
    expect(await count(app, 'touchpoints')).toBe(before);
  });

  it('rejects a batch with one bad event with 400, every field path, and no partial write', async () => {
    const before = await count(app, 'touchpoints');
    const res = await app.call('POST', '/api/v1/events', {
      events: [
        { id: 'ok-1', type: 'touchpoint.recorded', data: touchpoint(accountId, { occurredAt: '2026-10-07T09:00:00Z' }) },
        { id: 'bad-1', type: 'touchpoint.recorded', data: touchpoint(accountId, { kind: 'social', occurredAt: 'yesterday' }) },
        { id: 'bad-2', type: 'survey.responded', data: { accountId, kind: 'csat', score: 9, respondedAt: '2026-10-02T09:00:00Z' } },
        { id: 'bad-3', type: 'no.such.type', data: {} },
      ],
    });
    expect(res.status).toBe(400);
    const paths = res.body.issues.map((i: { path: string }) => i.path);
    expect(paths).toContain('body.events[3].type');
    expect(res.body.issues.find((i: { path: string }) => i.path === 'body.events[3].type').expected).toContain('touchpoint.recorded');
    // Payload problems are reported once the envelopes are valid.
    const fixed = await app.call('POST', '/api/v1/events', {
      events: [
        { id: 'ok-1', type: 'touchpoint.recorded', data: touchpoint(accountId, { occurredAt: '2026-10-07T09:00:00Z' }) },
        { id: 'bad-1', type: 'touchpoint.recorded', data: touchpoint(accountId, { kind: 'social', occurredAt: 'yesterday' }) },
        { id: 'bad-2', type: 'survey.responded', data: { accountId, kind: 'csat', score: 9, respondedAt: '2026-10-02T09:00:00Z' } },
      ],
    });
    expect(fixed.status).toBe(400);
    expect(fixed.body.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'body.events[1].data.kind',
      'body.events[1].data.occurredAt',
      'body.events[2].data.score',
    ]);
    expect(await count(app, 'touchpoints')).toBe(before);
  });

  it('rejects references to unknown or other-tenant rows with the path, and writes nothing', async () => {
    const foreign = await createAccount(app, { name: 'Other Tenant Co' }, 'other');
    const before = await count(app, 'touchpoints');
    const res = await app.call('POST', '/api/v1/events', {
      events: [
        { id: 'ref-ok', type: 'touchpoint.recorded', data: touchpoint(accountId, { occurredAt: '2026-10-08T09:00:00Z' }) },
        { id: 'ref-foreign', type: 'touchpoint.recorded', data: touchpoint(foreign) },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([expect.objectContaining({ path: 'body.events[1].data.accountId', code: 'unknown_reference' })]);
    expect(await count(app, 'touchpoints')).toBe(before);
    expect(await count(app, 'touchpoints', 'other')).toBe(0);
  });

  it('lets later events in a batch refer to rows created earlier in it, and applies lifecycle changes', async () => {
    const issued = await app.call('POST', '/api/v1/events', {
      events: [{ id: 'inv-77', type: 'invoice.issued', data: { accountId, amount: 12000, issuedOn: '2026-09-01', dueOn: '2026-10-01' } }],
    });
    const invoiceId = issued.body.results[0].entityId;
    const paid = await app.call('POST', '/api/v1/events', {
      events: [
        { id: 'inv-77-paid', type: 'invoice.paid', data: { invoiceId, paidOn: '2026-11-03' } },
        { id: 'churn-1', type: 'account.churned', data: { accountId, churnedAt: '2026-11-20', reason: 'competitor_better_value' } },
      ],
    });
    expect(paid.status).toBe(200);
    expect((await app.call('GET', `/api/v1/invoices/${invoiceId}`)).body.paidOn).toBe('2026-11-03');
    expect((await app.call('GET', `/api/v1/accounts/${accountId}`)).body).toMatchObject({ status: 'churned', churnReason: 'competitor_better_value' });
  });

  it('needs credentials of a known firm', async () => {
    expect((await app.call('POST', '/api/v1/events', { events: [] }, { tenant: 'nobody' })).status).toBe(404);
    const anonymous = await app.call('POST', '/api/v1/events', { events: [] }, { credential: 'none' });
    expect(anonymous.status).toBe(401);
    // The platform operator key cannot act inside a firm.
    expect((await app.call('POST', '/api/v1/events', { events: [] }, { tenant: null })).status).toBe(403);
  });

  it('answers malformed JSON with 400', async () => {
    const res = await app.call('POST', '/api/v1/events', '{"events": [', { contentType: 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/malformed JSON/);
  });
});
