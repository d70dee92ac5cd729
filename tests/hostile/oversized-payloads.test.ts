/**
 * Oversized and deeply nested payloads against the real HTTP app (BODY_LIMIT set to 5mb here, so
 * the payloads stay small): bodies over the limit, JSON nested 10,000 and 100,000 levels deep,
 * very long URLs and query strings, arrays of 100,000 items, an events batch over its cap, a CSV
 * line of megabytes. Each gets a 4xx with the error model quickly, and the process keeps serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createTenant, count } from '../api/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';

const LIMIT = 5 * 1024 * 1024;
/** Every hostile request here is answered in well under this. */
const QUICK_MS = 3_000;

describe.each(testDialects())('oversized and deeply nested payloads ($name)', (dialect) => {
  let app: TestApp;
  let accountId: string;

  beforeAll(async () => {
    app = await startTestApp(dialect, { BODY_LIMIT: '5mb', RATE_LIMIT_PER_MINUTE: '1000000' });
    await createTenant(app);
    accountId = await createAccount(app);
  });
  afterAll(async () => app?.close());

  /** A request with its status, body and duration; fails the test on any 5xx. */
  async function hostile(method: string, path: string, body?: unknown, contentType?: string) {
    const started = performance.now();
    const res = await app.call(method, path, body, contentType ? { contentType } : {});
    const ms = performance.now() - started;
    expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)?.slice(0, 300)}`).toBeLessThan(500);
    expect(ms, `${method} ${path} took ${Math.round(ms)} ms`).toBeLessThan(QUICK_MS);
    return res;
  }

  async function stillServing() {
    const res = await app.call('GET', '/api/v1/accounts?limit=1');
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThan(0);
  }

  it('a body over BODY_LIMIT gets 413 with the error model (JSON and CSV), nothing is written', async () => {
    const before = await count(app, 'accounts');
    const json = JSON.stringify({ name: 'x'.repeat(LIMIT), industry: 'legal', clientSince: '2022-03-01' });
    for (const path of ['/api/v1/accounts', '/api/v1/events', '/api/v1/rule-sets/health/validate', '/api/v1/import/accounts']) {
      const res = await hostile('POST', path, json, 'application/json');
      expect(res.status, path).toBe(413);
      expect(res.body).toMatchObject({ error: 'payload_too_large', message: expect.any(String) });
    }
    const csv = `name,industry,clientSince\n${'x'.repeat(LIMIT)},legal,2022-03-01\n`;
    const res = await hostile('POST', '/api/v1/import/accounts', csv, 'text/csv');
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: 'payload_too_large' });
    // Just under the limit is parsed (and rejected for what it says, not for its size).
    const under = await hostile('POST', '/api/v1/accounts', JSON.stringify({ name: 'x'.repeat(LIMIT - 200), industry: 'legal', clientSince: '2022-03-01' }), 'application/json');
    expect(under.status).toBe(400);
    expect(under.body.issues[0].path).toBe('body.name');
    expect(await count(app, 'accounts')).toBe(before);
    await stillServing();
  });

  it('JSON nested 10,000 and 100,000 levels deep gets a 4xx quickly, and the process keeps serving', async () => {
    const deepArray = (levels: number) => `${'['.repeat(levels)}1${']'.repeat(levels)}`;
    const deepObject = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
    for (const levels of [10_000, 100_000]) {
      for (const [path, text] of [
        ['/api/v1/accounts', `{"name":${deepObject(levels)},"industry":"legal","clientSince":"2022-03-01"}`],
        ['/api/v1/events', `{"events":${deepArray(levels)}}`],
        ['/api/v1/events', `{"events":[{"id":"deep","type":"observation.recorded","data":{"accountId":"${accountId}","kind":"other","observedAt":"2026-11-01T00:00:00Z","detail":${deepObject(levels)}}}]}`],
        ['/api/v1/import/observations', `[${deepObject(levels)}]`],
        ['/api/v1/rule-sets/signals/drafts', `{"document":${deepObject(levels)}}`],
        ['/api/v1/tenants/acme/plugins', `{"enabled":${deepArray(levels)}}`],
      ] as const) {
        const res = await hostile(path.endsWith('plugins') ? 'PUT' : 'POST', path, text, 'application/json');
        expect(res.status, `${path} at ${levels} levels: ${JSON.stringify(res.body).slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        expect(res.body.error, path).toEqual(expect.any(String));
      }
      // /validate judges any document: a hostile one is a 200 report, found too deep.
      const conditions = `${'{"all":['.repeat(levels / 2)}{"fact":"touchpoints90d","operator":"lessThan","value":1}${']}'.repeat(levels / 2)}`;
      const judged = await hostile('POST', '/api/v1/rule-sets/signals/validate', `{"kind":"signals","name":"x","signals":[{"conditions":${conditions}}]}`, 'application/json');
      expect(judged.status).toBe(200);
      expect(judged.body).toMatchObject({ valid: false, issues: [expect.objectContaining({ path: '(document)', message: expect.stringContaining('nested deeper') })] });
    }
    expect(await count(app, 'observations')).toBe(0);
    await stillServing();
  });

  it('very long URLs and query strings, hostile query values: 4xx, never a 5xx', async () => {
    const overHeaderLimit = await fetch(`${app.url}/api/v1/accounts?industry=${'x'.repeat(20_000)}`);
    expect(overHeaderLimit.status).toBe(431); // Node refuses the request line before the app sees it
    expect((await hostile('GET', `/api/v1/accounts/${'x'.repeat(8_000)}`)).status).toBe(404);
    expect((await hostile('GET', `/api/v1/accounts?industry=${'x'.repeat(8_000)}`)).body.items).toEqual([]);
    expect((await hostile('GET', `/api/v1/touchpoints?accountId=${'x'.repeat(8_000)}`)).status).toBeLessThan(500);
    expect((await hostile('GET', '/api/v1/touchpoints?accountId=not-a-uuid')).status).toBeLessThan(500);
    const many = Array.from({ length: 900 }, (_, i) => `f${i}=1`).join('&');
    expect((await hostile('GET', `/api/v1/accounts?${many}`)).status).toBe(400);
    for (const query of ['limit=1e308', 'limit=NaN', 'limit=-1', 'limit=abc', 'offset=99999999999999999999', 'industry[$ne]=legal', 'industry=legal&industry=consulting', 'limit[]=1']) {
      const res = await hostile('GET', `/api/v1/accounts?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.issues[0].path, query).toMatch(/^query\./);
    }
    await stillServing();
  });

  it('arrays of 100,000 items are rejected quickly with a short answer', async () => {
    const items = (n: number, item: unknown) => Array.from({ length: n }, () => item);
    for (const [method, path, body] of [
      ['POST', '/api/v1/events', { events: items(100_000, {}) }],
      ['POST', '/api/v1/events', { events: items(100_000, 1) }],
      ['POST', '/api/v1/import/accounts', items(100_000, {})],
      ['POST', '/api/v1/accounts', { name: items(100_000, 'x'), industry: 'legal', clientSince: '2022-03-01' }],
      ['POST', '/api/v1/scoring/rescore', { accountIds: items(100_000, accountId) }],
      ['PUT', '/api/v1/tenants/acme/plugins', { enabled: items(100_000, 'legal') }],
      ['POST', '/api/v1/rule-sets/health/drafts', { document: { kind: 'health', name: 'x', components: items(100_000, {}) } }],
    ] as const) {
      const res = await hostile(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(res.body.error).toBe('validation_failed');
      // One issue per problem, not one per item: the answer stays small.
      expect(JSON.stringify(res.body).length, `${method} ${path}`).toBeLessThan(100_000);
    }
    await stillServing();
  });

  it('an events batch over its cap of 1,000 is rejected whole; exactly 1,000 is accepted', async () => {
    const event = (i: number) => ({ id: `cap-${i}`, type: 'observation.recorded', data: { accountId, kind: 'other', observedAt: '2026-11-01T00:00:00Z' } });
    const before = await count(app, 'observations');
    const over = await hostile('POST', '/api/v1/events', { events: Array.from({ length: 1_001 }, (_, i) => event(i)) });
    expect(over.status).toBe(400);
    expect(over.body.issues).toEqual([expect.objectContaining({ path: 'body.events', code: 'too_big' })]);
    expect(await count(app, 'observations')).toBe(before);
    const cap = await app.call('POST', '/api/v1/events', { events: Array.from({ length: 1_000 }, (_, i) => event(i)) });
    expect(cap.status).toBe(200);
    expect(await count(app, 'observations')).toBe(before + 1_000);
  });

  it('a CSV import with a line of 1.5 MB: a 400 naming row and line, nothing imported', async () => {
    const before = await count(app, 'accounts');
    const huge = `name,industry,clientSince\nok,legal,2022-03-01\n${'y'.repeat(1_500_000)},legal,2022-03-01\n`;
    const res = await hostile('POST', '/api/v1/import/accounts', huge, 'text/csv');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body).length).toBeLessThan(10_000);
    expect(res.body.issues ?? res.body.rows).toBeDefined();
    expect(JSON.stringify(res.body)).toMatch(/"row":2/);
    expect(JSON.stringify(res.body)).toMatch(/"line":3/);
    const headerOnly = await hostile('POST', '/api/v1/import/accounts', `${'z'.repeat(1_500_000)}\n`, 'text/csv');
    expect(headerOnly.status).toBe(400);
    const unbalanced = await hostile('POST', '/api/v1/import/accounts', `name,industry,clientSince\n"${'q'.repeat(1_000_000)},legal,2022-03-01\n`, 'text/csv');
    expect(unbalanced.status).toBe(400);
    expect(await count(app, 'accounts')).toBe(before);
    await stillServing();
  });

  it('NUL characters and unpaired surrogates are a 400 with the path; other unicode round-trips exactly', async () => {
    const before = await count(app, 'accounts');
    for (const [name, path] of [['Globex\u0000Corp', 'body.name'], ['lone \ud800 surrogate', 'body.name']]) {
      const res = await hostile('POST', '/api/v1/accounts', { name, industry: 'legal', clientSince: '2022-03-01' });
      expect(res.status, JSON.stringify(name)).toBe(400);
      expect(res.body.issues[0].path).toBe(path);
    }
    const key = await hostile('POST', '/api/v1/accounts', JSON.parse('{"na\\u0000me":"x","industry":"legal","clientSince":"2022-03-01"}'));
    expect(key.status).toBe(400);
    expect(key.body.issues[0].path).toBe('body.na\u0000me');
    expect((await hostile('GET', '/api/v1/accounts?industry=%00')).status).toBe(400);
    expect((await hostile('GET', '/api/v1/accounts/%00')).status).toBe(400);
    expect((await hostile('POST', '/api/v1/import/accounts', 'name,industry,clientSince\nA\u0000B,legal,2022-03-01\n', 'text/csv')).status).toBe(400);
    const event = await hostile('POST', '/api/v1/events', { events: [{ id: 'nul\u0000id', type: 'observation.recorded', data: { accountId, kind: 'other', observedAt: '2026-11-01T00:00:00Z' } }] });
    expect(event.status).toBe(400);
    expect(event.body.issues[0].path).toBe('body.events[0].id');
    const deep = await hostile('POST', '/api/v1/accounts', `{"name":${'{"a":'.repeat(10_000)}"\\u0000"${'}'.repeat(10_000)}}`, 'application/json');
    expect(deep.status).toBe(400);
    expect(deep.body.issues[0].path).toBe(`body.name${'.a'.repeat(10_000)}`);
    const rules = await hostile('POST', '/api/v1/rule-sets/signals/drafts', { document: { kind: 'signals', name: 'x\u0000' } });
    expect(rules.status).toBe(400);
    expect(await count(app, 'accounts')).toBe(before);

    const name = 'Ünïcødé 🙂 \u202Eעברית\u202C 日本語 e\u0301 \t"quoted" \\ back';
    const created = await hostile('POST', '/api/v1/accounts', { name, industry: 'legal', clientSince: '2022-03-01' });
    expect(created.status).toBe(201);
    expect((await app.call('GET', `/api/v1/accounts/${created.body.id}`)).body.name).toBe(name);
  });
});
