/**
 * Rejects regular expressions that can backtrack catastrophically (rules run on every
 * account). Conservative: nested quantifiers, quantified alternations with overlap risk,
 * backreferences and lookarounds are refused; patterns stay short.
 * Returns a problem description, or null when the pattern is acceptable.
 */
export function checkRegexSafety(pattern: string): string | null {
  if (pattern.length > 200) return 'pattern longer than 200 characters';
  try {
    new RegExp(pattern);
  } catch (error) {
    return `not a valid regular expression: ${(error as Error).message}`;
  }
  if (/\\[1-9]|\\k</.test(pattern)) return 'backreferences are not allowed (they can backtrack exponentially)';
  if (/\(\?<?[=!]/.test(pattern)) return 'lookarounds are not allowed';
  // A quantified group that itself contains a quantifier or an alternation: (a+)+, (a|aa)*, (\w*)+ ...
  const stripped = pattern.replace(/\\./g, 'x').replace(/\[[^\]]*\]/g, 'x');
  const groups: number[] = [];
  const groupHasRisk: boolean[] = [];
  for (let i = 0; i < stripped.length; i++) {
    const c = stripped[i];
    if (c === '(') {
      groups.push(i);
      groupHasRisk.push(false);
    } else if (c === ')') {
      groups.pop();
      const risky = groupHasRisk.pop() ?? false;
      const next = stripped[i + 1];
      const quantified = next === '*' || next === '+' || next === '?' || next === '{';
      if (risky && quantified && next !== '?') return 'nested quantifier or quantified alternation (e.g. (a+)+ or (a|aa)*): catastrophic backtracking risk';
      if (groupHasRisk.length) groupHasRisk[groupHasRisk.length - 1] ||= risky || quantified;
    } else if ((c === '*' || c === '+' || c === '{' || c === '|') && groupHasRisk.length) {
      groupHasRisk[groupHasRisk.length - 1] = true;
    }
  }
  return null;
}
