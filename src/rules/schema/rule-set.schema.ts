import { z } from 'zod';
import { cadenceRuleSetSchema } from './cadence-rule-set.schema.js';
import { escalationRuleSetSchema } from './escalation-rule-set.schema.js';
import { healthRuleSetSchema } from './health-rule-set.schema.js';
import { lifecycleRuleSetSchema } from './lifecycle-rule-set.schema.js';
import { signalsRuleSetSchema } from './signals-rule-set.schema.js';
import { tierRuleSetSchema } from './tier-rule-set.schema.js';

export const RULE_SET_SCHEMAS = {
  tier: tierRuleSetSchema,
  lifecycle: lifecycleRuleSetSchema,
  health: healthRuleSetSchema,
  signals: signalsRuleSetSchema,
  escalation: escalationRuleSetSchema,
  cadence: cadenceRuleSetSchema,
} as const;

export type RuleSetKind = keyof typeof RULE_SET_SCHEMAS;
export const RULE_SET_KINDS = Object.keys(RULE_SET_SCHEMAS) as RuleSetKind[];
export type RuleSetDocument<K extends RuleSetKind = RuleSetKind> = z.output<(typeof RULE_SET_SCHEMAS)[K]>;

/** The complete set of rule documents scoring runs with: one per kind. */
export type RuleBundle = { [K in RuleSetKind]: RuleSetDocument<K> };
