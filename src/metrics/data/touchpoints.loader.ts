import type { EntityManager } from '@mikro-orm/core';
import { selectRows } from '../../facts/sql.js';
import { instant } from './db-values.js';

/**
 * The latest held touchpoint of each kind per account in (after, upTo]: a cadence only needs to
 * know whether one happened within its interval, so older ones are not read.
 */
export async function lastHeldTouchpoints(em: EntityManager, tenantId: string, after: Date, upTo: Date): Promise<Map<string, Map<string, Date>>> {
  const rows = await selectRows<{ account_id: string; kind: string; last_at: unknown }>(
    em,
    `select account_id, kind, max(occurred_at) as last_at from touchpoints
      where tenant_id = :tenantId and outcome = 'held' and occurred_at > :after and occurred_at <= :upTo
      group by account_id, kind`,
    { tenantId, after, upTo },
  );
  const result = new Map<string, Map<string, Date>>();
  for (const r of rows) {
    const kinds = result.get(r.account_id) ?? new Map<string, Date>();
    kinds.set(r.kind, instant(r.last_at));
    result.set(r.account_id, kinds);
  }
  return result;
}
