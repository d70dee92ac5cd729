import { z } from 'zod';
import { cadenceRequirementSchema } from './cadence-rule-set.schema.js';
import { header } from './common.schema.js';
import { protocolSchema } from './escalation-rule-set.schema.js';
import { scoringRuleSchema } from './health-rule-set.schema.js';
import { signalSchema } from './signals-rule-set.schema.js';
import { promotionSchema } from './tier-rule-set.schema.js';

/** Rule sets a plugin pack may extend. Lifecycle stages are the platform's own vocabulary. */
export const PACKABLE_KINDS = ['tier', 'health', 'signals', 'escalation', 'cadence'] as const;
export type PackableKind = (typeof PACKABLE_KINDS)[number];

const healthItem = z.strictObject({ component: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), rule: scoringRuleSchema });
const cadenceItem = z.strictObject({ tier: z.number().int().min(1).max(4), requirement: cadenceRequirementSchema });

const pack = <K extends PackableKind, T extends z.ZodType>(kind: K, item: T) =>
  z.strictObject({
    kind: z.literal('pack'),
    ...header,
    /** Id of the plugin that ships the pack: the pack's rule-set id is `<plugin>.<extends>`. */
    plugin: z.string().regex(/^[a-z][a-z0-9]{1,30}$/, 'expected a plugin id (lowercase letters and digits)'),
    extends: z.literal(kind),
    /** New items; their ids must start with `<plugin>-` so they never collide with core or other plugins. */
    add: z.array(item).max(100).default([]),
    /** Replacements of existing items of the extended rule set, matched by id. */
    override: z.array(item).max(100).default([]),
  });

/**
 * A plugin's rule pack: extends (adds) or overrides items of one core rule set, for the accounts
 * of the plugin's industries only. Versioned, simulated and audited like any rule set.
 */
export const rulePackSchema = z.discriminatedUnion('extends', [
  pack('signals', signalSchema),
  pack('escalation', protocolSchema),
  pack('health', healthItem),
  pack('tier', promotionSchema),
  pack('cadence', cadenceItem),
]);
export type RulePack = z.output<typeof rulePackSchema>;

/** The id an item is matched by when overriding and checked for conflicts. */
export function packItemKey(pack: Pick<RulePack, 'extends'>, item: unknown): string {
  const i = item as { id?: string; component?: string; rule?: { id: string }; tier?: number; requirement?: { touchpointKind: string } };
  if (pack.extends === 'health') return `${i.component}/${i.rule!.id}`;
  if (pack.extends === 'cadence') return `tier-${i.tier}/${i.requirement!.touchpointKind}`;
  return i.id!;
}

/** The bare id of a new item (prefix checks); cadence requirements have none. */
export function packItemId(pack: Pick<RulePack, 'extends'>, item: unknown): string | undefined {
  const i = item as { id?: string; rule?: { id: string } };
  if (pack.extends === 'health') return i.rule!.id;
  if (pack.extends === 'cadence') return undefined;
  return i.id;
}

export const rulePackId = (plugin: string, kind: PackableKind) => `${plugin}.${kind}`;
const PACK_ID = /^([a-z][a-z0-9]{1,30})\.(tier|health|signals|escalation|cadence)$/;
export function parseRulePackId(id: string): { plugin: string; extends: PackableKind } | undefined {
  const m = PACK_ID.exec(id);
  return m ? { plugin: m[1], extends: m[2] as PackableKind } : undefined;
}
