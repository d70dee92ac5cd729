export interface RuleIssue {
  /** JSON path inside the rule-set document, e.g. `components[0].rules[3].conditions.all[1].fact`. */
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface ValidationReport {
  valid: boolean;
  issues: RuleIssue[];
}

export function jsonPath(parts: readonly (string | number)[]): string {
  let out = '';
  for (const part of parts) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
  return out || '(document)';
}
