/**
 * Differential tests: the compiled evaluation path (src/rules/engine/compile-condition.ts) must
 * return exactly what json-rules-engine returns, the reference semantics. Compared on
 *   (a) every default rule set and every plugin-applied bundle, on the facts of every account of a
 *       seeded demo portfolio with plugin attributes (SQLite), phase by phase and end to end;
 *   (b) those facts randomly perturbed: nulls, undefined, removed keys, threshold boundaries, wrong types;
 *   (c) generated random rules over the catalog facts and every registered operator (core + plugin),
 *       and once more with edge-case operators (raw non-boolean results, structured values, throwing).
 * A "result" is the sorted list of matched ids, or "throws" when evaluation fails (json-rules-engine
 * rejects, the compiled path throws). Randomness comes from a seeded PRNG: a failure names the
 * seed; rerun with RULES_FUZZ_SEED=<seed> to reproduce it (RULES_FUZZ_SEED=random explores new cases).
 *
 * json-rules-engine engines are only ever run one call at a time here: concurrent runs of one
 * Engine share its `status` and can skip rules (seen with json-rules-engine 7.3.1).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { accountIdsOfTenant, computeFactsForAccounts } from '../../src/facts/batch-fact-computer.js';
import type { FactDefinition, FactValues } from '../../src/facts/fact-definition.js';
import { openOrm } from '../../src/persistence/open-orm.js';
import { seedDemoPortfolio } from '../../src/persistence/demo/seed-demo.js';
import { addPluginDemoAttributes } from '../../src/plugin-host/demo-attributes.js';
import { installPlugins } from '../../src/plugin-host/install-plugins.js';
import type { InstalledPlugins } from '../../src/plugin-host/installed-plugins.js';
import { ConditionEngine, type NamedConditions } from '../../src/rules/engine/condition-engine.js';
import { leafConditions } from '../../src/rules/engine/condition-walk.js';
import { CompiledRuleBundle, EVALUATION_PHASES, phaseConditions, type EvaluationPhase } from '../../src/rules/engine/compiled-rule-bundle.js';
import { OperatorRegistry, type OperatorDefinition } from '../../src/rules/engine/operator-registry.js';
import { applyRulePacks } from '../../src/rules/packs/apply-rule-packs.js';
import type { Condition, TopLevelCondition } from '../../src/rules/schema/condition.schema.js';
import type { RuleBundle } from '../../src/rules/schema/rule-set.schema.js';
import { evaluateAccount } from '../../src/scoring/account-evaluator.js';
import type { ScoreHistory } from '../../src/scoring/evaluation.js';

const TENANT = 'diff';
const AS_OF = new Date('2026-11-20T12:00:00Z');
const ACCOUNTS = 200;
const INDUSTRIES = ['consulting', 'legal', 'accounting', 'agency', 'technology', 'other'] as const;
const PHASES = EVALUATION_PHASES;
type Phase = EvaluationPhase;
type Facts = Record<string, unknown>;

const SEED = process.env.RULES_FUZZ_SEED === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.RULES_FUZZ_SEED ?? 20261122);
const reproduce = `seed ${SEED}: rerun with RULES_FUZZ_SEED=${SEED}`;

/** mulberry32: a small PRNG, the same sequence everywhere for the same seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
type Rnd = () => number;
const pick = <T>(rnd: Rnd, list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
const int = (rnd: Rnd, min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));

/** A matcher's answer as a comparable string. Callers await one call at a time (see the header). */
async function outcome(engine: { matching(facts: FactValues): Promise<Set<string>> }, facts: Facts): Promise<string> {
  try {
    return [...(await engine.matching(facts as FactValues))].sort().join(',');
  } catch {
    return 'throws';
  }
}

/** JSON that shows undefined values and non-finite numbers, for failure messages. */
const show = (v: unknown) => JSON.stringify(v, (_k, x) => (x === undefined ? '<undefined>' : typeof x === 'number' && !Number.isFinite(x) ? `<${x}>` : x));

