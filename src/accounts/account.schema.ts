import { z } from 'zod';
import { ACCOUNT_STATUSES, CHURN_REASONS, INDUSTRIES } from '../domain/vocabulary.js';
import { isoDate, longText, shortText } from '../api/zod-fields.js';

export const accountCreateSchema = z.strictObject({
  externalRef: shortText(120).nullish(),
  name: shortText(),
  industry: z.enum(INDUSTRIES),
  segment: shortText(80).nullish(),
  region: shortText(80).nullish(),
  status: z.enum(ACCOUNT_STATUSES).default('active'),
  clientSince: isoDate(),
  churnedAt: isoDate().nullish(),
  churnReason: z.enum(CHURN_REASONS).nullish(),
  churnNotes: longText().nullish(),
  attributes: z.record(z.string(), z.unknown()).nullish(),
});

/** A churned account must say when and why; the win-back play and churn analysis depend on both. */
export const requireChurnDetails = <T extends { status?: string; churnedAt?: string | null; churnReason?: string | null }>(
  value: T,
  ctx: z.RefinementCtx,
) => {
  if (value.status !== 'churned') return;
  if (!value.churnedAt) ctx.addIssue({ code: 'custom', path: ['churnedAt'], message: 'required when status is churned' });
  if (!value.churnReason) ctx.addIssue({ code: 'custom', path: ['churnReason'], message: 'required when status is churned' });
};
