/**
 * Rule-evaluation overhead: our evaluation path against bare json-rules-engine, side by side in one
 * run, on the same rules (the default rule sets, with each industry's plugin packs applied) and the
 * same facts (a seeded demo portfolio with plugin attributes; facts computed once, not timed).
 *
 * Each account is evaluated in the four phases of scoring (profile, health, signals, escalation),
 * on the facts each phase sees in production (recorded from evaluateAccount). One timed pass =
 * every account, every phase, one call after another; the clock starts before the first account
 * and stops when the last account's last phase has answered. Evaluators:
 *   bare      json-rules-engine Engine per phase with the same rules and plain operators
 *             (its built-ins where the name exists, the registry's functions otherwise): engine.run(facts)
 *   reference our ConditionEngine on json-rules-engine (the reference semantics): matching(facts)
 *   compiled  our ConditionEngine on the compiled path (the default): matching(facts)
 *   evaluate  (context) evaluateAccount on the compiled path: the four phases plus scores, tier,
 *             explanations and cadence, i.e. the whole per-account evaluation of a rescoring
 * After untimed warm-up passes of each (at least `--warmup` and at least 0.5 s), `--iterations` timed
 * passes of each, interleaved and in rotating order so machine noise hits all alike; figures are medians.
 *
 *   node dist/bench/rule-evaluation.js                                   # CI smoke: 100 accounts
 *   node dist/bench/rule-evaluation.js --accounts 1000 --iterations 9 --warmup 2
 *
 * Flags: --accounts N (100) --iterations N (3) --warmup N (1, untimed passes per evaluator, at least 0.5 s; 0: none) --seed N (42).
 * The facts come from a temporary SQLite database (the timed passes touch no database).
 * Prints one JSON object (machine, parameters, figures, targets) on stdout; progress goes to stderr.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Engine } from 'json-rules-engine';
import { loadConfig } from '../src/config/load-config.js';
import { accountIdsOfTenant, computeFactsForAccounts } from '../src/facts/batch-fact-computer.js';
import type { FactValues } from '../src/facts/fact-definition.js';
import { openOrm } from '../src/persistence/open-orm.js';
import { seedDemoPortfolio } from '../src/persistence/demo/seed-demo.js';
import { addPluginDemoAttributes } from '../src/plugin-host/demo-attributes.js';
import { installPluginsFor } from '../src/plugin-host/install-plugins.js';
import type { InstalledPlugins } from '../src/plugin-host/installed-plugins.js';
import { CompiledRuleBundle, EVALUATION_PHASES, phaseConditions, type EvaluationPhase } from '../src/rules/engine/compiled-rule-bundle.js';
import type { NamedConditions } from '../src/rules/engine/condition-engine.js';
import type { OperatorRegistry } from '../src/rules/engine/operator-registry.js';
import { applyRulePacks } from '../src/rules/packs/apply-rule-packs.js';
import { evaluateAccount } from '../src/scoring/account-evaluator.js';
import type { ScoreHistory } from '../src/scoring/evaluation.js';
import { machineInfo } from './machine.js';

const machine = machineInfo();
const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '100' },
    iterations: { type: 'string', default: '3' },
    warmup: { type: 'string', default: '1' },
    seed: { type: 'string', default: '42' },
  },
});
const accounts = Number(values.accounts);
const iterations = Number(values.iterations);
const warmup = Number(values.warmup);
const seed = Number(values.seed);
for (const [flag, v, min] of [['accounts', accounts, 1], ['iterations', iterations, 1], ['warmup', warmup, 0]] as const) {
  if (!Number.isInteger(v) || v < min) throw new Error(`--${flag} must be an integer ≥ ${min}`);
}
const progress = (message: string) => process.stderr.write(`[rule-evaluation] ${message}\n`);
const asOf = new Date();
const NO_HISTORY: ScoreHistory = { recent: [] };

/** json-rules-engine's built-in operators: the bare engine keeps them for these names. */
const JRE_BUILT_INS = new Set(['equal', 'notEqual', 'in', 'notIn', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);

/** A bare json-rules-engine Engine with the same rules: no missing-fact wrapper, built-ins where they exist. */
function bareEngine(items: NamedConditions[], operators: OperatorRegistry): Engine {
  const engine = new Engine([], { allowUndefinedFacts: false });
  for (const op of operators.all()) if (!JRE_BUILT_INS.has(op.name)) engine.addOperator(op.name, op.evaluate);
  for (const item of items) engine.addRule({ name: item.id, conditions: item.conditions as never, event: { type: item.id } });
  return engine;
}

interface Evaluators {
  compiled: CompiledRuleBundle;
  reference: CompiledRuleBundle;
  bare: Record<EvaluationPhase, Engine>;
  rules: Record<EvaluationPhase, number>;
}

function evaluatorsFor(installed: InstalledPlugins, industry: string | null): Evaluators {
  const packs = installed.packs.filter((p) => industry && p.industries.includes(industry)).sort((a, b) => a.id.localeCompare(b.id));
  const bundle = applyRulePacks(installed.defaults.bundle, packs.map((p) => p.document));
  const items = phaseConditions(bundle);
  const perPhase = <T>(f: (phase: EvaluationPhase) => T) => Object.fromEntries(EVALUATION_PHASES.map((p) => [p, f(p)])) as Record<EvaluationPhase, T>;
  return {
    compiled: new CompiledRuleBundle(bundle, {}, installed.operators, 'compiled'),
    reference: new CompiledRuleBundle(bundle, {}, installed.operators, 'json-rules-engine'),
    bare: perPhase((p) => bareEngine(items[p], installed.operators)),
    rules: perPhase((p) => items[p].length),
  };
}

/** The facts each phase of evaluateAccount hands to its engine, for one account. */
async function phaseFacts(bundle: CompiledRuleBundle, domain: FactValues): Promise<Record<EvaluationPhase, FactValues>> {
  const seen = {} as Record<EvaluationPhase, FactValues>;
  const spy = (phase: EvaluationPhase) => ({ size: bundle[phase].size, matching: (facts: FactValues) => ((seen[phase] = facts), bundle[phase].matching(facts)) });
  const recording = { bundle: bundle.bundle, versions: bundle.versions, profile: spy('profile'), health: spy('health'), signals: spy('signals'), escalation: spy('escalation') };
  await evaluateAccount(recording as unknown as CompiledRuleBundle, domain, NO_HISTORY, asOf);
  return seen;
}

// --- Portfolio and facts (not timed) -------------------------------------------------------------
const { DATABASE_URL: _notUsed, ...env } = process.env;
const dir = mkdtempSync(join(tmpdir(), 'retention-bench-rules-'));
const config = loadConfig({ ...env, DATA_DIR: dir, SQLITE_FILE: 'bench.sqlite', LOG_LEVEL: 'silent', TEMPORAL_ADDRESS: '127.0.0.1:1' });
const installed = await installPluginsFor(config);
const orm = await openOrm(config);
await orm.migrator.up();
progress(`seeding ${accounts} demo accounts (seed ${seed}) with plugin attributes`);
await seedDemoPortfolio(orm, { tenantId: 'bench', seed, asOf, accounts, decorate: (p, day) => addPluginDemoAttributes(installed, p, day) });
const ids = await accountIdsOfTenant(orm.em.fork(), 'bench', { asOf });
const facts = await computeFactsForAccounts(installed.catalog, orm.em.fork(), 'bench', ids, asOf);
await orm.close(true);
rmSync(dir, { recursive: true, force: true });

const byIndustry = new Map<string | null, Evaluators>();
const portfolio: { domain: FactValues; phases: Record<EvaluationPhase, FactValues>; evaluators: Evaluators }[] = [];
for (const domain of facts.values()) {
  const industry = typeof domain.industry === 'string' ? domain.industry : null;
  if (!byIndustry.has(industry)) byIndustry.set(industry, evaluatorsFor(installed, industry));
  const evaluators = byIndustry.get(industry)!;
  portfolio.push({ domain, phases: await phaseFacts(evaluators.compiled, domain), evaluators });
}
progress(`${portfolio.length} accounts scored, ${byIndustry.size} bundles`);

// --- The same results? (reference vs compiled must agree exactly; bare differs on missing facts) ---
let runs = 0;
let referenceAgrees = 0;
let bareAgrees = 0;
for (const account of portfolio) {
  for (const phase of EVALUATION_PHASES) {
    const f = account.phases[phase];
    const key = (s: Iterable<string>) => [...s].sort().join(',');
    const compiled = key(await account.evaluators.compiled[phase].matching(f));
    if (key(await account.evaluators.reference[phase].matching(f)) === compiled) referenceAgrees++;
    if (key((await account.evaluators.bare[phase].run(f)).events.map((e) => e.type)) === compiled) bareAgrees++;
    runs++;
  }
}
if (referenceAgrees !== runs) throw new Error(`compiled and json-rules-engine results differ on ${runs - referenceAgrees} of ${runs} runs`);

// --- Timed passes ---------------------------------------------------------------------------------
const passes: Record<string, () => Promise<unknown>> = {
  bare: async () => {
    for (const a of portfolio) for (const phase of EVALUATION_PHASES) await a.evaluators.bare[phase].run(a.phases[phase]);
  },
  reference: async () => {
    for (const a of portfolio) for (const phase of EVALUATION_PHASES) await a.evaluators.reference[phase].matching(a.phases[phase]);
  },
  compiled: async () => {
    for (const a of portfolio) for (const phase of EVALUATION_PHASES) await a.evaluators.compiled[phase].matching(a.phases[phase]);
  },
  evaluate: async () => {
    for (const a of portfolio) await evaluateAccount(a.evaluators.compiled, a.domain, NO_HISTORY, asOf);
  },
};
const names = Object.keys(passes);
const timings: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
// Warm-up: at least --warmup passes and half a second per evaluator, so the short passes are JIT-compiled too.
for (const name of names) {
  const start = performance.now();
  for (let w = 0; w < warmup || (warmup > 0 && performance.now() - start < 500); w++) await passes[name]();
}
for (let i = 0; i < iterations; i++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(i + k) % names.length];
    const start = performance.now();
    await passes[name]();
    timings[name].push(performance.now() - start);
  }
  progress(`iteration ${i + 1}/${iterations}: ${names.map((n) => `${n} ${Math.round(timings[n].at(-1)!)} ms`).join(', ')}`);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const n = portfolio.length;
