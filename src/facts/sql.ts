import type { EntityManager } from '@mikro-orm/core';

export type SqlRow = Record<string, unknown>;

/**
 * Runs one read query with named parameters (`:name`), portable across SQLite and PostgreSQL.
 * MikroORM inlines parameters with the platform's escaping: a Date becomes epoch milliseconds on
 * SQLite (how it stores datetimes) and an ISO timestamp on PostgreSQL; an array becomes a
 * comma-separated list, so `account_id in (:ids)` works for a whole batch.
 * Runs inside the EntityManager's transaction when it has one.
 */
export async function selectRows<T extends object = SqlRow>(em: EntityManager, sql: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const values: unknown[] = [];
  const positional = sql.replace(/(?<![:\w]):([a-zA-Z_]\w*)/g, (_match, name: string) => {
    if (!(name in params)) throw new Error(`SQL parameter :${name} has no value`);
    const value = params[name];
    if (Array.isArray(value) && value.length === 0) throw new Error(`SQL parameter :${name} is an empty list`);
    values.push(value);
    return '?';
  });
  const connection = em.getConnection();
  const rows = await connection.execute(positional, values, 'all', em.getTransactionContext());
  return rows as T[];
}

/** Groups rows by a key column (account_id by default). */
export function groupBy<T extends object>(rows: readonly T[], key = 'account_id'): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const id = String((row as SqlRow)[key]);
    const group = groups.get(id);
    if (group) group.push(row);
    else groups.set(id, [row]);
  }
  return groups;
}

/** Indexes rows by a unique key column (account_id by default). */
export function indexBy<T extends object>(rows: readonly T[], key = 'account_id'): Map<string, T> {
  return new Map(rows.map((row) => [String((row as SqlRow)[key]), row]));
}
