/**
 * Rule-document fuzzing through the validator (src/rules/validation/): thousands of seeded
 * mutations of every default rule file and plugin pack. The validator must never throw, every
 * rejection must name a path, a hostile document must not take long or touch Object.prototype,
 * and whatever it accepts (never with a prototype key) must evaluate on account facts without an error.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { installPlugins } from '../../src/plugin-host/install-plugins.js';
import type { InstalledPlugins } from '../../src/plugin-host/installed-plugins.js';
import { CompiledRuleBundle } from '../../src/rules/engine/compiled-rule-bundle.js';
import { applyRulePacks } from '../../src/rules/packs/apply-rule-packs.js';
import type { RulePack } from '../../src/rules/schema/rule-pack.schema.js';
import type { RuleBundle, RuleSetKind } from '../../src/rules/schema/rule-set.schema.js';
import { validateRulePack } from '../../src/rules/validation/rule-pack-validator.js';
import { validateRuleSet } from '../../src/rules/validation/rule-set-validator.js';
import type { ValidationReport } from '../../src/rules/validation/validation-issue.js';
import { evaluateAccount } from '../../src/scoring/account-evaluator.js';
import { recordFigures } from './record-figures.js';
import { defaultRuleFiles, mutate, prng, sampleFacts, SEED, type RuleFile } from './rule-mutations.js';

const MUTANTS_PER_FILE = 160;
/** A hostile document is judged in well under this (the slowest legitimate one takes a few ms). */
const SLOW_MS = 1_500;
const AS_OF = new Date('2026-11-20T12:00:00Z');
const reproduce = `seed ${SEED}: rerun with HOSTILE_SEED=${SEED}`;

describe('rule documents fuzzed through the validator', () => {
  let installed: InstalledPlugins;
  let files: RuleFile[];
  const figures = { mutants: 0, accepted: 0, rejected: 0, evaluations: 0 };

  beforeAll(async () => {
    installed = await installPlugins();
    files = defaultRuleFiles();
  });

  async function validate(file: RuleFile, document: unknown): Promise<ValidationReport & { document?: unknown }> {
    const ctx = { catalog: installed.catalog, operators: installed.operators, base: installed.defaults.bundle };
    if (!file.id.includes('.')) return validateRuleSet(file.id, document, ctx);
    const plugin = file.id.split('.')[0];
    return validateRulePack(document, { ...ctx, plugin, extends: file.id.split('.')[1] as RulePack['extends'] });
  }

  /** The bundle an accepted document would score with: a core kind replaced, or a pack applied. */
  function bundleWith(file: RuleFile, document: unknown): RuleBundle {
    const base = installed.defaults.bundle;
    return file.id.includes('.') ? applyRulePacks(base, [document as RulePack]) : { ...base, [file.id as RuleSetKind]: document };
  }

  it('covers every default rule file and every plugin pack', () => {
    const ids = files.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['tier', 'lifecycle', 'health', 'signals', 'escalation', 'cadence', 'legal.signals', 'technology.health']));
    expect(ids.length).toBe(6 + installed.packs.length);
  });

  it('the unmutated files are valid (the mutations start from real documents)', async () => {
    for (const file of files) expect((await validate(file, structuredClone(file.document))).valid, file.file).toBe(true);
  });

  it(`${MUTANTS_PER_FILE} seeded mutants per file: never throws, every rejection has a path, accepted ones evaluate (${reproduce})`, { timeout: 600_000 }, async () => {
    const problems: string[] = [];
    const factNames = installed.catalog.definitions().map((d) => d.name);
    const operatorNames = installed.operators.names();
    for (const [fileIndex, file] of files.entries()) {
      const rnd = prng(SEED + fileIndex);
      for (let i = 0; i < MUTANTS_PER_FILE; i++) {
        const { document, applied } = mutate(rnd, file.document, factNames, operatorNames);
        const label = `${file.id} mutant ${i} [${applied.join('; ')}] (${reproduce})`;
        figures.mutants++;
        const started = performance.now();
        let report: Awaited<ReturnType<typeof validate>>;
        try {
          report = await validate(file, document);
        } catch (error) {
          problems.push(`${label}: validator threw ${(error as Error).stack}`);
          continue;
        }
        const ms = performance.now() - started;
        if (ms > SLOW_MS) problems.push(`${label}: took ${Math.round(ms)} ms`);
        if (({} as Record<string, unknown>).polluted !== undefined) problems.push(`${label}: Object.prototype was polluted`);
        if (!report.valid) {
          figures.rejected++;
          const errors = report.issues.filter((issue) => issue.severity === 'error');
          if (!errors.length) problems.push(`${label}: rejected without an error issue`);
          for (const issue of errors) if (typeof issue.path !== 'string' || !issue.path || typeof issue.message !== 'string' || !issue.message) problems.push(`${label}: issue without path or message ${JSON.stringify(issue)}`);
          continue;
        }
        figures.accepted++;
        if (/"(__proto__|constructor|prototype)":/.test(JSON.stringify(report.document))) problems.push(`${label}: accepted a document with a prototype key`);
        try {
          const compiled = new CompiledRuleBundle(bundleWith(file, report.document), {}, installed.operators);
          for (let s = 0; s < 3; s++) {
            const evaluation = await evaluateAccount(compiled, sampleFacts(rnd, installed.catalog), { recent: [] }, AS_OF);
            figures.evaluations++;
            if (!Number.isFinite(evaluation.score) || evaluation.score < 0 || evaluation.score > 100) problems.push(`${label}: accepted document scores ${evaluation.score}`);
          }
        } catch (error) {
          problems.push(`${label}: accepted, but evaluation threw ${(error as Error).stack}`);
        }
      }
    }
    recordFigures('rule-documents-validator', { command: 'node node_modules/vitest/vitest.mjs run tests/hostile/rule-document-fuzz.test.ts', seed: SEED, files: files.length, ...figures, failures: problems.length });
    expect(problems.slice(0, 5)).toEqual([]);
    // The mutations must exercise both outcomes, or the test proves nothing.
    expect(figures.mutants).toBe(files.length * MUTANTS_PER_FILE);
    expect(figures.rejected).toBeGreaterThan(figures.mutants / 2);
    expect(figures.accepted).toBeGreaterThan(20);
    console.info(`[hostile] rule documents via the validator: ${JSON.stringify(figures)} (${reproduce})`);
  });

  it('a fact reference of 200,000 characters is rejected quickly, not edit-distance-matched against the catalog', async () => {
    const file = files.find((f) => f.id === 'signals')!;
    const doc = structuredClone(file.document) as { signals: { conditions: { all: unknown[] } }[] };
    doc.signals[0].conditions = { all: [{ fact: 'touchpoints90d', operator: 'lessThan', value: { fact: 'x'.repeat(200_000) } }] };
    const started = performance.now();
    const report = await validate(file, doc);
    expect(performance.now() - started).toBeLessThan(500);
    expect(report.valid).toBe(false);
    expect(report.issues[0]).toMatchObject({ path: 'signals[0].conditions.all[0].value.fact' });
  });
});
