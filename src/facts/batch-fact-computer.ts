import type { EntityManager } from '@mikro-orm/core';
import { valueMatchesType, type FactValues } from './fact-definition.js';
import type { FactCatalog } from './fact-catalog.js';
import { selectRows } from './sql.js';
import { isoDate } from './time.js';
import { yieldToEventLoop } from '../runtime/yield-to-event-loop.js';

/** Accounts per provider call: bounds the size of `in (...)` lists and of rows held in memory. */
export const FACT_BATCH_SIZE = 1000;

export interface ComputeFactsOptions {
  /** Accounts per chunk (default and maximum FACT_BATCH_SIZE). */
  batchSize?: number;
}

/**
 * Computes every catalog fact for every given account as of `asOf`. Providers run once per chunk of
 * at most 1000 accounts, so the number of queries depends on the number of chunks and providers,
 * never on the number of accounts. Facts a provider leaves out are null (missing). A provider that
 * returns an undeclared fact or a value of the wrong type is a bug: that throws, naming both.
 */
export async function computeFactsForAccounts(
  catalog: FactCatalog,
  em: EntityManager,
  tenantId: string,
  accountIds: readonly string[],
  asOf: Date,
  options: ComputeFactsOptions = {},
): Promise<Map<string, FactValues>> {
  if (Number.isNaN(asOf.getTime())) throw new TypeError('asOf is not a valid date');
  const batchSize = Math.min(Math.max(1, Math.floor(options.batchSize ?? FACT_BATCH_SIZE)), FACT_BATCH_SIZE);
  const ids = [...new Set(accountIds)];
  const definitions = catalog.definitions();
  const providers = catalog.all();
  const declaredBy = new Map(providers.map((provider) => [provider.id, new Map(provider.facts.map((fact) => [fact.name, fact]))]));

  const result = new Map<string, FactValues>();
  for (const id of ids) {
    const values: FactValues = {};
    for (const definition of definitions) values[definition.name] = null;
    result.set(id, values);
  }

  const scoped = providers.some((provider) => provider.industries);
  for (let start = 0; start < ids.length; start += batchSize) {
    const chunk = ids.slice(start, start + batchSize);
    // Plugin providers only see accounts of their industries (one extra query per chunk).
    const industryOf = scoped ? new Map((await selectRows<{ id: string; industry: string }>(em, 'select id, industry from accounts where tenant_id = :tenantId and id in (:ids)', { tenantId, ids: chunk })).map((r) => [String(r.id), r.industry])) : undefined;
    for (const provider of providers) {
      if (provider.facts.length === 0) continue;
      const accountIds = provider.industries && industryOf ? chunk.filter((id) => provider.industries!.includes(industryOf.get(id) ?? '')) : chunk;
      if (!accountIds.length) continue;
      const asked = provider.industries ? new Set(accountIds) : undefined;
      await yieldToEventLoop(); // one provider's queries at a time: requests are served in between
      const computed = await provider.compute({ em, tenantId, accountIds, asOf });
      const declared = declaredBy.get(provider.id)!;
      for (const [accountId, partial] of computed) {
        const target = result.get(accountId);
        if (!target || (asked && !asked.has(accountId))) continue; // not asked for: ignore
        for (const [name, value] of Object.entries(partial)) {
          if (value === undefined) continue;
          const definition = declared.get(name);
          if (!definition) throw new Error(`Fact provider "${provider.id}" returned fact "${name}", which it does not declare`);
          if (!valueMatchesType(definition, value)) {
            throw new Error(`Fact provider "${provider.id}" returned ${JSON.stringify(value)} for ${definition.type} fact "${name}" (account ${accountId})`);
          }
          target[name] = value;
        }
      }
    }
  }
  return result;
}

export interface AccountIdsOptions {
  /** Include accounts whose status is churned (default false; won_back accounts are always included). */
  includeChurned?: boolean;
  /**
   * Time travel: only accounts that were clients at this instant (clientSince on or before it), and
   * accounts churned after it count as not churned.
   */
  asOf?: Date;
}

/** Ids of a tenant's accounts, sorted, for batch scoring. */
export async function accountIdsOfTenant(em: EntityManager, tenantId: string, options: AccountIdsOptions = {}): Promise<string[]> {
  const params: Record<string, unknown> = { tenantId };
  let where = 'tenant_id = :tenantId';
  if (options.asOf) {
    params.asOfDate = isoDate(options.asOf);
    where += ' and client_since <= :asOfDate';
    if (!options.includeChurned) where += " and (status <> 'churned' or churned_at > :asOfDate)";
  } else if (!options.includeChurned) {
    where += " and status <> 'churned'";
  }
  const rows = await selectRows<{ id: string }>(em, `select id from accounts where ${where} order by id`, params);
  return rows.map((row) => String(row.id));
}
