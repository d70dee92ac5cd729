import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoreFactCatalog } from '../../src/facts/core-fact-providers.js';
import { OperatorRegistry } from '../../src/rules/engine/operator-registry.js';
import { validateRuleFile } from '../../src/rules/files/rule-file.js';
import { createTenant } from '../api/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';

const DIR = 'tests/rules/broken';
type Expectation = { kind: string; path: string; message: string; line?: number };
const expectations = JSON.parse(readFileSync(join(DIR, 'expectations.json'), 'utf8')) as Record<string, Expectation>;
const cases = Object.entries(expectations);

describe('deliberately broken rule files', () => {
  const ctx = { catalog: createCoreFactCatalog(), operators: new OperatorRegistry() };

  it.each(cases)('%s is rejected with the path of the error and its line', async (file, expected) => {
    const text = readFileSync(join(DIR, file), 'utf8');
    const result = await validateRuleFile(join(DIR, file), text, ctx);
    const issue = result.issues.find((i) => i.path === expected.path && i.message.includes(expected.message));
    expect(issue, JSON.stringify(result.issues, null, 2)).toBeDefined();
    expect(issue!.severity).toBe('error');
    expect(issue!.line).toBeGreaterThan(expected.path === '(document)' && !expected.line ? 0 : 1);
    if (expected.line) expect(issue!.line).toBe(expected.line);
  });

  it('the CLI names file:line:column and exits 1; valid defaults exit 0', () => {
    const cli = 'dist/src/rules/cli/rules-cli.js';
    const bad = spawnSync(process.execPath, [cli, 'validate', ...cases.map(([f]) => join(DIR, f))], { encoding: 'utf8', timeout: 30_000 });
    expect(bad.status).toBe(1);
    for (const [file, expected] of cases) {
      const line = bad.stderr.split('\n').find((l) => l.startsWith(`${join(DIR, file)}:`) && l.includes(expected.message));
      expect(line, `${file} in:\n${bad.stderr}`).toMatch(new RegExp(`^${join(DIR, file).replace(/[.]/g, '\\.')}:\\d+:\\d+ error: `));
    }
    const good = spawnSync(process.execPath, [cli, 'validate', 'rules/tier.json', 'rules/health.json'], { encoding: 'utf8', timeout: 30_000 });
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toContain('rules/health.json: ok (health)');
  });
});

describe.each(testDialects())('broken rule sets through the authoring API ($name)', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(dialect);
    await createTenant(app);
  });
  afterAll(async () => app?.close());

  it.each(cases.filter(([f]) => f !== 'malformed.json'))('%s → 400 with the JSON path, active version unchanged', async (file, expected) => {
    const document = JSON.parse(readFileSync(join(DIR, file), 'utf8'));
    const res = await app.call('POST', `/api/v1/rule-sets/${expected.kind}/drafts`, { document });
    expect(res.status).toBe(400);
    const path = `body.document${expected.path.startsWith('[') ? '' : '.'}${expected.path}`;
    expect(res.body.issues.find((i: { path: string; message: string }) => i.path === path && i.message.includes(expected.message)), JSON.stringify(res.body)).toBeDefined();
    const active = await app.call('GET', `/api/v1/rule-sets/${expected.kind}`);
    expect(active.body.version).toBe(0);
    expect((await app.call('GET', `/api/v1/rule-sets/${expected.kind}/versions`)).body.versions).toHaveLength(1);
  });

  it('malformed JSON, oversized and hostile-depth documents get 4xx and change nothing', async () => {
    const malformed = await app.call('POST', '/api/v1/rule-sets/signals/drafts', readFileSync(join(DIR, 'malformed.json'), 'utf8'), { contentType: 'application/json' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toMatch(/malformed JSON/);

    let deep: unknown = { fact: 'touchpoints90d', operator: 'lessThan', value: 1 };
    for (let i = 0; i < 1000; i++) deep = { all: [deep] };
    const hostile = await app.call('POST', '/api/v1/rule-sets/signals/validate', { kind: 'signals', name: 'x', signals: [{ conditions: deep }] });
    expect(hostile.status).toBe(200);
    expect(hostile.body).toMatchObject({ valid: false, issues: [expect.objectContaining({ message: expect.stringContaining('nested deeper') })] });

    const huge = { kind: 'signals', name: 'x', description: 'x'.repeat(300_000), signals: [] };
    const big = await app.call('POST', '/api/v1/rule-sets/signals/drafts', { document: huge });
    expect(big.status).toBe(400);
    expect(big.body.issues[0].message).toMatch(/at most 262144 bytes/);
    expect((await app.call('GET', '/api/v1/rule-sets/audit')).body.items).toEqual([]);
  });

  it('unknown rule-set kinds are 404', async () => {
    expect((await app.call('POST', '/api/v1/rule-sets/vibes/drafts', { document: {} })).status).toBe(404);
  });
});
