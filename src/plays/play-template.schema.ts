import { z } from 'zod';
import { TASK_OWNER_ROLES } from '../domain/vocabulary.js';

const PLAY_KIND = z.enum(['renewal', 'recovery', 'win_back', 'succession', 'onboarding', 'cadence']);
const ATTENTION = z.enum(['normal', 'elevated', 'critical']);
const role = z.enum(TASK_OWNER_ROLES);
const days = z.number().int().min(0).max(3650);

/** A play template file (play-templates/*.json, plugins later): versioned data for one play. */
export const playTemplateSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9][a-z0-9-.]{1,79}$/),
    version: z.number().int().min(1),
    play: PLAY_KIND,
    name: z.string().min(1).max(120),
    description: z.string().max(2000),
    parameters: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).default({}),
    steps: z
      .array(
        z.strictObject({
          id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/),
          title: z.string().min(1).max(300),
          description: z.string().max(2000).optional(),
          ownerRole: role,
          due: z
            .strictObject({ afterStartDays: days.optional(), beforeAnchorDays: days.optional(), afterAnchorDays: days.optional(), afterPreviousDays: days.optional() })
            .refine((d) => Object.values(d).filter((v) => v !== undefined).length <= 1, 'give at most one of afterStartDays, beforeAnchorDays, afterAnchorDays, afterPreviousDays'),
          wait: z.enum(['completion', 'none']).default('completion'),
          escalateAfterDays: days.optional(),
          escalateToRole: role.optional(),
          onlyWhenAttention: ATTENTION.optional(),
          /** Automated step: a plugin activity `<plugin>.<name>` runs instead of a task. */
          activity: z.string().regex(/^[a-z][a-z0-9]{1,30}\.[a-z][A-Za-z0-9]{0,60}$/, 'expected <plugin>.<activityName>').optional(),
        }),
      )
      .max(50),
    healthThresholds: z
      .array(z.strictObject({ below: z.number().int().min(1).max(100), attention: ATTENTION, task: z.strictObject({ title: z.string().min(1).max(300), ownerRole: role, dueInDays: days }).optional() }))
      .max(5)
      .default([]),
  })
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.steps.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `duplicate step id '${s.id}'` });
      seen.add(s.id);
    });
  });
export type PlayTemplateDocument = z.output<typeof playTemplateSchema>;
