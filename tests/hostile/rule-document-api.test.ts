/**
 * Rule-document fuzzing through the authoring API: seeded mutants of every default rule file and
 * plugin pack go to POST /rule-sets/:kind/validate and /drafts on a firm with a portfolio. Never a
 * 5xx; /validate and /drafts agree (text with NUL or lone surrogates is a 400 from both); every
 * rejection names a path inside the document; an accepted draft simulates (200) and nothing but
 * drafts is written (the active versions stay 0).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoPortfolio } from '../../src/persistence/demo/seed-demo.js';
import { installPlugins } from '../../src/plugin-host/install-plugins.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';
import { recordFigures } from './record-figures.js';
import { defaultRuleFiles, mutate, prng, SEED, type RuleFile } from './rule-mutations.js';

const MUTANTS_PER_FILE = 40;
const reproduce = `seed ${SEED}: rerun with HOSTILE_SEED=${SEED}`;

describe.each(testDialects())('rule documents fuzzed through the authoring API ($name)', (dialect) => {
  let app: TestApp;
  let files: RuleFile[];
  let factNames: string[];
  let operatorNames: string[];

  beforeAll(async () => {
    app = await startTestApp(dialect, { RATE_LIMIT_PER_MINUTE: '1000000' }); // thousands of requests with one credential
    // A small portfolio: tier documents are checked for coverage on it, drafts are simulated on it.
    await seedDemoPortfolio(app.orm, { tenantId: 'acme', asOf: new Date(), accounts: 25 });
    const installed = await installPlugins();
    factNames = installed.catalog.definitions().map((d) => d.name);
    operatorNames = installed.operators.names();
    files = defaultRuleFiles();
  });
  afterAll(async () => app?.close());

  it(`${MUTANTS_PER_FILE} mutants per file through /validate and /drafts: no 5xx, agreeing verdicts with paths (${reproduce})`, { timeout: 600_000 }, async () => {
    const problems: string[] = [];
    const accepted = new Map<string, number>();
    let requests = 0;
    for (const [fileIndex, file] of files.entries()) {
      const rnd = prng(SEED + 7919 * (fileIndex + 1));
      for (let i = 0; i < MUTANTS_PER_FILE; i++) {
        const { document, applied } = mutate(rnd, file.document, factNames, operatorNames);
        const label = `${file.id} mutant ${i} [${applied.join('; ')}] (${reproduce})`;
        const verdict = await app.call('POST', `/api/v1/rule-sets/${file.id}/validate`, document);
        const draft = await app.call('POST', `/api/v1/rule-sets/${file.id}/drafts`, { document });
        requests += 2;
        // Text no database keeps (NUL, lone surrogates) is refused before any endpoint: a 400 from both.
        if (verdict.status === 400 && verdict.body?.issues?.every((issue: { code: string; path: string }) => issue.code === 'invalid_string' && issue.path.startsWith('body'))) {
          if (draft.status !== 400 || !draft.body.issues.every((issue: { path: string }) => issue.path.startsWith('body.document'))) problems.push(`${label}: unsafe text, but /drafts answered ${draft.status} ${JSON.stringify(draft.body).slice(0, 300)}`);
          continue;
        }
        if (verdict.status !== 200 || typeof verdict.body?.valid !== 'boolean' || !Array.isArray(verdict.body.issues)) {
          problems.push(`${label}: /validate answered ${verdict.status} ${JSON.stringify(verdict.body).slice(0, 300)}`);
          continue;
        }
        if (verdict.body.valid) {
          if (draft.status !== 201) problems.push(`${label}: valid, but /drafts answered ${draft.status} ${JSON.stringify(draft.body).slice(0, 300)}`);
          else {
            accepted.set(file.id, (accepted.get(file.id) ?? 0) + 1);
            const simulated = await app.call('POST', `/api/v1/rule-sets/${file.id}/simulate`, { version: draft.body.version });
            requests++;
            if (simulated.status !== 200) problems.push(`${label}: accepted draft ${draft.body.version} does not simulate: ${simulated.status} ${JSON.stringify(simulated.body).slice(0, 300)}`);
          }
          continue;
        }
        const errors = verdict.body.issues.filter((issue: { severity: string }) => issue.severity === 'error');
        if (!errors.length || errors.some((issue: { path?: unknown; message?: unknown }) => typeof issue.path !== 'string' || !issue.path || typeof issue.message !== 'string')) {
          problems.push(`${label}: /validate rejected without a path: ${JSON.stringify(verdict.body.issues).slice(0, 300)}`);
        }
        if (draft.status !== 400 || draft.body?.error !== 'validation_failed' || !draft.body.issues?.length) {
          problems.push(`${label}: invalid, but /drafts answered ${draft.status} ${JSON.stringify(draft.body).slice(0, 300)}`);
        } else if (draft.body.issues.some((issue: { path: string }) => !issue.path.startsWith('body.document'))) {
          problems.push(`${label}: a /drafts issue outside body.document: ${JSON.stringify(draft.body.issues).slice(0, 300)}`);
        }
      }
    }
    recordFigures(`rule-documents-api-${dialect.name}`, { command: 'node node_modules/vitest/vitest.mjs run tests/hostile/rule-document-api.test.ts', seed: SEED, mutants: files.length * MUTANTS_PER_FILE, requests, acceptedDrafts: [...accepted.values()].reduce((a, b) => a + b, 0), failures: problems.length });
    expect(problems.slice(0, 5)).toEqual([]);
    expect([...accepted.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    // Drafts only: every accepted mutant is one stored draft, nothing was published.
    for (const file of files) {
      const versions = await app.call('GET', `/api/v1/rule-sets/${file.id}/versions`);
      expect(versions.body.activeVersion, file.id).toBe(0);
      expect(versions.body.versions.length - 1, file.id).toBe(accepted.get(file.id) ?? 0);
    }
    console.info(`[hostile] rule documents via the API (${dialect.name}): ${files.length * MUTANTS_PER_FILE} mutants, ${requests} requests, ${[...accepted.values()].reduce((a, b) => a + b, 0)} accepted drafts (${reproduce})`);
  });
});
