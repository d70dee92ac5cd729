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
  result?: ValidationResult;
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
  if (!kind) return { file, issues: [{ file, line: 1, column: 1, path: 'kind', severity: 'error', message: "missing 'kind' (tier, lifecycle, health, signals, escalation or cadence)" }] };
  const result = await validateRuleSet(kind, raw, ctx);
  const positions = locateJsonPaths(text);
  const issues = result.issues.map((issue) => ({ file, ...positionOf(positions, issue.path), ...issue }));
  return { file, kind, result, issues };
}

export function formatFileIssue(i: FileIssue): string {
  return `${i.file}:${i.line}:${i.column} ${i.severity}: ${i.path}: ${i.message}`;
}
