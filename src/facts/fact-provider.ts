import type { EntityManager } from '@mikro-orm/core';
import type { FactDefinition, FactValues } from './fact-definition.js';

export interface FactBatchContext {
  /** A forked EntityManager; providers only read through it. */
  em: EntityManager;
  tenantId: string;
  /** The batch (up to ~1000 accounts). */
  accountIds: string[];
  /** Reference instant: every "days since" and window is relative to it; rows dated after it are ignored. */
  asOf: Date;
}

/**
 * Computes a group of facts for a whole batch of accounts with a fixed number of queries (one or two
 * per table), never a query per account. Accounts without data may be left out of the result map
 * or given partial values: the batch computer fills every undeclared slot with null.
 */
export interface FactProvider {
  /** e.g. 'core.engagement' */
  id: string;
  facts: FactDefinition[];
  /** Only accounts of these industries are computed (plugins); undefined: every account. */
  industries?: readonly string[];
  /** accountId → values of this provider's facts. */
  compute(ctx: FactBatchContext): Promise<Map<string, Partial<FactValues>>>;
}
