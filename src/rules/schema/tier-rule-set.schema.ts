import { z } from 'zod';
import { topLevelConditionSchema } from './condition.schema.js';
import { describedRule, header } from './common.schema.js';

export const promotionSchema = z.strictObject({ ...describedRule, maxTier: z.number().int().min(2).max(4) });

/**
 * Tier criteria. Exactly one tier's conditions should match any account (validation checks
 * overlaps and gaps against the portfolio). Promotions lift a key account by one tier.
 * Demotion from a key-account tier (3-4) only takes effect after `demotionGraceDays`.
 */
export const tierRuleSetSchema = z
  .strictObject({
    kind: z.literal('tier'),
    ...header,
    tiers: z
      .array(z.strictObject({ tier: z.number().int().min(1).max(4), name: z.string().min(1).max(80), conditions: topLevelConditionSchema }))
      .length(4, 'expected exactly four tiers (1-4)'),
    promotions: z.array(promotionSchema).max(20).default([]),
    demotionGraceDays: z.number().int().min(0).max(730).default(0),
  })
  .superRefine((doc, ctx) => {
    doc.tiers.forEach((t, i) => {
      if (t.tier !== i + 1) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'tier'], message: `expected tier ${i + 1} at position ${i} (tiers listed 1 to 4)` });
    });
  });
export type TierRuleSet = z.output<typeof tierRuleSetSchema>;