const figure = (name: string) => {
  const ms = median(timings[name]);
  return {
    medianMs: Math.round(ms * 10) / 10,
    iterationsMs: timings[name].map((t) => Math.round(t * 10) / 10),
    runsPerSecond: name === 'evaluate' ? undefined : Math.round((n * EVALUATION_PHASES.length) / (ms / 1000)),
    accountsPerSecond: Math.round(n / (ms / 1000)),
    microsecondsPerAccount: Math.round((ms * 1000) / n),
  };
};
const ratio = (name: string) => Math.round((median(timings[name]) / median(timings.bare)) * 1000) / 1000;
const ours = ratio('compiled');

console.log(JSON.stringify({
  benchmark: 'rule-evaluation',
  machine,
  database: 'sqlite (facts only; the timed passes touch no database)',
  parameters: {
    accounts: n, seed, iterations, warmupPasses: warmup, phases: EVALUATION_PHASES,
    bundles: Object.fromEntries([...byIndustry].map(([industry, e]) => [industry ?? '(none)', { accounts: portfolio.filter((a) => a.evaluators === e).length, rules: e.rules }])),
  },
  figures: {
    bare: { what: 'bare json-rules-engine: engine.run(facts) per account per phase', ...figure('bare') },
    reference: { what: 'ConditionEngine on json-rules-engine (reference semantics): matching(facts) per account per phase', ...figure('reference') },
    compiled: { what: 'ConditionEngine on the compiled path (default): matching(facts) per account per phase', ...figure('compiled') },
    evaluate: { what: 'evaluateAccount on the compiled path: phases + score, tier, explanations, cadence', ...figure('evaluate') },
    ratioToBare: { reference: ratio('reference'), compiled: ours, evaluate: ratio('evaluate') },
    results: { runs, compiledEqualsReference: referenceAgrees === runs, bareEqualsCompiled: bareAgrees },
  },
  targets: [
    { name: 'our evaluation path (compiled ConditionEngine, the default) within 1.5x of bare json-rules-engine, same rules and facts', target: '≤ 1.5x bare time', measured: `${ours}x`, met: ours <= 1.5 },
  ],
}, null, 2));
