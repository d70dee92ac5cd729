import { z } from 'zod';
import { ValidationFailed } from '../api/api-errors.js';
import { parseOrThrow } from '../api/zod-issues.js';
import { queryInt } from '../api/zod-fields.js';

export const MAX_PAGE_SIZE = 500;

const pageSchema = z.object({
  limit: queryInt(1, MAX_PAGE_SIZE).default(50),
  offset: queryInt(0, 10_000_000).default(0),
});

export interface ListQuery {
  limit: number;
  offset: number;
  filters: Record<string, string>;
}

/** Splits `?limit&offset&<filter>=value`; an unknown key is an error rather than silently ignored. */
export function parseListQuery(query: Record<string, unknown>, allowedFilters: readonly string[]): ListQuery {
  const { limit: rawLimit, offset: rawOffset, ...rest } = query;
  const { limit, offset } = parseOrThrow(pageSchema, { limit: rawLimit, offset: rawOffset }, 'query');
  const filters: Record<string, string> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (!allowedFilters.includes(key)) {
      throw new ValidationFailed([{ path: `query.${key}`, code: 'unknown_filter', message: `unknown filter; expected one of: limit, offset, ${allowedFilters.join(', ')}` }]);
    }
    if (typeof value !== 'string') {
      throw new ValidationFailed([{ path: `query.${key}`, code: 'invalid_type', message: 'expected a single value', expected: 'string' }]);
    }
    filters[key] = value;
  }
  return { limit, offset, filters };
}
