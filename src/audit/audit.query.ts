import { z } from 'zod';
import { isoDateTime, queryInt } from '../api/zod-fields.js';

export const auditQuery = z.strictObject({
  resource: z.string().regex(/^[a-z_]{1,60}$/).optional(),
  resourceId: z.string().min(1).max(300).optional(),
  actorId: z.string().min(1).max(200).optional(),
  action: z.string().regex(/^[a-z.]{1,40}$/).optional(),
  from: isoDateTime().optional(),
  to: isoDateTime().optional(),
  limit: queryInt(1, 500).default(100),
  offset: queryInt(0, 1_000_000).default(0),
});
export type AuditQuery = z.output<typeof auditQuery>;
