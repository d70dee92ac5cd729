import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { ValidationFailed } from './api-errors.js';
import { formatPath } from './zod-issues.js';

const MAX_REPORTED = 20;

/**
 * Rejects text no database keeps faithfully, in every request body, query and path parameter,
 * before any schema or query sees it: NUL characters (SQLite cuts the statement at a NUL, PostgreSQL
 * refuses them in text and jsonb; both were 500s) and lone UTF-16 surrogates (silently stored as
 * U+FFFD). Object keys are checked too. Iterative, so a 10,000-level body cannot overflow the stack.
 */
@Injectable()
export class TextSafetyPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const prefix = metadata.type === 'body' ? 'body' : metadata.type === 'query' ? 'query' : 'params';
    const issues = unsafeText(value, metadata.data ? [metadata.data] : []).map((path) => ({
      path: formatPath(path, prefix),
      code: 'invalid_string',
      message: 'text must not contain NUL characters or unpaired UTF-16 surrogates',
    }));
    if (issues.length) throw new ValidationFailed(issues);
    return value;
  }
}

const unsafe = (text: string) => text.includes('\u0000') || !text.isWellFormed();

/** A path as a parent chain: copying arrays per level would cost O(depth²) on a 10,000-level body. */
type Step = { key: string | number; parent: Step | undefined } | undefined;
const toPath = (step: Step): (string | number)[] => {
  const out: (string | number)[] = [];
  for (let s = step; s; s = s.parent) out.push(s.key);
  return out.reverse();
};

/** Paths of the strings (values or keys) that are unsafe, at most MAX_REPORTED of them. */
function unsafeText(root: unknown, rootPath: (string | number)[]): (string | number)[][] {
  const found: Step[] = [];
  const start = rootPath.reduce<Step>((parent, key) => ({ key, parent }), undefined);
  const stack: [unknown, Step][] = [[root, start]];
  while (stack.length && found.length < MAX_REPORTED) {
    const [node, at] = stack.pop()!;
    if (typeof node === 'string') {
      if (unsafe(node)) found.push(at);
    } else if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], { key: i, parent: at }]);
    } else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (unsafe(key)) found.push({ key, parent: at });
        stack.push([child, { key, parent: at }]);
      }
    }
  }
  return found.map(toPath);
}
