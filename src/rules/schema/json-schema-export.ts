import { z } from 'zod';
import { CONDITION_JSON_SCHEMA, topLevelConditionSchema } from './condition.schema.js';
import { rulePackSchema } from './rule-pack.schema.js';
import { RULE_SET_KINDS, RULE_SET_SCHEMAS, type RuleSetKind } from './rule-set.schema.js';

/** Editor schema names: the core kinds plus `pack` (plugin rule packs). */
export type EditorSchemaName = RuleSetKind | 'pack';

/**
 * JSON Schema for editors (VS Code `$schema`), generated from the same zod schema the service
 * validates with; condition trees use the hand-written recursive schema.
 */
function editorSchema(schema: z.ZodType, name: EditorSchemaName, title: string): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      if (ctx.zodSchema === topLevelConditionSchema) {
        for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as Record<string, unknown>)[key];
        Object.assign(ctx.jsonSchema, { $ref: '#/$defs/topLevelCondition' });
      }
    },
  }) as Record<string, unknown>;
  return {
    ...generated,
    $id: `https://retention.example/schemas/${name}.schema.json`,
    title,
    $defs: { ...((generated.$defs as Record<string, unknown>) ?? {}), ...CONDITION_JSON_SCHEMA.$defs },
  };
}

export function ruleSetJsonSchema(kind: RuleSetKind): Record<string, unknown> {
  return editorSchema(RULE_SET_SCHEMAS[kind], kind, `${kind} rule set`);
}

/** A plugin rule pack (rules/<kind>.json of a plugin). */
export function rulePackJsonSchema(): Record<string, unknown> {
  return editorSchema(rulePackSchema, 'pack', 'plugin rule pack');
}

export function allRuleSetJsonSchemas(): Record<EditorSchemaName, Record<string, unknown>> {
  return { ...(Object.fromEntries(RULE_SET_KINDS.map((k) => [k, ruleSetJsonSchema(k)])) as Record<RuleSetKind, Record<string, unknown>>), pack: rulePackJsonSchema() };
}
