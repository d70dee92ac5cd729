import { validateRulePack } from '../validation/rule-pack-validator.js';
import { validateRuleSet, type ValidationContext, type ValidationResult } from '../validation/rule-set-validator.js';
import { locateJsonPaths, positionOf, syntaxErrorPosition } from './json-locator.js';

export interface FileIssue {
  file: string;
  line: number;
  column: number;
  path: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface RuleFileResult {
  file: string;
  kind?: string;
  result?: ValidationResult | { valid: boolean; issues: ValidationResult['issues']; document?: unknown };
  issues: FileIssue[];
}

/** Validates the text of one rule file; every issue names the file, line and column. */
export async function validateRuleFile(file: string, text: string, ctx: ValidationContext): Promise<RuleFileResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const { line, column } = syntaxErrorPosition(text, error as Error);
    return { file, issues: [{ file, line, column, path: '(document)', severity: 'error', message: `malformed JSON: ${(error as Error).message}` }] };
  }
  const kind = raw && typeof raw === 'object' && typeof (raw as { kind?: unknown }).kind === 'string' ? (raw as { kind: string }).kind : undefined;
  if (!kind) return { file, issues: [{ file, line: 1, column: 1, path: 'kind', severity: 'error', message: "missing 'kind' (tier, lifecycle, health, signals, escalation, cadence, or pack for a plugin rule pack)" }] };
  const result = kind === 'pack' ? packResult(raw, ctx) : await validateRuleSet(kind, raw, ctx);
  const positions = locateJsonPaths(text);
  const issues = result.issues.map((issue) => ({ file, ...positionOf(positions, issue.path), ...issue }));
  return { file, kind, result, issues };
}

/** A plugin rule pack names its plugin; it is checked against the core rule sets it extends. */
function packResult(raw: unknown, ctx: ValidationContext) {
  if (!ctx.base) return { valid: false, issues: [{ path: '(document)', severity: 'error' as const, message: 'rule packs are validated against the core rule sets; none were given' }] };
  const plugin = typeof (raw as { plugin?: unknown }).plugin === 'string' ? (raw as { plugin: string }).plugin : '';
  return validateRulePack(raw, { catalog: ctx.catalog, operators: ctx.operators, plugin, base: ctx.base });
}

export function formatFileIssue(i: FileIssue): string {
  return `${i.file}:${i.line}:${i.column} ${i.severity}: ${i.path}: ${i.message}`;
}
