import type { FactBatchContext } from '../facts/fact-provider.js';
import { selectRows } from '../facts/sql.js';

/**
 * The `attributes.<plugin>` object of each account of the batch (the data a plugin declared with
 * its accountAttributes schema). One query per batch; accounts without any are left out.
 */
export async function pluginAttributesOf(ctx: FactBatchContext, plugin: string): Promise<Map<string, Record<string, unknown>>> {
  const rows = await selectRows<{ id: string; attributes: unknown }>(ctx.em, 'select id, attributes from accounts where tenant_id = :tenantId and id in (:ids)', { tenantId: ctx.tenantId, ids: ctx.accountIds });
  const out = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    // SQLite returns json columns as text, PostgreSQL as objects.
    const all = typeof row.attributes === 'string' ? (JSON.parse(row.attributes) as unknown) : row.attributes;
    const mine = all && typeof all === 'object' ? (all as Record<string, unknown>)[plugin] : undefined;
    if (mine && typeof mine === 'object' && !Array.isArray(mine)) out.set(String(row.id), mine as Record<string, unknown>);
  }
  return out;
}
