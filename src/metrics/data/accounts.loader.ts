import type { EntityManager } from '@mikro-orm/core';
import { groupBy, selectRows } from '../../facts/sql.js';
import type { ClientTimeline } from '../formulas/client-status.js';
import { addDays, dayOf } from '../period/calendar.js';
import { inBatches, instant, instantOrNull } from './db-values.js';

export interface AccountRecord extends ClientTimeline {
  id: string;
  name: string;
  industry: string;
  status: string;
  churnReason: string | null;
}

interface AccountRow {
  id: string;
  name: string;
  industry: string;
  status: string;
  client_since: string;
  churned_at: string | null;
  churn_reason: string | null;
  updated_at: unknown;
}

/**
 * Every account of the tenant that had become a client by `asOfDay`, with its client timeline.
 * A churn counts only for accounts whose status says so (churned or won_back). The day a won-back
 * client returned is not stored: it is the start of its first contract after the churn (the win-back
 * play's condition), else the day its win-back play closed as won back, else the day the account
 * row last changed (when the status was set).
 */
export async function loadAccounts(em: EntityManager, tenantId: string, asOfDay: string): Promise<AccountRecord[]> {
  const rows = await selectRows<AccountRow>(
    em,
    `select id, name, industry, status, client_since, churned_at, churn_reason, updated_at
       from accounts where tenant_id = :tenantId and client_since <= :asOfDay`,
    { tenantId, asOfDay },
  );
  const wonBack = rows.filter((r) => r.status === 'won_back' && r.churned_at !== null);
  const returns = await returnDays(em, tenantId, wonBack);
  return rows.map((r) => {
    const lostOn = r.status !== 'active' && r.churned_at !== null ? r.churned_at : null;
    return {
      id: r.id,
      name: r.name,
      industry: r.industry,
      status: r.status,
      churnReason: r.churn_reason,
      clientSince: r.client_since,
      lostOn,
      wonBackOn: r.status === 'won_back' && lostOn !== null ? returns.get(r.id) ?? null : null,
    };
  });
}

async function returnDays(em: EntityManager, tenantId: string, wonBack: AccountRow[]): Promise<Map<string, string>> {
  const days = new Map<string, string>();
  if (!wonBack.length) return days;
  const ids = wonBack.map((r) => r.id);
  const contracts = await inBatches(ids, (batch) =>
    selectRows<{ account_id: string; start_date: string }>(em, `select account_id, start_date from contracts where tenant_id = :tenantId and account_id in (:ids)`, { tenantId, ids: batch }),
  );
  const plays = await inBatches(ids, (batch) =>
    selectRows<{ account_id: string; closed_at: unknown }>(
      em,
      `select account_id, closed_at from play_instances
        where tenant_id = :tenantId and account_id in (:ids) and play = 'win_back' and outcome = 'won_back' and closed_at is not null`,
      { tenantId, ids: batch },
    ),
  );
  const contractsBy = groupBy(contracts);
  const playsBy = groupBy(plays);
  for (const account of wonBack) {
    const churned = account.churned_at!;
    const earliestAfter = (candidates: string[]) => candidates.filter((d) => d > churned).sort()[0];
    const day =
      earliestAfter((contractsBy.get(account.id) ?? []).map((c) => c.start_date)) ??
      earliestAfter((playsBy.get(account.id) ?? []).map((p) => dayOf(instant(p.closed_at)))) ??
      dayOf(instantOrNull(account.updated_at) ?? new Date(0));
    // A return is after the churn by definition (guards against back-dated rows).
    days.set(account.id, day > churned ? day : addDays(churned, 1));
  }
  return days;
}
