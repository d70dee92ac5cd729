import { z } from 'zod';
import { TOUCHPOINT_KINDS } from '../../domain/vocabulary.js';
import { header } from './common.schema.js';

export const cadenceRequirementSchema = z.strictObject({ touchpointKind: z.enum(TOUCHPOINT_KINDS), everyDays: z.number().int().min(1).max(730), onlyDuringActiveWork: z.boolean().default(false), description: z.string().min(1).max(300) });

/** Touchpoint cadence per tier (DOMAIN.md section 7): how often each kind of touchpoint is due. */
export const cadenceRuleSetSchema = z
  .strictObject({
    kind: z.literal('cadence'),
    ...header,
    tiers: z
      .array(
        z.strictObject({
          tier: z.number().int().min(1).max(4),
          requirements: z
            .array(cadenceRequirementSchema)
            .max(10),
        }),
      )
      .length(4),
  })
  .superRefine((doc, ctx) => {
    doc.tiers.forEach((t, i) => {
      if (t.tier !== i + 1) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'tier'], message: `expected tier ${i + 1} at position ${i}` });
      const kinds = new Set<string>();
      t.requirements.forEach((r, ri) => {
        if (kinds.has(r.touchpointKind)) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'requirements', ri, 'touchpointKind'], message: `duplicate requirement for '${r.touchpointKind}'` });
        kinds.add(r.touchpointKind);
      });
    });
  });
export type CadenceRuleSet = z.output<typeof cadenceRuleSetSchema>;
