import { rulePackJsonSchema, ruleSetJsonSchema } from '../../rules/schema/json-schema-export.js';
import { PACKABLE_KINDS } from '../../rules/schema/rule-pack.schema.js';
import { RULE_SET_KINDS } from '../../rules/schema/rule-set.schema.js';

type Json = Record<string, unknown>;

/** OpenAPI paths and schemas of rule authoring, scoring, facts and escalations. */
export function rulesAndScoringPaths(prefix: string, tenantHeader: Json, errors: Json): { paths: Json; schemas: Json } {
  const json = (schema: unknown) => ({ 'application/json': { schema } });
  const ok = (description: string) => ({ '200': { description }, ...errors });
  // A core rule set, or an installed plugin's pack `<plugin>.<kind>` (GET /plugins lists them).
  const kindSchema = { anyOf: [{ type: 'string', enum: RULE_SET_KINDS }, { type: 'string', pattern: `^[a-z][a-z0-9]{1,30}\\.(${PACKABLE_KINDS.join('|')})$`, description: 'a plugin rule pack, e.g. legal.signals' }] };
  const kind = { name: 'kind', in: 'path', required: true, schema: kindSchema };
  const version = { name: 'version', in: 'path', required: true, schema: { type: 'integer', minimum: 0 } };
  const actor = { name: 'x-actor', in: 'header', required: false, schema: { type: 'string' }, description: 'Who is acting (recorded in the audit log).' };
  const accountId = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
  const tags = ['rules'];
  const document = { oneOf: [...RULE_SET_KINDS.map((k) => ({ $ref: `#/components/schemas/RuleSet_${k}` })), { $ref: '#/components/schemas/RulePack' }] };
  const candidate = { oneOf: [{ type: 'object', required: ['document'], properties: { document } }, { type: 'object', required: ['version'], properties: { version: { type: 'integer', minimum: 0 } } }] };
  const schemas: Json = {};
  const editorSchemas: [string, Json][] = [...RULE_SET_KINDS.map((k): [string, Json] => [`RuleSet_${k}`, ruleSetJsonSchema(k)]), ['RulePack', rulePackJsonSchema()]];
  for (const [name, editorSchema] of editorSchemas) {
    // Standalone JSON Schemas use #/$defs; inside OpenAPI the shared defs live in components.
    const { $schema: _s, $id: _i, $defs, ...body } = JSON.parse(JSON.stringify(editorSchema).replaceAll('#/$defs/', '#/components/schemas/')) as Json & { $defs?: Json };
    Object.assign(schemas, $defs ?? {});
    schemas[name] = body;
  }
  const conflict = { '409': { description: 'Concurrent or stale switch; nothing changed (audited)' } };
  const paths: Json = {
    [`${prefix}/rule-sets`]: { get: { tags, summary: 'Rule sets with their active versions', parameters: [tenantHeader], responses: ok('Overview') } },
    [`${prefix}/rule-sets/audit`]: { get: { tags, summary: 'Append-only audit log (who, when, diff, reason)', parameters: [tenantHeader, { name: 'kind', in: 'query', schema: kind.schema }, { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 500 } }], responses: ok('Entries') } },
    [`${prefix}/rule-sets/{kind}`]: { get: { tags, summary: 'The active version of a rule set', parameters: [tenantHeader, kind], responses: ok('Active document') } },
    [`${prefix}/rule-sets/{kind}/versions`]: { get: { tags, summary: 'All versions (0 = the default file)', parameters: [tenantHeader, kind], responses: ok('Versions') } },
    [`${prefix}/rule-sets/{kind}/versions/{version}`]: { get: { tags, summary: 'One version', parameters: [tenantHeader, kind, version], responses: ok('Document') } },
    [`${prefix}/rule-sets/{kind}/versions/{version}/export`]: { get: { tags, summary: 'A version as a rules/<kind>.json file', parameters: [tenantHeader, kind, version], responses: ok('File') } },
    [`${prefix}/rule-sets/{kind}/validate`]: { post: { tags, summary: 'Validate a document (schema, facts, operators, types, ranges, tier coverage)', parameters: [tenantHeader, kind], requestBody: { required: true, description: 'Any JSON document is judged, not stored: one that is not a valid RuleSet_<kind> or RulePack gets a 200 report with valid=false and the path of every problem.', content: json({ description: 'A rule-set document (the RuleSet_<kind> and RulePack schemas), or anything else to judge' }) }, responses: ok('{ valid, issues[] } with JSON paths') } },
    [`${prefix}/rule-sets/{kind}/drafts`]: { post: { tags, summary: 'Submit a draft (stored only when valid)', parameters: [tenantHeader, actor, kind], requestBody: { required: true, content: json({ type: 'object', required: ['document'], properties: { document, basedOnVersion: { type: 'integer' } } }) }, responses: { '201': { description: 'Draft version' }, ...errors } } },
    [`${prefix}/rule-sets/{kind}/simulate`]: { post: { tags, summary: 'What a candidate would change on the live portfolio (tiers, scores, signals, escalations, distributions)', parameters: [tenantHeader, kind], requestBody: { required: true, content: json(candidate) }, responses: ok('Simulation report') } },
    [`${prefix}/rule-sets/{kind}/backtest`]: { post: { tags, summary: 'Re-run a candidate over stored snapshot history', parameters: [tenantHeader, kind], requestBody: { required: true, content: json(candidate) }, responses: ok('Backtest report') } },
    [`${prefix}/rule-sets/{kind}/versions/{version}/publish`]: { post: { tags, summary: 'Publish a draft (atomic switch, then the portfolio is rescored)', parameters: [tenantHeader, actor, kind, version], requestBody: { required: true, content: json({ type: 'object', required: ['reason'], properties: { reason: { type: 'string', minLength: 3 }, expectedActiveVersion: { type: 'integer' } } }) }, responses: { ...ok('Switched'), ...conflict } } },
    [`${prefix}/rule-sets/{kind}/rollback`]: { post: { tags, summary: 'Make an earlier published version active again', parameters: [tenantHeader, actor, kind], requestBody: { required: true, content: json({ type: 'object', required: ['toVersion', 'reason'], properties: { toVersion: { type: 'integer' }, reason: { type: 'string' }, expectedActiveVersion: { type: 'integer' } } }) }, responses: { ...ok('Switched'), ...conflict } } },
    [`${prefix}/facts`]: { get: { tags: ['scoring'], summary: 'The fact catalog: every fact a rule may reference', responses: ok('Definitions') } },
    [`${prefix}/accounts/{id}/facts`]: { get: { tags: ['scoring'], summary: "An account's fact values now", parameters: [tenantHeader, accountId], responses: ok('Facts') } },
    [`${prefix}/accounts/{id}/health`]: { get: { tags: ['scoring'], summary: 'Current health snapshot: score, components, tier, stage, signals, cadence, explanation, rule versions, facts', parameters: [tenantHeader, accountId], responses: ok('Snapshot') } },
    [`${prefix}/accounts/{id}/health/history`]: { get: { tags: ['scoring'], summary: 'Snapshots with explained deltas', parameters: [tenantHeader, accountId, { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 500 } }], responses: ok('History') } },
    [`${prefix}/scoring/rescore`]: { post: { tags: ['scoring'], summary: 'Rescore some accounts or the whole portfolio now', parameters: [tenantHeader], requestBody: { required: false, content: json({ type: 'object', properties: { accountIds: { type: 'array', items: { type: 'string', format: 'uuid' } } } }) }, responses: ok('Stats') } },
    [`${prefix}/escalations`]: { get: { tags: ['scoring'], summary: 'Escalation protocols that fired, with their tasks and play commands', parameters: [tenantHeader, { name: 'accountId', in: 'query', schema: { type: 'string', format: 'uuid' } }], responses: ok('Records') } },
    [`${prefix}/plugins`]: { get: { tags: ['plugins'], summary: 'Installed plugins: industries, facts, operators, activities, rule packs, play templates', responses: ok('Plugins') } },
    [`${prefix}/tenants/{id}/plugins`]: {
      get: { tags: ['plugins'], summary: "The plugins that apply to a firm's accounts", parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: ok('Enabled plugins') },
      put: {
        tags: ['plugins'],
        summary: 'Pin a firm to some installed plugins (null: every installed plugin); the portfolio is rescored',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: { required: true, content: json({ type: 'object', required: ['enabled'], additionalProperties: false, properties: { enabled: { anyOf: [{ type: 'null' }, { type: 'array', maxItems: 50, items: { type: 'string', minLength: 1, maxLength: 40 } }] } } }) },
        responses: ok('Enabled plugins'),
      },
    },
    [`${prefix}/play-commands`]: { get: { tags: ['scoring'], summary: 'Durable play commands (outbox) such as "start a recovery plan"', parameters: [tenantHeader, { name: 'status', in: 'query', schema: { type: 'string', enum: ['pending', 'dispatched', 'failed'] } }], responses: ok('Commands') } },
  };
  return { paths, schemas };
}
