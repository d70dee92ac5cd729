import { z } from 'zod';
import { TASK_OWNER_ROLES, TASK_SOURCES, TASK_STATUSES } from '../domain/vocabulary.js';
import { isoDate, longText, shortText, uuid } from '../api/zod-fields.js';

export const taskCreateSchema = z.strictObject({
  accountId: uuid().nullish(),
  title: shortText(300),
  description: longText().nullish(),
  ownerPersonId: uuid().nullish(),
  ownerRole: z.enum(TASK_OWNER_ROLES),
  dueOn: isoDate().nullish(),
  status: z.enum(TASK_STATUSES).default('open'),
  source: z.enum(TASK_SOURCES).default('manual'),
  sourceRef: shortText(300).nullish(),
});
