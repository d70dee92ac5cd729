/**
 * Hostile path and query parameters on every operation of the OpenAPI document, on every dialect
 * (the schemathesis run of scripts/fuzz/api-fuzz.sh is SQLite only; PostgreSQL refuses a
 * non-UUID string for a uuid column with an error that must not surface as a 500). A value that
 * violates the parameter's schema (format uuid, integer, enum, date) gets a 4xx; any other value
 * anything but a 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createTenant } from '../api/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';
import { recordFigures } from './record-figures.js';

type Schema = { type?: string; format?: string; enum?: unknown[]; anyOf?: Schema[]; pattern?: string; minimum?: number; maximum?: number };
type Parameter = { name: string; in: string; required?: boolean; schema?: Schema };
type Operation = { method: string; path: string; parameters: Parameter[] };

const ZERO_UUID = '00000000-0000-0000-0000-000000000000';
/** Values that break a typed parameter: each violates the schema it is listed for. */
const VIOLATIONS: Record<string, string[]> = {
  uuid: ['not-a-uuid', 'x'.repeat(300), `${ZERO_UUID}x`, "' OR 1=1 --", '-1'],
  integer: ['abc', '1e999', '1.5', '9'.repeat(40), "1'"],
  date: ['2026-13-45', 'yesterday', '2026-02-30'],
  'date-time': ['2026-13-45T99:00:00Z', 'now'],
  enum: ['NOT_A_VALUE', "' OR '1'='1", 'x'.repeat(300)],
};
/** Values any string parameter must survive (no 5xx), whether or not they are accepted. */
const STRINGS = ['x'.repeat(4_000), "'; drop table accounts; --", '%E2%80%AE', '..%2F..%2Fetc%2Fpasswd', '{"$ne":null}', '🙂'];

function kindOf(schema: Schema | undefined): keyof typeof VIOLATIONS | 'string' {
  const s = schema?.anyOf?.find((o) => o.type !== 'null') ?? schema ?? {};
  if (s.format === 'uuid') return 'uuid';
  if (s.type === 'integer' || s.type === 'number') return 'integer';
  if (s.format === 'date' || s.format === 'date-time') return s.format;
  if (s.enum) return 'enum';
  return 'string';
}

describe.each(testDialects())('hostile path and query parameters on every documented operation ($name)', (dialect) => {
  let app: TestApp;
  let operations: Operation[];
  let accountId: string;

  beforeAll(async () => {
    app = await startTestApp(dialect, { RATE_LIMIT_PER_MINUTE: '1000000' }); // thousands of requests with one credential
    await createTenant(app);
    accountId = await createAccount(app);
    const doc = (await app.call('GET', '/openapi.json')).body as { paths: Record<string, Record<string, { parameters?: Parameter[] }>> };
    operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, parameters: op.parameters ?? [] })));
  });
  afterAll(async () => app?.close());

  /** A plausible value for a parameter, so the hostile one is the only problem of the request. */
  function plausible(p: Parameter): string {
    const s = p.schema?.anyOf?.find((o) => o.type !== 'null') ?? p.schema ?? {};
    if (p.in === 'path' && p.name === 'id' && kindOf(p.schema) === 'uuid') return accountId;
    if (s.enum) return String(s.enum[0]);
    if (s.format === 'uuid') return ZERO_UUID;
    if (s.type === 'integer' || s.type === 'number') return String(s.minimum ?? 0);
    if (p.name === 'kind') return 'health';
    if (p.name === 'id') return 'acme';
    return 'x';
  }

  async function send(op: Operation, pathValues: Record<string, string>, query = '') {
    const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(pathValues[name]));
    const body = ['POST', 'PUT', 'PATCH'].includes(op.method) ? {} : undefined;
    return app.call(op.method, `${path}${query}`, body);
  }

  it('covers the whole document', () => {
    expect(operations.length).toBeGreaterThan(100);
    expect(operations.filter((op) => op.parameters.some((p) => p.in === 'path')).length).toBeGreaterThan(40);
  });

  it('path parameters: schema violations get a 4xx, other hostile strings no 5xx', { timeout: 300_000 }, async () => {
    const problems: string[] = [];
    let requests = 0;
    for (const op of operations) {
      const params = op.parameters.filter((p) => p.in === 'path');
      const base = Object.fromEntries(params.map((p) => [p.name, plausible(p)]));
      for (const p of params) {
        const kind = kindOf(p.schema);
        const values = kind === 'string' ? STRINGS : [...VIOLATIONS[kind], ...STRINGS.slice(0, 2)];
        for (const value of values) {
          const res = await send(op, { ...base, [p.name]: value });
          requests++;
          const violates = kind !== 'string' && VIOLATIONS[kind].includes(value);
          if (res.status >= 500 || (violates && res.status < 400)) problems.push(`${op.method} ${op.path} ${p.name}=${value.slice(0, 40)} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 160)}`);
        }
      }
    }
    recordFigures(`path-parameters-${dialect.name}`, { command: 'node node_modules/vitest/vitest.mjs run tests/hostile/path-and-query-params.test.ts', operations: operations.length, requests, failures: problems.length });
    expect(problems.slice(0, 10)).toEqual([]);
    expect(requests).toBeGreaterThan(300);
  });

  it('query parameters: schema violations get a 4xx, other hostile strings no 5xx', { timeout: 300_000 }, async () => {
    const problems: string[] = [];
    let requests = 0;
    for (const op of operations) {
      const base = Object.fromEntries(op.parameters.filter((p) => p.in === 'path').map((p) => [p.name, plausible(p)]));
      for (const p of op.parameters.filter((q) => q.in === 'query')) {
        const kind = kindOf(p.schema);
        const values = kind === 'string' ? STRINGS : [...VIOLATIONS[kind], ...STRINGS.slice(0, 2)];
        for (const value of values) {
          const res = await send(op, base, `?${encodeURIComponent(p.name)}=${encodeURIComponent(value)}`);
          requests++;
          const violates = kind !== 'string' && VIOLATIONS[kind].includes(value);
          if (res.status >= 500 || (violates && res.status < 400)) problems.push(`${op.method} ${op.path}?${p.name}=${value.slice(0, 40)} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 160)}`);
        }
      }
    }
    recordFigures(`query-parameters-${dialect.name}`, { command: 'node node_modules/vitest/vitest.mjs run tests/hostile/path-and-query-params.test.ts', operations: operations.length, requests, failures: problems.length });
    expect(problems.slice(0, 10)).toEqual([]);
    expect(requests).toBeGreaterThan(100);
  });
});
