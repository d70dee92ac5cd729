import { z } from 'zod';
import { describedRule, header, template, uniqueIds } from './common.schema.js';

export const SIGNAL_CATEGORIES = ['behavioural', 'relationship', 'financial', 'high_risk', 'competitive'] as const;
export const SIGNAL_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type SignalSeverity = (typeof SIGNAL_SEVERITIES)[number];

export const signalSchema = z.strictObject({ ...describedRule, name: z.string().min(1).max(120), category: z.enum(SIGNAL_CATEGORIES), severity: z.enum(SIGNAL_SEVERITIES), explanation: template() });

/** Warning signals: each fires independently, with a severity and a human explanation. */
export const signalsRuleSetSchema = z
  .strictObject({
    kind: z.literal('signals'),
    ...header,
    signals: z
      .array(signalSchema)
      .min(1)
      .max(200),
  })
  .superRefine((doc, ctx) => uniqueIds(doc.signals, ctx, ['signals']));
export type SignalsRuleSet = z.output<typeof signalsRuleSetSchema>;
