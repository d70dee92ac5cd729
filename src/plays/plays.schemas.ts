import { z } from 'zod';
import { isoDate, shortText, uuid } from '../api/zod-fields.js';
import { TASK_OWNER_ROLES } from '../domain/vocabulary.js';
import { PLAY_KINDS } from './play-workflows.js';

/** Request bodies of the plays and tasks API (also the OpenAPI document's). */
export const startBody = z.strictObject({
  play: z.enum(PLAY_KINDS as [string, ...string[]]),
  reason: shortText(500),
  scope: z.string().regex(/^[a-zA-Z0-9-]{1,80}$/).optional(),
  anchorDate: isoDate().optional(),
});
export const cancelBody = z.strictObject({ reason: shortText(500) });
export const completeBody = z.strictObject({ note: z.string().max(2000).optional() });
export const reassignBody = z.strictObject({ ownerRole: z.enum(TASK_OWNER_ROLES), ownerPersonId: uuid().nullable().default(null) });
