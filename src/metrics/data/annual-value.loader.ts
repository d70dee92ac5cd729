import type { EntityManager } from '@mikro-orm/core';
import { groupBy, selectRows } from '../../facts/sql.js';
import { addMonths } from '../period/calendar.js';
import { amount, inBatches } from './db-values.js';

/**
 * Annual relationship value as the default tier rules read it: the larger of the invoiced revenue
 * of the year up to a day and the annual value of the contracts active on it.
 */
export function annualRelationshipValue(revenue12m: number, contracted: number): number {
  return Math.max(revenue12m, contracted);
}

/**
 * Annual value of the contracts active on a day, per account: one grouped query over the
 * tenant's contracts (contracts are few per account, so no id list is needed).
 */
export async function contractedValuesOn(em: EntityManager, tenantId: string, day: string): Promise<Map<string, number>> {
  const rows = await selectRows<{ account_id: string; total: unknown }>(
    em,
    `select account_id, sum(annual_value) as total from contracts
      where tenant_id = :tenantId and start_date <= :day and (end_date is null or end_date >= :day) group by account_id`,
    { tenantId, day },
  );
  return new Map(rows.map((r) => [r.account_id, amount(r.total)]));
}

export interface ValueAtChurn {
  /** Invoiced revenue in the 12 months up to and including the churn day. */
  revenue12m: number;
  /** Annual relationship value on the churn day (tiers accounts the rules never scored). */
  annualValue: number;
}

/**
 * Revenue and annual relationship value of churned accounts as they left (each has its own churn
 * day, so their rows are read per batch of accounts and summed here).
 */
export async function valuesAtChurn(em: EntityManager, tenantId: string, churned: readonly { id: string; lostOn: string }[]): Promise<Map<string, ValueAtChurn>> {
  const result = new Map<string, ValueAtChurn>();
  if (!churned.length) return result;
  const ids = churned.map((c) => c.id);
  const minSince = addMonths(churned.reduce((min, c) => (c.lostOn < min ? c.lostOn : min), churned[0].lostOn), -12);
  const invoices = await inBatches(ids, (batch) =>
    selectRows<{ account_id: string; issued_on: string; amount: unknown }>(
      em,
      `select account_id, issued_on, amount from invoices where tenant_id = :tenantId and account_id in (:ids) and issued_on > :minSince`,
      { tenantId, ids: batch, minSince },
    ),
  );
  const contracts = await inBatches(ids, (batch) =>
    selectRows<{ account_id: string; start_date: string; end_date: string | null; annual_value: unknown }>(
      em,
      `select account_id, start_date, end_date, annual_value from contracts where tenant_id = :tenantId and account_id in (:ids)`,
      { tenantId, ids: batch },
    ),
  );
  const invoicesBy = groupBy(invoices);
  const contractsBy = groupBy(contracts);
  for (const { id, lostOn } of churned) {
    const since = addMonths(lostOn, -12);
    let revenue = 0;
    for (const i of invoicesBy.get(id) ?? []) if (i.issued_on > since && i.issued_on <= lostOn) revenue += amount(i.amount);
    let contracted = 0;
    for (const c of contractsBy.get(id) ?? []) if (c.start_date <= lostOn && (c.end_date === null || c.end_date >= lostOn)) contracted += amount(c.annual_value);
    const revenue12m = Math.round(revenue * 100) / 100;
    result.set(id, { revenue12m, annualValue: annualRelationshipValue(revenue12m, contracted) });
  }
  return result;
}