function bundleFor(installed: InstalledPlugins, industry: string): RuleBundle {
  const packs = installed.packs.filter((p) => p.industries.includes(industry)).sort((a, b) => a.id.localeCompare(b.id));
  return applyRulePacks(installed.defaults.bundle, packs.map((p) => p.document));
}

/** Every condition tree of a bundle, all phases. */
const allTrees = (bundle: RuleBundle): Condition[] => Object.values(phaseConditions(bundle)).flatMap((items) => items.map((i) => i.conditions));

/** Numbers the rules compare each fact with: the interesting boundaries. */
function thresholds(trees: Condition[]): Map<string, number[]> {
  const out = new Map<string, Set<number>>();
  for (const tree of trees) {
    for (const { leaf } of leafConditions(tree)) {
      const values = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
      for (const v of values) if (typeof v === 'number') out.set(leaf.fact, (out.get(leaf.fact) ?? new Set()).add(v));
    }
  }
  return new Map([...out].map(([k, v]) => [k, [...v]]));
}

interface Recorded {
  facts: Record<Phase, FactValues>;
  matched: Record<Phase, string>;
  evaluation: unknown;
}

/** evaluateAccount through `bundle`, recording each phase's facts and matched ids. */
async function evaluateRecording(bundle: CompiledRuleBundle, facts: FactValues, history: ScoreHistory): Promise<Recorded> {
  const rec = { facts: {}, matched: {} } as Recorded;
  const spy = (phase: Phase) => ({
    size: bundle[phase].size,
    async matching(f: FactValues) {
      rec.facts[phase] = f;
      const m = await bundle[phase].matching(f);
      rec.matched[phase] = [...m].sort().join(',');
      return m;
    },
  });
  const recording = { bundle: bundle.bundle, versions: bundle.versions, profile: spy('profile'), health: spy('health'), signals: spy('signals'), escalation: spy('escalation') };
  rec.evaluation = await evaluateAccount(recording as unknown as CompiledRuleBundle, facts, history, AS_OF);
  return rec;
}

const NO_HISTORY: ScoreHistory = { recent: [] };
/** A previous snapshot and recent scores, so the score-history facts (change, drop) are not null. */
const RICH_HISTORY: ScoreHistory = {
  previous: { score: 71, tier: 4, tierBelowSince: null, protocols: [], computedAt: new Date(AS_OF.getTime() - 3 * 86_400_000) },
  recent: [
    { at: new Date(AS_OF.getTime() - 20 * 86_400_000), score: 88 },
    { at: new Date(AS_OF.getTime() - 3 * 86_400_000), score: 71 },
  ],
  score30DaysAgo: 90,
};

