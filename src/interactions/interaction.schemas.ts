import { z } from 'zod';
import {
  EXECUTIVE_SEATS, ISSUE_SEVERITIES, OBSERVATION_KINDS, OBSERVATION_SOURCES, SURVEY_KINDS, TONES,
  TOUCHPOINT_CHANNELS, TOUCHPOINT_DIRECTIONS, TOUCHPOINT_KINDS, TOUCHPOINT_OUTCOMES,
} from '../domain/vocabulary.js';
import { isoDateTime, longText, shortText, uuid } from '../api/zod-fields.js';

export const touchpointCreateSchema = z.strictObject({
  accountId: uuid(),
  stakeholderId: uuid().nullish(),
  personId: uuid().nullish(),
  kind: z.enum(TOUCHPOINT_KINDS),
  channel: z.enum(TOUCHPOINT_CHANNELS),
  direction: z.enum(TOUCHPOINT_DIRECTIONS),
  outcome: z.enum(TOUCHPOINT_OUTCOMES).default('held'),
  occurredAt: isoDateTime(),
  responseTimeHours: z.number().finite().min(0).max(24 * 365).nullish(),
  summary: longText().nullish(),
});

const surveyBase = {
  accountId: uuid(),
  stakeholderId: uuid().nullish(),
  respondedAt: isoDateTime(),
  comment: longText().nullish(),
};
/** NPS is 0-10, CSAT 1-5: the range depends on the kind. */
export const surveyResponseCreateSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...surveyBase, kind: z.literal('nps'), score: z.number().int().min(0).max(10) }),
  z.strictObject({ ...surveyBase, kind: z.literal('csat'), score: z.number().int().min(1).max(5) }),
]);
export const surveyResponseUpdateSchema = z.strictObject({
  stakeholderId: uuid().nullish(),
  respondedAt: isoDateTime().optional(),
  comment: longText().nullish(),
});
export const SURVEY_KIND_VALUES = SURVEY_KINDS;

export const serviceIssueCreateSchema = z.strictObject({
  accountId: uuid(),
  title: shortText(),
  severity: z.enum(ISSUE_SEVERITIES),
  isComplaint: z.boolean().default(false),
  category: shortText(80).nullish(),
  openedAt: isoDateTime(),
  resolvedAt: isoDateTime().nullish(),
});

export const observationCreateSchema = z.strictObject({
  accountId: uuid(),
  kind: z.enum(OBSERVATION_KINDS),
  executiveSeat: z.enum(EXECUTIVE_SEATS).nullish(),
  tone: z.enum(TONES).nullish(),
  competitor: shortText().nullish(),
  detail: longText().nullish(),
  source: z.enum(OBSERVATION_SOURCES).default('person'),
  recordedBy: shortText().nullish(),
  observedAt: isoDateTime(),
});
