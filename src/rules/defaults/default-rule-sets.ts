import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { FactCatalog } from '../../facts/fact-catalog.js';
import type { OperatorRegistry } from '../engine/operator-registry.js';
import { formatFileIssue, validateRuleFile } from '../files/rule-file.js';
import { RULE_SET_KINDS, type RuleBundle } from '../schema/rule-set.schema.js';
import { canonicalHash } from './canonical-hash.js';
import { projectRoot } from './project-root.js';

export interface DefaultRuleSets {
  bundle: RuleBundle;
  hashes: Record<keyof RuleBundle, string>;
}

export class DefaultRulesInvalid extends Error {}

/**
 * The files in rules/ are version 0 of every rule set. They are validated at boot with the same
 * validator as the API and the CLI; any problem stops the process naming file:line.
 */
export async function loadDefaultRuleSets(catalog: FactCatalog, operators: OperatorRegistry, dir: string = join(projectRoot(), 'rules')): Promise<DefaultRuleSets> {
  const bundle: Partial<RuleBundle> = {};
  const hashes: Partial<Record<keyof RuleBundle, string>> = {};
  const problems: string[] = [];
  for (const kind of RULE_SET_KINDS) {
    const file = join(dir, `${kind}.json`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      problems.push(`${file}: ${(error as Error).message}`);
      continue;
    }
    const checked = await validateRuleFile(relative(process.cwd(), file) || file, text, { catalog, operators });
    problems.push(...checked.issues.filter((i) => i.severity === 'error').map(formatFileIssue));
    if (checked.kind && checked.kind !== kind) problems.push(`${file}: declares kind '${checked.kind}', expected '${kind}'`);
    if (checked.result?.document) {
      (bundle as Record<string, unknown>)[kind] = checked.result.document;
      hashes[kind] = canonicalHash(checked.result.document);
    }
  }
  if (problems.length) throw new DefaultRulesInvalid(`default rule sets are invalid:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return { bundle: bundle as RuleBundle, hashes: hashes as DefaultRuleSets['hashes'] };
}
