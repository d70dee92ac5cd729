import type { EntityManager } from '@mikro-orm/core';
import { selectRows } from '../../facts/sql.js';
import type { DayWindow } from '../period/metrics-period.js';
import { amount } from './db-values.js';

/** Revenue per account, one array entry per requested window (same order). */
export type RevenueByAccount = Map<string, number[]>;

/**
 * Invoiced revenue (invoice amounts by issue day) per account in each window, in one scan of the
 * tenant's invoices between the earliest and the latest window day: one conditional sum per window.
 */
export async function revenueByWindows(em: EntityManager, tenantId: string, windows: readonly DayWindow[]): Promise<RevenueByAccount> {
  if (!windows.length) return new Map();
  const params: Record<string, unknown> = { tenantId };
  const sums = windows.map((w, i) => {
    params[`f${i}`] = w.from;
    params[`t${i}`] = w.to;
    return `sum(case when issued_on >= :f${i} and issued_on <= :t${i} then amount else 0 end) as w${i}`;
  });
  params.minFrom = windows.reduce((min, w) => (w.from < min ? w.from : min), windows[0].from);
  params.maxTo = windows.reduce((max, w) => (w.to > max ? w.to : max), windows[0].to);
  const rows = await selectRows<Record<string, unknown>>(
    em,
    `select account_id, ${sums.join(', ')}
       from invoices
      where tenant_id = :tenantId and issued_on >= :minFrom and issued_on <= :maxTo
      group by account_id`,
    params,
  );
  // Sums of decimals: back to cents (SQLite adds them as floats).
  return new Map(rows.map((r) => [String(r.account_id), windows.map((_, i) => Math.round(amount(r[`w${i}`]) * 100) / 100)]));
}
