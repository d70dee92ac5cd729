import { z } from 'zod';
import { TASK_OWNER_ROLES } from '../domain/vocabulary.js';
import { queryInt, uuid } from '../api/zod-fields.js';

/**
 * Query of a person's task inbox. `open` (default) means not finished: open or in progress.
 * `overdue` keeps unfinished tasks past their due date.
 */
export const inboxQuery = z.strictObject({
  ownerPersonId: uuid().optional(),
  ownerRole: z.enum(TASK_OWNER_ROLES).optional(),
  status: z.enum(['open', 'done', 'cancelled', 'all']).default('open'),
  accountId: uuid().optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: queryInt(1, 500).default(100),
  offset: queryInt(0, 1_000_000).default(0),
});
export type InboxQuery = z.output<typeof inboxQuery>;
