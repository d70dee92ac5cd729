import { z } from 'zod';
import { describedRule, header, template, uniqueIds } from './common.schema.js';

export const scoringRuleSchema = z.strictObject({
  ...describedRule,
  /** Awarded (positive) or deducted (negative) when the conditions hold. */
  points: z.number().int().min(-100).max(100).refine((p) => p !== 0, 'a rule must award or deduct points'),
  reason: template(),
});

/**
 * Health score 0-100: each component scores clamp(base + sum of fired rule points, 0, weight);
 * the score is the sum of components. Weights are data and must sum to 100.
 */
export const healthRuleSetSchema = z
  .strictObject({
    kind: z.literal('health'),
    ...header,
    components: z
      .array(
        z.strictObject({
          id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
          name: z.string().min(1).max(80),
          weight: z.number().int().min(0).max(100),
          base: z.number().int().min(0).max(100).default(0),
          rules: z.array(scoringRuleSchema).min(1).max(100),
        }),
      )
      .min(1)
      .max(10),
    bands: z.strictObject({ intervention: z.number().int().min(1).max(100), critical: z.number().int().min(0).max(99) }),
  })
  .superRefine((doc, ctx) => {
    const total = doc.components.reduce((sum, c) => sum + c.weight, 0);
    if (total !== 100) ctx.addIssue({ code: 'custom', path: ['components'], message: `component weights must sum to 100, got ${total} (${doc.components.map((c) => `${c.id} ${c.weight}`).join(' + ')})` });
    if (doc.bands.critical >= doc.bands.intervention) ctx.addIssue({ code: 'custom', path: ['bands', 'critical'], message: `critical (${doc.bands.critical}) must be below intervention (${doc.bands.intervention})` });
    uniqueIds(doc.components, ctx, ['components']);
    doc.components.forEach((c, ci) => {
      uniqueIds(c.rules, ctx, ['components', ci, 'rules']);
      if (c.base > c.weight) ctx.addIssue({ code: 'custom', path: ['components', ci, 'base'], message: `base ${c.base} exceeds the component weight ${c.weight}` });
      const maxAward = c.base + c.rules.filter((r) => r.points > 0).reduce((s, r) => s + r.points, 0);
      if (maxAward < c.weight) ctx.addIssue({ code: 'custom', path: ['components', ci, 'rules'], message: `the rules can award at most ${maxAward} of the ${c.weight} points: the component can never be full` });
      c.rules.forEach((r, ri) => {
        if (Math.abs(r.points) > c.weight) ctx.addIssue({ code: 'custom', path: ['components', ci, 'rules', ri, 'points'], message: `|${r.points}| exceeds the component weight ${c.weight}` });
      });
    });
  });
export type HealthRuleSet = z.output<typeof healthRuleSetSchema>;