describe('compiled rule evaluation returns exactly what json-rules-engine returns', () => {
  let installed: InstalledPlugins;
  let orm: MikroORM;
  let dir: string;
  const bundles = new Map<string, { compiled: CompiledRuleBundle; reference: CompiledRuleBundle }>();
  /** Per account: its industry and the facts of each phase (recorded under its own industry's bundle). */
  const portfolio: { id: string; industry: string; domain: FactValues; phases: Record<Phase, FactValues> }[] = [];

  beforeAll(async () => {
    installed = await installPlugins();
    for (const industry of INDUSTRIES) {
      const bundle = bundleFor(installed, industry);
      bundles.set(industry, {
        compiled: new CompiledRuleBundle(bundle, {}, installed.operators, 'compiled'),
        reference: new CompiledRuleBundle(bundle, {}, installed.operators, 'json-rules-engine'),
      });
    }
    dir = mkdtempSync(join(tmpdir(), 'retention-compiled-'));
    orm = await openOrm(loadConfig({ DATA_DIR: dir, SQLITE_FILE: 'diff.sqlite', LOG_LEVEL: 'silent', TEMPORAL_ADDRESS: '127.0.0.1:1' }));
    await orm.migrator.up();
    await seedDemoPortfolio(orm, { tenantId: TENANT, asOf: AS_OF, accounts: ACCOUNTS, decorate: (p, asOf) => addPluginDemoAttributes(installed, p, asOf) });
    const ids = await accountIdsOfTenant(orm.em.fork(), TENANT, { includeChurned: true }); // churned ones too: more varied facts
    const facts = await computeFactsForAccounts(installed.catalog, orm.em.fork(), TENANT, ids, AS_OF);
    for (const [id, domain] of facts) {
      const industry = typeof domain.industry === 'string' && bundles.has(domain.industry) ? domain.industry : 'other';
      const rec = await evaluateRecording(bundles.get(industry)!.compiled, domain, RICH_HISTORY);
      portfolio.push({ id, industry, domain, phases: rec.facts });
    }
  });

  afterAll(async () => {
    await orm?.close(true);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('seeds a portfolio that exercises every plugin industry', () => {
    expect(portfolio.length).toBe(ACCOUNTS);
    for (const industry of INDUSTRIES.filter((i) => i !== 'other')) expect(portfolio.some((a) => a.industry === industry)).toBe(true);
  });

  it('(a) every default and plugin-applied bundle, every demo account, phase by phase and end to end', async () => {
    const mismatches: string[] = [];
    const fired = new Map<string, Set<string>>();
    let cases = 0;
    for (const [industry, { compiled, reference }] of bundles) {
      for (const account of portfolio) {
        // Every account through every bundle (plugin facts of other industries are null there), and
        // its own industry's bundle with a score history too.
        const histories = account.industry === industry ? [NO_HISTORY, RICH_HISTORY] : [NO_HISTORY];
        for (const history of histories) {
          const ref = await evaluateRecording(reference, account.domain, history);
          const ours = await evaluateRecording(compiled, account.domain, history);
          cases++;
          for (const phase of PHASES) {
            const direct = await outcome(compiled[phase], ref.facts[phase]);
            if (direct !== ref.matched[phase] || ours.matched[phase] !== ref.matched[phase]) {
              mismatches.push(`${industry} bundle, account ${account.id}, ${phase}: json-rules-engine [${ref.matched[phase]}], compiled [${direct}] / [${ours.matched[phase]}]`);
            }
            for (const id of ref.matched[phase].split(',').filter(Boolean)) fired.set(phase, (fired.get(phase) ?? new Set()).add(id));
          }
          try {
            expect(ours.evaluation).toEqual(ref.evaluation);
          } catch {
            mismatches.push(`${industry} bundle, account ${account.id}: evaluations differ`);
          }
        }
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(cases).toBe(ACCOUNTS * INDUSTRIES.length + ACCOUNTS);
    // Not vacuous: rules of every phase fired on the demo portfolio.
    for (const phase of PHASES) expect(fired.get(phase)?.size ?? 0).toBeGreaterThan(phase === 'escalation' ? 0 : 3);
  });

  it('(b) randomly perturbed demo facts: nulls, undefined, removed keys, boundaries, wrong types', async () => {
    const rnd = prng(SEED);
    const bounds = new Map<string, Map<string, number[]>>();
    const referenced = new Map<string, string[]>();
    for (const [industry] of bundles) {
      const trees = allTrees(bundleFor(installed, industry));
      bounds.set(industry, thresholds(trees));
      referenced.set(industry, [...new Set(trees.flatMap((t) => [...leafConditions(t)].flatMap(({ leaf }) => [leaf.fact, ...(leaf.value && typeof leaf.value === 'object' && 'fact' in leaf.value ? [String(leaf.value.fact)] : [])])))]);
    }
    const allNames = installed.catalog.names();
    const perturb = (facts: Facts, industry: string): Facts => {
      const out: Facts = { ...facts };
      const names = referenced.get(industry)!;
      for (let k = int(rnd, 1, 8); k > 0; k--) {
        const name = rnd() < 0.85 ? pick(rnd, names) : pick(rnd, allNames);
        const current = out[name];
        const near = bounds.get(industry)!.get(name) ?? [];
        const r = rnd();
        if (r < 0.2) out[name] = null;
        else if (r < 0.27) out[name] = undefined;
        else if (r < 0.3) delete out[name]; // an undefined fact: both must throw
        else if (r < 0.6 && near.length) out[name] = pick(rnd, near) + pick(rnd, [0, 0, 0.01, -0.01, 1, -1]);
        else if (r < 0.75) out[name] = typeof current === 'number' ? pick(rnd, [String(current), true, false, [current]]) : typeof current === 'string' ? pick(rnd, [42, 0, true, '']) : typeof current === 'boolean' ? pick(rnd, [1, 0, 'true', String(current)]) : pick(rnd, [0, '', false, 'x']);
        else if (r < 0.85) out[name] = pick(rnd, [0, -0, -1, 1e12, Number.NaN, Number.POSITIVE_INFINITY, '', 'legal']);
        else out[name] = typeof current === 'number' ? current + pick(rnd, [1, -1, 0.5]) : typeof current === 'boolean' ? !current : null;
      }
      return out;
    };
    const mismatches: string[] = [];
    const outcomes = new Map<string, number>();
    const CASES = 1200;
    for (let i = 0; i < CASES; i++) {
      const account = pick(rnd, portfolio);
      const industry = rnd() < 0.7 ? account.industry : pick(rnd, [...bundles.keys()]);
      const { compiled, reference } = bundles.get(industry)!;
      for (const phase of PHASES) {
        const facts = perturb(account.phases[phase], industry);
        const expected = await outcome(reference[phase], facts);
        const actual = await outcome(compiled[phase], facts);
        outcomes.set(expected === 'throws' ? 'throws' : expected === '' ? 'none' : 'some', (outcomes.get(expected === 'throws' ? 'throws' : expected === '' ? 'none' : 'some') ?? 0) + 1);
        if (actual !== expected) mismatches.push(`case ${i}, ${industry} ${phase}: json-rules-engine [${expected}], compiled [${actual}]; facts ${show(facts)}`);
      }
    }
    expect(mismatches.slice(0, 3), reproduce).toEqual([]);
    // Not vacuous: matches, empty results and failures all occurred.
    expect(outcomes.get('some')).toBeGreaterThan(CASES);
    expect(outcomes.get('throws')).toBeGreaterThan(10);
  });

  describe('(c) generated random rules', () => {
    const NUMBERS = [-1, 0, 0.5, 1, 2, 3, 5, 7, 10, 14, 30, 45, 60, 90, 180, 365, 366, 1000, 250_000];
    const PATTERNS = ['^a', 'a', 'legal|consult', '^$', '.*', '[0-9]+', 'ing$', '^[A-Z]'];
    const STRINGS = ['', 'a', 'legal', 'consulting', 'agency', 'Acme', 'x-y', 'technology', 'active'];

    interface Universe {
      operators: OperatorRegistry;
      facts: readonly FactDefinition[];
      numbers: Map<string, number[]>;
    }

    function universe(operators: OperatorRegistry): Universe {
      const numbers = thresholds(allTrees(installed.defaults.bundle));
      for (const pack of installed.packs) for (const [k, v] of thresholds(allTrees(bundleFor(installed, pack.industries[0])))) numbers.set(k, v);
      return { operators, facts: installed.catalog.definitions(), numbers };
    }

    function scalar(u: Universe, rnd: Rnd, fact: FactDefinition): unknown {
      if (rnd() < 0.08) return pick(rnd, [...NUMBERS, ...STRINGS, true, false]); // wrong type now and then
      if (fact.type === 'boolean') return rnd() < 0.5;
      if (fact.type === 'string') return pick(rnd, fact.enumValues?.length ? [...fact.enumValues, ...STRINGS.slice(0, 2)] : STRINGS);
      const near = u.numbers.get(fact.name) ?? [];
      const own = [fact.min, fact.max].filter((v): v is number => v !== undefined);
      const base = pick(rnd, [...NUMBERS, ...near, ...near, ...own]);
      return rnd() < 0.2 ? base + pick(rnd, [1, -1, 0.01]) : base;
    }

    /** Values an operator with its own value schema accepts, found by trying candidates on the schema. */
    function schemaValue(rnd: Rnd, schema: z.ZodType, fact: FactDefinition): unknown {
      const candidates: unknown[] = [...NUMBERS, ...PATTERNS, ...STRINGS, ...(fact.enumValues ?? []), true, false, { min: 0, max: 10 }, { min: 5, max: 365 }, { min: -1, max: 0 }, { min: 30, max: 30 }, [1, 2], ['a']];
      const fitting = candidates.filter((c) => schema.safeParse(c).success);
      return fitting.length && rnd() < 0.92 ? pick(rnd, fitting) : pick(rnd, candidates);
    }

    function leaf(u: Universe, rnd: Rnd, focus: FactDefinition[]): Condition {
      const operator = pick(rnd, u.operators.all());
      const fitting = focus.filter((f) => operator.factTypes.includes(f.type));
      const fact = fitting.length && rnd() < 0.9 ? pick(rnd, fitting) : pick(rnd, focus);
      let value: unknown;
      if (rnd() < 0.15) {
        // A reference to another fact's value, usually of the same type.
        const same = focus.filter((f) => f.type === fact.type && f.name !== fact.name);
        value = { fact: (same.length && rnd() < 0.85 ? pick(rnd, same) : pick(rnd, focus)).name };
      } else if (operator.value === 'sameAsFact') value = scalar(u, rnd, fact);
      else if (operator.value === 'arrayOfFactType') value = rnd() < 0.05 ? scalar(u, rnd, fact) : Array.from({ length: int(rnd, 0, 4) }, () => scalar(u, rnd, fact));
      else value = schemaValue(rnd, operator.value, fact);
      return { fact: fact.name, operator: operator.name, value } as Condition;
    }

    /** A random node at `depth` (the top level is 0, leaves at most 4 deep): 1-4 children, one child on purpose (it changes the semantics). */
    function node(u: Universe, rnd: Rnd, focus: FactDefinition[], depth: number): Condition {
      if (depth >= 4 || rnd() < 0.15 + depth * 0.2) return leaf(u, rnd, focus);
      return branch(u, rnd, focus, depth);
    }

    function branch(u: Universe, rnd: Rnd, focus: FactDefinition[], depth: number): TopLevelCondition {
      const kind = pick(rnd, ['all', 'any', 'all', 'any', 'not']);
      if (kind === 'not') return { not: node(u, rnd, focus, depth + 1) };
      const n = rnd() < 0.02 ? 0 : int(rnd, 1, 4); // an empty list now and then: json-rules-engine counts it as true
      const children = Array.from({ length: n }, () => node(u, rnd, focus, depth + 1));
      return kind === 'all' ? { all: children } : { any: children };
    }

    /** Every catalog fact present, like production: null (missing) often, sometimes undefined or of the wrong type; now and then a key removed. */
    function facts(u: Universe, rnd: Rnd, focus: FactDefinition[]): Facts {
      const out: Facts = {};
      for (const fact of u.facts) {
        const r = rnd();
        out[fact.name] = r < 0.25 ? null : r < 0.28 ? undefined : r < 0.33 ? pick(rnd, [0, '', false, 'x', 7, Number.NaN]) : scalar(u, rnd, fact);
      }
      if (rnd() < 0.015) delete out[pick(rnd, focus).name];
      return out;
    }

    async function fuzz(u: Universe, engines: number, factSets: number, label: string, stream: number) {
      const rnd = prng(SEED + stream); // one PRNG stream per test, so each reproduces on its own
      const counts = { cases: 0, rules: 0, fired: 0, notFired: 0, throws: 0 };
      for (let i = 0; i < engines; i++) {
        const focus = Array.from({ length: int(rnd, 3, 8) }, () => pick(rnd, u.facts));
        const items: NamedConditions[] = Array.from({ length: int(rnd, 1, 6) }, (_, k) => ({ id: `r${k}`, conditions: branch(u, rnd, focus, 0) }));
        counts.rules += items.length;
        const compiled = new ConditionEngine(items, u.operators, 'compiled');
        const reference = new ConditionEngine(items, u.operators, 'json-rules-engine');
        for (let j = 0; j < factSets; j++) {
          const f = facts(u, rnd, focus);
          const expected = await outcome(reference, f);
          const actual = await outcome(compiled, f);
          counts.cases++;
          if (expected === 'throws') counts.throws++;
          else {
            const fired = expected.split(',').filter(Boolean).length;
            counts.fired += fired;
            counts.notFired += items.length - fired;
          }
          if (actual !== expected) {
            throw new Error(`${label}: engine ${i}, facts ${j}: json-rules-engine [${expected}], compiled [${actual}] (${reproduce})\nrules ${show(items)}\nfacts ${show(Object.fromEntries(focus.map((d) => [d.name, f[d.name]])))}`);
          }
        }
      }
      return counts;
    }

    it('over the catalog facts and every registered operator (core + plugin)', async () => {
      const u = universe(installed.operators);
      expect(u.operators.names()).toEqual(expect.arrayContaining(['equal', 'isMissing', 'matchesPattern', 'accounting.withinNextDays', 'technology.withinNextDays']));
      const counts = await fuzz(u, 700, 8, 'registered operators', 1);
      expect(counts.cases).toBe(5600);
      // Not vacuous: rules both fired and did not, and some runs failed (removed keys).
      expect(counts.fired).toBeGreaterThan(counts.rules);
      expect(counts.notFired).toBeGreaterThan(counts.rules);
      expect(counts.throws).toBeGreaterThan(10);
    });

    it('with edge-case operators: raw non-boolean results, structured values, missing-aware, throwing', async () => {
      const EDGE: OperatorDefinition[] = [
        // Returns the fact itself (0, '', a number, a string): json-rules-engine counts only `=== true` inside all/any, truthiness at the top and in not.
        { name: 'test.raw', description: 'raw', factTypes: ['number', 'string', 'boolean'], value: 'sameAsFact', evaluate: (a) => a as boolean },
        { name: 'test.rawMissing', description: 'raw, missing-aware', factTypes: ['number', 'string', 'boolean'], value: 'sameAsFact', handlesMissing: true, evaluate: (a, b) => (a ?? b) as boolean },
        { name: 'test.between', description: 'structured value', factTypes: ['number'], value: z.object({ min: z.number(), max: z.number() }), evaluate: (a, b) => typeof a === 'number' && a >= (b as { min: number }).min && a <= (b as { max: number }).max },
        { name: 'test.throws', description: 'throws on 7', factTypes: ['number', 'string', 'boolean'], value: 'sameAsFact', evaluate: (a) => { if (a === 7 || a === 'x') throw new Error('boom'); return typeof a === 'number' && a > 5; } },
      ];
      const operators = new OperatorRegistry(installed.operators.all());
      for (const op of EDGE) operators.register(op, 'test');
      const counts = await fuzz(universe(operators), 500, 8, 'edge-case operators', 2);
      expect(counts.fired).toBeGreaterThan(counts.rules);
      expect(counts.throws).toBeGreaterThan(10);
    });
  });

  describe('documented json-rules-engine details, case by case', () => {
    const raw: OperatorDefinition = { name: 'raw', description: 'returns the fact', factTypes: ['number'], value: 'sameAsFact', evaluate: (a) => a as boolean };
    const cases: { name: string; conditions: unknown; facts: Facts; expected: string }[] = [
      { name: 'top-level all with one child fires on a truthy raw result', conditions: { all: [{ fact: 'n', operator: 'raw', value: 0 }] }, facts: { n: 5 }, expected: 'x' },
      { name: 'nested all with one child needs === true', conditions: { all: [{ all: [{ fact: 'n', operator: 'raw', value: 0 }] }] }, facts: { n: 5 }, expected: '' },
      { name: 'all with two children needs === true', conditions: { all: [{ fact: 'n', operator: 'raw', value: 0 }, { fact: 'n', operator: 'equal', value: 5 }] }, facts: { n: 5 }, expected: '' },
      { name: 'not tests truthiness', conditions: { not: { fact: 'n', operator: 'raw', value: 0 } }, facts: { n: 5 }, expected: '' },
      { name: 'an empty any is true', conditions: { all: [{ any: [] }, { fact: 'n', operator: 'equal', value: 5 }] }, facts: { n: 5 }, expected: 'x' },
      { name: 'a null fact makes notEqual false', conditions: { all: [{ fact: 'n', operator: 'notEqual', value: 5 }] }, facts: { n: null }, expected: '' },
      { name: 'not of a condition on a null fact is true', conditions: { not: { fact: 'n', operator: 'equal', value: 5 }  }, facts: { n: null }, expected: 'x' },
      { name: 'isMissing sees null and undefined values', conditions: { all: [{ fact: 'n', operator: 'isMissing', value: true }, { fact: 'm', operator: 'isMissing', value: true }] }, facts: { n: null, m: undefined }, expected: 'x' },
      { name: 'a { fact } value reads that fact', conditions: { all: [{ fact: 'n', operator: 'greaterThan', value: { fact: 'm' } }] }, facts: { n: 5, m: 4 }, expected: 'x' },
      { name: 'a { fact } value naming a null fact', conditions: { all: [{ fact: 'n', operator: 'greaterThan', value: { fact: 'm' } }] }, facts: { n: 5, m: null }, expected: '' },
      { name: 'an absent fact throws even where all is already false', conditions: { all: [{ fact: 'n', operator: 'equal', value: 1 }, { fact: 'absent', operator: 'equal', value: 1 }] }, facts: { n: 5 }, expected: 'throws' },
      { name: 'an absent { fact } value throws', conditions: { all: [{ fact: 'n', operator: 'equal', value: { fact: 'absent' } }] }, facts: { n: 5 }, expected: 'throws' },
      { name: 'an inherited enumerable key is a fact', conditions: { all: [{ fact: 'n', operator: 'equal', value: 5 }] }, facts: Object.create({ n: 5 }) as Facts, expected: 'x' },
      { name: 'Object.prototype members are not facts', conditions: { all: [{ fact: 'toString', operator: 'isMissing', value: false }] }, facts: {}, expected: 'throws' },
      { name: "json-rules-engine's own operators are unknown", conditions: { all: [{ fact: 'n', operator: 'contains', value: 5 }] }, facts: { n: [5] }, expected: 'throws' },
      { name: 'operator decorators are unknown', conditions: { all: [{ fact: 'n', operator: 'not:equal', value: 5 }] }, facts: { n: 4 }, expected: 'throws' },
      { name: 'a shared-condition reference throws', conditions: { all: [{ condition: 'shared' }] }, facts: { n: 4 }, expected: 'throws' },
    ];
    it.each(cases)('$name', async ({ conditions, facts, expected }) => {
      const operators = new OperatorRegistry();
      operators.register(raw, 'test');
      const items = [{ id: 'x', conditions: conditions as TopLevelCondition }];
      expect(await outcome(new ConditionEngine(items, operators, 'json-rules-engine'), facts)).toBe(expected);
      expect(await outcome(new ConditionEngine(items, operators, 'compiled'), facts)).toBe(expected);
    });

    it('rejects malformed trees at construction like json-rules-engine does, and features the schema rejects', () => {
      const operators = new OperatorRegistry();
      for (const conditions of [{}, { all: {} }, { not: [] }, { all: [{ fact: 'n', operator: 'equal' }] }]) {
        const items = [{ id: 'x', conditions: conditions as TopLevelCondition }];
        expect(() => new ConditionEngine(items, operators, 'json-rules-engine')).toThrow();
        expect(() => new ConditionEngine(items, operators, 'compiled')).toThrow();
      }
      for (const conditions of [{ all: [{ fact: 'n', operator: 'equal', value: 1, priority: 2 }] }, { all: [{ fact: 'n', operator: 'equal', value: 1, path: '$.a' }] }]) {
        expect(() => new ConditionEngine([{ id: 'x', conditions: conditions as TopLevelCondition }], operators, 'compiled')).toThrow(/not supported/);
      }
    });
  });
});
