import type { RuleIssue } from './validation-issue.js';

export const MAX_RULE_SET_BYTES = 256 * 1024;
export const MAX_DOCUMENT_DEPTH = 64;

/**
 * Cheap guards before any recursive parsing: size and nesting depth (iterative, so a hostile
 * 100,000-level document cannot overflow the stack).
 */
export function checkDocumentLimits(document: unknown): RuleIssue[] {
  // Depth first: JSON.stringify itself recurses.
  const stack: [unknown, number][] = [[document, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_DOCUMENT_DEPTH) return [{ path: '(document)', severity: 'error', message: `rule set is nested deeper than ${MAX_DOCUMENT_DEPTH} levels` }];
    if (node && typeof node === 'object') for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  const size = Buffer.byteLength(JSON.stringify(document) ?? '');
  if (size > MAX_RULE_SET_BYTES) return [{ path: '(document)', severity: 'error', message: `rule set is ${size} bytes; at most ${MAX_RULE_SET_BYTES} bytes are accepted` }];
  return [];
}
