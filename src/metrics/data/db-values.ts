import { num } from '../../facts/numbers.js';
import { toInstant } from '../../facts/time.js';

/**
 * Raw query values differ by dialect (PostgreSQL numerics arrive as strings, SQLite datetimes as
 * epoch milliseconds, JSON as text on SQLite); these read them one way.
 */
export function amount(value: unknown): number {
  return num(value) ?? 0;
}

export function instant(value: unknown): Date {
  const at = toInstant(value);
  if (!at) throw new TypeError('expected a date/time, got null');
  return at;
}

export function instantOrNull(value: unknown): Date | null {
  return toInstant(value);
}

/** A JSON column: parsed text on SQLite, already an object on PostgreSQL. */
export function json<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** Ids per `in (...)` list: the facts use the same batch size. */
export const ID_BATCH = 1000;

/** Runs a query per batch of ids and concatenates the rows (a fixed number of queries per 1,000 accounts). */
export async function inBatches<T>(ids: readonly string[], query: (batch: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += ID_BATCH) rows.push(...(await query(ids.slice(i, i + ID_BATCH))));
  return rows;
}
