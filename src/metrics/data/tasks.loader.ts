import type { EntityManager } from '@mikro-orm/core';
import { groupBy, selectRows } from '../../facts/sql.js';
import { inBatches, instant } from './db-values.js';

/** Completion instants of done tasks per account in [from, upTo], oldest first (accounts in batches). */
export async function completedTasks(em: EntityManager, tenantId: string, accountIds: readonly string[], from: Date, upTo: Date): Promise<Map<string, Date[]>> {
  const rows = await inBatches(accountIds, (ids) =>
    selectRows<{ account_id: string; completed_at: unknown }>(
      em,
      `select account_id, completed_at from tasks
        where tenant_id = :tenantId and account_id in (:ids) and status = 'done' and completed_at >= :from and completed_at <= :upTo`,
      { tenantId, ids, from, upTo },
    ),
  );
  return new Map([...groupBy(rows)].map(([id, list]) => [id, list.map((r) => instant(r.completed_at)).sort((a, b) => a.getTime() - b.getTime())]));
}
