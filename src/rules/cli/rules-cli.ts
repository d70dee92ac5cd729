import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../../config/load-config.js';
import { createLogger } from '../../logging/logger.js';
import { openOrm } from '../../persistence/open-orm.js';
import { PortfolioEvaluator } from '../../rule-authoring/portfolio-evaluator.js';
import { SimulationService } from '../../rule-authoring/simulation.service.js';
import { installPluginsFor, PluginBootError } from '../../plugin-host/install-plugins.js';
import { TenantsService } from '../../tenants/tenants.service.js';
import { formatFileIssue, validateRuleFile } from '../files/rule-file.js';
import { RuleSetRegistry } from '../registry/rule-set-registry.service.js';
import { allRuleSetJsonSchemas } from '../schema/json-schema-export.js';


const USAGE = `usage: rules <command> [options]
  validate <file...>                     validate rule files offline; problems as file:line:column
  simulate <file> [--tenant demo]        what the file would change on a tenant's portfolio (configured database)
  export --tenant <id> [--out <dir>]     write the tenant's active rule sets as files
  schema [--out rules/schema]            write JSON Schemas for editors
exit codes: 0 ok, 1 invalid rules, 2 usage error`;

const { positionals, values } = parseArgs({ allowPositionals: true, options: { tenant: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } } });
const [command, ...files] = positionals;
// Plugin facts and operators are part of the vocabulary rule files may use, so the CLI installs
// plugins exactly as the service does (and fails the same way when they conflict).
const config = loadConfigOrExit();
let installed: Awaited<ReturnType<typeof installPluginsFor>>;
try {
  installed = await installPluginsFor(config);
} catch (error) {
  process.stderr.write(`${error instanceof PluginBootError ? error.message : String(error)}\n`);
  process.exit(1);
}
const { catalog, operators } = installed;
const registryOf = (orm: Awaited<ReturnType<typeof openOrm>>) => new RuleSetRegistry(orm, installed.defaults, installed.packs, operators, new TenantsService(orm));

async function validate(paths: string[]): Promise<number> {
  if (!paths.length) return usage('validate needs at least one file');
  let errors = 0;
  for (const file of paths) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      process.stderr.write(`${file}: cannot read: ${(error as Error).message}\n`);
      errors++;
      continue;
    }
    const result = await validateRuleFile(file, text, { catalog, operators, base: installed.defaults.bundle });
    for (const issue of result.issues) process.stderr.write(`${formatFileIssue(issue)}\n`);
    const bad = result.issues.filter((i) => i.severity === 'error').length;
    errors += bad;
    if (!bad) process.stdout.write(`${file}: ok (${result.kind})\n`);
  }
  return errors ? 1 : 0;
}

async function simulate(file: string | undefined, tenantId: string): Promise<number> {
  if (!file) return usage('simulate needs a file');
  const text = readFileSync(file, 'utf8');
  const orm = await openOrm(config);
  try {
    const portfolio = new PortfolioEvaluator(orm, catalog);
    const samples = (await portfolio.facts(tenantId)).map((r) => ({ label: `account ${r.name}`, facts: r.facts }));
    const checked = await validateRuleFile(file, text, { catalog, operators, portfolio: samples, base: installed.defaults.bundle });
    for (const issue of checked.issues) process.stderr.write(`${formatFileIssue(issue)}\n`);
    if (!checked.result?.document) return 1;
    const doc = checked.result.document as { plugin?: string; extends?: string };
    const id = checked.kind === 'pack' ? `${doc.plugin}.${doc.extends}` : checked.kind!;
    const registry = registryOf(orm);
    if (!registry.ids().includes(id)) return usage(`${file}: no installed rule set '${id}'`);
    const report = await new SimulationService(registry, portfolio).simulate(tenantId, id, checked.result.document as never, -1);
    if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else {
      process.stdout.write(`${file} on tenant ${tenantId}: ${report.accounts} accounts, ${report.changedAccounts} would change\n`);
      process.stdout.write(`  tier changes: ${report.tierChanges.length}${report.tierChanges.slice(0, 20).map((t) => `\n    ${t.name}: ${t.from} → ${t.to}`).join('')}\n`);
      process.stdout.write(`  score changes: ${report.scoreChanges.length}; average ${report.distribution.before.averageScore} → ${report.distribution.after.averageScore}\n`);
      process.stdout.write(`  escalations that would newly fire: ${JSON.stringify(report.escalations.candidate)} (now: ${JSON.stringify(report.escalations.current)})\n`);
    }
    return 0;
  } finally {
    await orm.close(true);
  }
}

async function exportActive(tenantId: string | undefined, out: string): Promise<number> {
  if (!tenantId) return usage('export needs --tenant');
  const orm = await openOrm(config);
  try {
    const registry = registryOf(orm);
    const active = await registry.active(tenantId);
    mkdirSync(out, { recursive: true });
    for (const kind of registry.ids()) {
      writeFileSync(join(out, `${kind}.json`), `${JSON.stringify(active[kind].document, null, 2)}\n`);
      process.stdout.write(`${join(out, `${kind}.json`)} (version ${active[kind].version})\n`);
    }
    return 0;
  } finally {
    await orm.close(true);
  }
}

function writeSchemas(out: string): number {
  mkdirSync(out, { recursive: true });
  for (const [kind, schema] of Object.entries(allRuleSetJsonSchemas())) {
    writeFileSync(join(out, `${kind}.schema.json`), `${JSON.stringify(schema, null, 2)}\n`);
    process.stdout.write(`${join(out, `${kind}.schema.json`)}\n`);
  }
  return 0;
}

function usage(problem?: string): number {
  if (problem) process.stderr.write(`${problem}\n`);
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

createLogger('silent', 'rules-cli');
const code =
  command === 'validate' ? await validate(files)
  : command === 'simulate' ? await simulate(files[0], values.tenant ?? 'demo')
  : command === 'export' ? await exportActive(values.tenant, values.out ?? 'rules-export')
  : command === 'schema' ? writeSchemas(values.out ?? 'rules/schema')
  : usage(command ? `unknown command '${command}'` : undefined);
process.exit(code);
