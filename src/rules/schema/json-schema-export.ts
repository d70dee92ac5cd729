import { z } from 'zod';
import { CONDITION_JSON_SCHEMA, topLevelConditionSchema } from './condition.schema.js';
import { RULE_SET_KINDS, RULE_SET_SCHEMAS, type RuleSetKind } from './rule-set.schema.js';

/**
 * JSON Schema of a rule-set kind for editors (VS Code `$schema`), generated from the same zod
 * schema the service validates with; condition trees use the hand-written recursive schema.
 */
export function ruleSetJsonSchema(kind: RuleSetKind): Record<string, unknown> {
  const schema = z.toJSONSchema(RULE_SET_SCHEMAS[kind], {
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
    ...schema,
    $id: `https://retention.example/schemas/${kind}.schema.json`,
    title: `${kind} rule set`,
    $defs: { ...((schema.$defs as Record<string, unknown>) ?? {}), ...CONDITION_JSON_SCHEMA.$defs },
  };
}

export function allRuleSetJsonSchemas(): Record<RuleSetKind, Record<string, unknown>> {
  return Object.fromEntries(RULE_SET_KINDS.map((k) => [k, ruleSetJsonSchema(k)])) as Record<RuleSetKind, Record<string, unknown>>;
}
