import { z } from 'zod';
import { topLevelConditionSchema } from './condition.schema.js';
import { header } from './common.schema.js';

/** Lifecycle stage: the highest stage whose conditions match (stage 1 needs none). Tenure bands by months. */
export const lifecycleRuleSetSchema = z
  .strictObject({
    kind: z.literal('lifecycle'),
    ...header,
    stages: z
      .array(z.strictObject({ stage: z.number().int().min(1).max(5), name: z.string().min(1).max(80), conditions: topLevelConditionSchema.optional() }))
      .length(5, 'expected exactly five stages (1-5)'),
    tenureBands: z
      .array(z.strictObject({ id: z.enum(['new', 'established', 'long_term']), name: z.string().min(1).max(80), fromMonths: z.number().int().min(0).max(1200) }))
      .length(3),
  })
  .superRefine((doc, ctx) => {
    doc.stages.forEach((s, i) => {
      if (s.stage !== i + 1) ctx.addIssue({ code: 'custom', path: ['stages', i, 'stage'], message: `expected stage ${i + 1} at position ${i}` });
      if (i > 0 && !s.conditions) ctx.addIssue({ code: 'custom', path: ['stages', i, 'conditions'], message: 'stages 2-5 need conditions' });
    });
    if (doc.tenureBands[0]?.fromMonths !== 0) ctx.addIssue({ code: 'custom', path: ['tenureBands', 0, 'fromMonths'], message: 'the first tenure band must start at 0 months' });
    doc.tenureBands.forEach((b, i) => {
      if (i > 0 && b.fromMonths <= doc.tenureBands[i - 1].fromMonths) ctx.addIssue({ code: 'custom', path: ['tenureBands', i, 'fromMonths'], message: 'tenure bands must start at increasing months' });
    });
  });
export type LifecycleRuleSet = z.output<typeof lifecycleRuleSetSchema>;
