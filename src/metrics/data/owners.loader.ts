import type { EntityManager } from '@mikro-orm/core';
import { selectRows } from '../../facts/sql.js';
import { inBatches } from './db-values.js';

interface LeadRow {
  account_id: string;
  person_id: string;
  from_date: string;
  to_date: string | null;
}

/**
 * The relationship owner of each account on a day: the firm person holding the account's
 * `account_lead` team assignment then (the latest started if several). An account without one
 * that day (e.g. it had left) keeps its last account lead, so its losses count for that owner.
 */
export async function relationshipOwnersOn(em: EntityManager, tenantId: string, day: string): Promise<Map<string, string>> {
  const rows = await selectRows<LeadRow>(
    em,
    `select account_id, person_id, from_date, to_date from team_assignments
      where tenant_id = :tenantId and role = 'account_lead' and from_date <= :day`,
    { tenantId, day },
  );
  const best = new Map<string, LeadRow>();
  const activeOn = (r: LeadRow) => r.to_date === null || r.to_date >= day;
  // Active on the day beats ended; then the later start; then the later end.
  const better = (a: LeadRow, b: LeadRow) =>
    activeOn(a) !== activeOn(b) ? activeOn(a) : a.from_date !== b.from_date ? a.from_date > b.from_date : (a.to_date ?? '9999') > (b.to_date ?? '9999');
  for (const row of rows) {
    const current = best.get(row.account_id);
    if (!current || better(row, current)) best.set(row.account_id, row);
  }
  return new Map([...best].map(([accountId, row]) => [accountId, row.person_id]));
}

/** Names of firm people by id (ids in batches). */
export async function peopleNames(em: EntityManager, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await inBatches([...new Set(ids)], (batch) =>
    selectRows<{ id: string; name: string }>(em, `select id, name from people where tenant_id = :tenantId and id in (:ids)`, { tenantId, ids: batch }),
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}
