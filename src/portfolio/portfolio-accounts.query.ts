import { z } from 'zod';
import { ACCOUNT_STATUSES, INDUSTRIES } from '../domain/vocabulary.js';
import { queryInt, uuid } from '../api/zod-fields.js';
import { SIGNAL_SEVERITIES } from '../rules/schema/signals-rule-set.schema.js';

export const PORTFOLIO_SORTS = ['score', '-score', 'name', '-name', 'change', '-change'] as const;

/** Query of the console's account list: filters, one sort key, a page. */
export const portfolioAccountsQuery = z.strictObject({
  search: z.string().trim().min(1).max(120).optional(),
  tier: queryInt(1, 4).optional(),
  industry: z.enum(INDUSTRIES).optional(),
  status: z.enum(ACCOUNT_STATUSES).optional(),
  ownerPersonId: uuid().optional(),
  /** Accounts whose most severe active signal has exactly this severity. */
  severity: z.enum(SIGNAL_SEVERITIES).optional(),
  sort: z.enum(PORTFOLIO_SORTS).default('score'),
  limit: queryInt(1, 500).default(50),
  offset: queryInt(0, 1_000_000).default(0),
});
export type PortfolioAccountsQuery = z.output<typeof portfolioAccountsQuery>;
