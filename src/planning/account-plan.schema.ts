import { z } from 'zod';
import { isoDate, longText, shortText, uuid } from '../api/zod-fields.js';

export const accountPlanCreateSchema = z.strictObject({
  accountId: uuid(),
  objectives: z.array(shortText(500)).min(1).max(50),
  relationshipStrategy: longText(),
  risks: z.array(z.strictObject({ risk: shortText(500), mitigation: shortText(2000) })).max(50),
  ownerPersonId: uuid().nullish(),
  reviewedOn: isoDate().nullish(),
});
