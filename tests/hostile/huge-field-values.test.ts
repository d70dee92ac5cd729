/**
 * Huge values in every field of every resource (create and update), on every dialect: starting
 * from a valid body (a demo row of the resource), one field at a time gets a 1 MB string, and
 * every bounded text field gets exactly its documented maximum in multi-byte characters. The
 * first is a 400 naming the field, never stored and never a 5xx; the second is stored as sent
 * (a column narrower than the documented maximum would fail on PostgreSQL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inputSchema } from '../../src/api/openapi/json-schema.js';
import { seedDemoPortfolio } from '../../src/persistence/demo/seed-demo.js';
import { RESOURCES } from '../../src/resources/resource-definitions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';

type Property = { type?: string | string[]; maxLength?: number; format?: string; pattern?: string; enum?: unknown[]; anyOf?: Property[] };
const HUGE = 'x'.repeat(1_000_000);
const SERVER_FIELDS = ['id', 'tenantId', 'createdAt', 'updatedAt'];

/** The plain-text variant of a property (no format, pattern or enum), with its maximum length. */
function freeText(property: Property): number | undefined {
  const options = property.anyOf ?? [property];
  const text = options.find((o) => o.type === 'string' && !o.format && !o.pattern && !o.enum && o.maxLength);
  return text?.maxLength;
}

describe.each(testDialects())('huge values in every field of every resource ($name)', (dialect) => {
  let app: TestApp;
  let unique = 0;

  beforeAll(async () => {
    app = await startTestApp(dialect, { RATE_LIMIT_PER_MINUTE: '1000000' }); // thousands of requests with one credential
    await seedDemoPortfolio(app.orm, { tenantId: 'acme', asOf: new Date(), accounts: 8 });
  });
  afterAll(async () => app?.close());

  /** A valid create body: a demo row of the resource, unique keys made unique. */
  async function baseBody(path: string, properties: Record<string, Property>): Promise<Record<string, unknown>> {
    const row = (await app.call('GET', `/api/v1/${path}?limit=1`)).body.items[0] as Record<string, unknown>;
    expect(row, `a demo ${path} row`).toBeDefined();
    const body = Object.fromEntries(Object.entries(row).filter(([k, v]) => k in properties && !SERVER_FIELDS.includes(k) && v !== null));
    unique++;
    if ('email' in body) body.email = `hostile-${unique}@example.com`;
    if ('externalRef' in body) body.externalRef = `hostile-${unique}`;
    if ('sourceRef' in body) body.sourceRef = `hostile-${unique}`;
    // One plan per account: a plan needs an account of its own.
    if (path === 'account-plans') body.accountId = (await app.call('POST', '/api/v1/accounts', { name: `Hostile ${unique}`, industry: 'legal', clientSince: '2022-03-01' })).body.id;
    return body;
  }

  it.each(RESOURCES.map((r) => [r.path, r] as const))('%s: a 1 MB value in any field is a 400 naming it; the documented maximum is stored', { timeout: 120_000 }, async (path, def) => {
    // Union schemas (survey responses: NPS or CSAT) list their fields per variant.
    const schema = inputSchema(def.create) as { properties?: Record<string, Property>; anyOf?: { properties?: Record<string, Property> }[]; oneOf?: { properties?: Record<string, Property> }[] };
    const properties = Object.assign({}, ...[...(schema.anyOf ?? []), ...(schema.oneOf ?? []), schema].map((s) => s.properties ?? {})) as Record<string, Property>;
    const base = await baseBody(path, properties);
    const created = await app.call('POST', `/api/v1/${path}`, base);
    expect(created.status, `base body ${JSON.stringify(base)} → ${JSON.stringify(created.body)}`).toBe(201);
    const before = (await app.call('GET', `/api/v1/${path}?limit=1`)).body.total;
    const problems: string[] = [];
    for (const [field, property] of Object.entries(properties)) {
      for (const [method, url, body] of [
        ['POST', `/api/v1/${path}`, { ...(await baseBody(path, properties)), [field]: HUGE }],
        ['PATCH', `/api/v1/${path}/${created.body.id}`, { [field]: HUGE }],
      ] as const) {
        const res = await app.call(method, url, body);
        const named = res.body?.issues?.some((i: { path: string }) => i.path === `body.${field}` || i.path.startsWith(`body.${field}.`) || i.path.startsWith(`body.${field}[`));
        // PATCH may refuse a field that cannot change (e.g. accountId) with its own path: a 400 either way.
        if (res.status !== 400 || (method === 'POST' && !named)) problems.push(`${method} ${field} = 1 MB → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      }
      const max = freeText(property);
      if (max) {
        const value = 'é'.repeat(max);
        const res = await app.call('POST', `/api/v1/${path}`, { ...(await baseBody(path, properties)), [field]: value });
        if (res.status !== 201) problems.push(`POST ${field} = ${max} × 'é' (the documented maximum) → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        else if ((await app.call('GET', `/api/v1/${path}/${res.body.id}`)).body[field] !== value) problems.push(`${field}: the maximum-length value did not round-trip`);
      }
    }
    expect(problems).toEqual([]);
    // Only the maximum-length rows were added: no 1 MB value was stored.
    const maxima = Object.values(properties).filter((p) => freeText(p)).length;
    expect((await app.call('GET', `/api/v1/${path}?limit=1`)).body.total).toBe(before + maxima);
  });
});
