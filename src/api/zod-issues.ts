import type { z } from 'zod';
import { ValidationFailed, type FieldIssue } from './api-errors.js';

/** `['events', 2, 'data', 'amount']` → `events[2].data.amount` (prefix prepended, e.g. "body"). */
export function formatPath(path: readonly PropertyKey[], prefix?: string): string {
  let out = prefix ?? '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

export function zodIssuesToFieldIssues(error: z.ZodError, prefix?: string): FieldIssue[] {
  return error.issues.map((issue) => {
    const expected = 'expected' in issue && typeof issue.expected === 'string' ? issue.expected
      : issue.code === 'invalid_value' && 'values' in issue ? (issue.values as unknown[]).map(String).join(' | ')
      : undefined;
    return {
      path: formatPath(issue.path, prefix),
      code: issue.code,
      message: issue.message,
      ...(expected ? { expected } : {}),
    };
  });
}

/** Parses or throws ValidationFailed with field paths. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, prefix?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationFailed(zodIssuesToFieldIssues(result.error, prefix));
}
