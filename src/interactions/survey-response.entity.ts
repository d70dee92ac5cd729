import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { accountScopedProperties } from '../persistence/tenant-scoped.properties.js';
import { SURVEY_KINDS } from '../domain/vocabulary.js';

/** NPS (0-10) or CSAT (1-5) answer. */
export const SurveyResponse = defineEntity({
  name: 'SurveyResponse',
  tableName: 'survey_responses',
  indexes: [{ properties: ['tenantId', 'accountId', 'respondedAt'] }],
  properties: {
    ...accountScopedProperties(),
    stakeholderId: p.uuid().nullable(),
    kind: p.enum(SURVEY_KINDS),
    score: p.integer(),
    respondedAt: p.datetime(),
    comment: p.text().nullable(),
  },
});
export type SurveyResponse = InferEntity<typeof SurveyResponse>;
