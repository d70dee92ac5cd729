/**
 * Rule-set size limits (src/rules/schema/rule-set-limits.ts): at most MAX_RULES_PER_SET rules,
 * MAX_RULE_SET_BYTES of JSON and MAX_DOCUMENT_DEPTH levels per document, in the validator and
 * through the authoring API; a document at each limit is still accepted.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPlugins } from '../../src/plugin-host/install-plugins.js';
import type { InstalledPlugins } from '../../src/plugin-host/installed-plugins.js';
import { MAX_DOCUMENT_DEPTH, MAX_RULE_SET_BYTES, MAX_RULES_PER_SET } from '../../src/rules/schema/rule-set-limits.js';
import { validateRuleSet } from '../../src/rules/validation/rule-set-validator.js';
import { createTenant } from '../api/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';

type Health = { components: { id: string; rules: { id: string }[] }[]; description: string };
const defaultHealth = () => JSON.parse(readFileSync('rules/health.json', 'utf8')) as Health;

/** The default health rule set grown to `total` rules: copies of each component's rules under new ids (still valid). */
function healthWithRules(total: number): Health {
  const doc = defaultHealth();
  let count = doc.components.reduce((sum, c) => sum + c.rules.length, 0);
  for (let round = 0; count < total; round++) {
    for (const component of doc.components) {
      const original = component.rules.length;
      for (let i = 0; i < original && count < total && component.rules.length < 100; i++, count++) component.rules.push({ ...component.rules[i], id: `${component.rules[i].id}-copy-${round}-${i}` });
    }
  }
  return doc;
}

/** The default health rule set padded (in its description) to exactly `bytes` of compact JSON. */
function healthOfBytes(bytes: number): Health {
  const doc = defaultHealth();
  doc.description = '';
  doc.description = 'x'.repeat(bytes - Buffer.byteLength(JSON.stringify(doc)));
  return doc;
}

describe('rule-set size limits in the validator', () => {
  let installed: InstalledPlugins;
  beforeAll(async () => {
    installed = await installPlugins();
  });
  const validate = (doc: unknown) => validateRuleSet('health', doc, { catalog: installed.catalog, operators: installed.operators });

  it(`at most ${MAX_RULES_PER_SET} rules: ${MAX_RULES_PER_SET} pass, one more is rejected`, async () => {
    expect((await validate(healthWithRules(MAX_RULES_PER_SET))).valid).toBe(true);
    const over = await validate(healthWithRules(MAX_RULES_PER_SET + 1));
    expect(over.valid).toBe(false);
    expect(over.issues).toEqual([{ path: '(document)', severity: 'error', message: `rule set has ${MAX_RULES_PER_SET + 1} rules; at most ${MAX_RULES_PER_SET} are accepted` }]);
  });

  it(`at most ${MAX_RULE_SET_BYTES} bytes: the limit itself passes, one byte more is rejected`, async () => {
    // A description that long is invalid for other reasons (max 5,000 characters): only the size issue must be absent.
    const at = await validate(healthOfBytes(MAX_RULE_SET_BYTES));
    expect(at.issues.some((i) => i.message.includes('bytes'))).toBe(false);
    const over = await validate(healthOfBytes(MAX_RULE_SET_BYTES + 1));
    expect(over.issues).toEqual([{ path: '(document)', severity: 'error', message: `rule set is ${MAX_RULE_SET_BYTES + 1} bytes; at most ${MAX_RULE_SET_BYTES} bytes are accepted` }]);
  });

  it(`at most ${MAX_DOCUMENT_DEPTH} levels of nesting`, async () => {
    const nested = (levels: number) => {
      const doc = defaultHealth() as Health & { $schema?: unknown };
      let value: unknown = 'x';
      for (let i = 0; i < levels; i++) value = [value];
      (doc as Record<string, unknown>).extra = value; // an unknown key: rejected by the schema if the depth passes
      return doc;
    };
    expect((await validate(nested(MAX_DOCUMENT_DEPTH - 1))).issues.some((i) => i.message.includes('nested deeper'))).toBe(false);
    expect((await validate(nested(MAX_DOCUMENT_DEPTH))).issues[0].message).toContain(`nested deeper than ${MAX_DOCUMENT_DEPTH} levels`);
  });
});

describe.each(testDialects())('rule-set size limits through the authoring API ($name)', (dialect) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(dialect);
    await createTenant(app);
  });
  afterAll(async () => app?.close());

  it('a draft of too many rules or bytes is a 400 naming the limit; one at the limit is stored', async () => {
    const tooMany = await app.call('POST', '/api/v1/rule-sets/health/drafts', { document: healthWithRules(MAX_RULES_PER_SET + 1) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.issues).toEqual([expect.objectContaining({ path: 'body.document', message: expect.stringContaining(`at most ${MAX_RULES_PER_SET} are accepted`) })]);
    const tooBig = await app.call('POST', '/api/v1/rule-sets/health/validate', healthOfBytes(MAX_RULE_SET_BYTES + 1));
    expect(tooBig.body).toMatchObject({ valid: false, issues: [expect.objectContaining({ message: expect.stringContaining(`at most ${MAX_RULE_SET_BYTES} bytes`) })] });
    const atLimit = await app.call('POST', '/api/v1/rule-sets/health/drafts', { document: healthWithRules(MAX_RULES_PER_SET) });
    expect(atLimit.status).toBe(201);
    expect((await app.call('GET', `/api/v1/rule-sets/health/versions/${atLimit.body.version}`)).body.document.components.reduce((n: number, c: { rules: unknown[] }) => n + c.rules.length, 0)).toBe(MAX_RULES_PER_SET);
  });
});
