import { z } from 'zod';
import { TASK_OWNER_ROLES } from '../../domain/vocabulary.js';
import { describedRule, header, template, uniqueIds } from './common.schema.js';

export const PLAY_KINDS = ['renewal', 'recovery', 'win_back', 'succession', 'onboarding', 'cadence', 'competitive_defence'] as const;

const taskAction = z.strictObject({
  type: z.literal('task'),
  ownerRole: z.enum(TASK_OWNER_ROLES),
  title: template(),
  description: template().optional(),
  dueInDays: z.number().int().min(0).max(365),
  /** The task makes someone contact the client: subject to firm-wide coordination. */
  contactsClient: z.boolean().default(false),
});
const playAction = z.strictObject({ type: z.literal('play'), play: z.enum(PLAY_KINDS), reason: template() });

export const protocolSchema = z.strictObject({ ...describedRule, name: z.string().min(1).max(120), actions: z.array(z.discriminatedUnion('type', [taskAction, playAction])).min(1).max(10) });

/**
 * Escalation protocol: a protocol fires when its conditions become true (they were false on
 * the previous snapshot), at most once per cooldown per account; client-contact tasks for one
 * account are coordinated so the client is not contacted by several people in one window.
 */
export const escalationRuleSetSchema = z
  .strictObject({
    kind: z.literal('escalation'),
    ...header,
    cooldownDays: z.number().int().min(0).max(365),
    coordination: z.strictObject({ windowDays: z.number().int().min(1).max(90), maxClientContactTasks: z.number().int().min(1).max(20) }),
    protocols: z.array(protocolSchema).min(1).max(100),
  })
  .superRefine((doc, ctx) => uniqueIds(doc.protocols, ctx, ['protocols']));
export type EscalationRuleSet = z.output<typeof escalationRuleSetSchema>;
export type EscalationAction = EscalationRuleSet['protocols'][number]['actions'][number];
