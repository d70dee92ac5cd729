import { z } from 'zod';
import { eventEnvelopeSchema, MAX_EVENTS_PER_BATCH } from '../../ingestion/event-batch.schema.js';
import { EVENT_TYPES } from '../../ingestion/event-types.js';
import { MAX_IMPORT_ROWS } from '../../ingestion/import/import-rows.js';
import { MAX_PAGE_SIZE } from '../../resources/list-query.js';
import { RESOURCES } from '../../resources/resource-definitions.js';
import { tenantCreateSchema } from '../../tenants/tenants.controller.js';
import { TENANT_HEADER } from '../../tenants/tenant-id.decorator.js';
import { inputSchema } from './json-schema.js';
import { accessAndAuditPaths, SECURITY_SCHEMES } from './access-and-audit-paths.js';
import { playsPaths } from './plays-paths.js';
import { portfolioAndInboxPaths } from './portfolio-and-inbox-paths.js';
import { rulesAndScoringPaths } from './rules-and-scoring-paths.js';
import { metricsPaths } from '../../metrics/api/metrics-openapi.js';

export const API_PREFIX = '/api/v1';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ 'application/json': { schema } });
const errors = {
  '400': { description: 'Invalid input: `issues[]` names each field path and what was expected; nothing was changed.', content: json(ref('Error')) },
  '401': { description: 'No credential, or an invalid, expired or revoked one.', content: json(ref('Error')) },
  '403': { description: "The caller's role lacks the permission, or x-tenant-id names another firm.", content: json(ref('Error')) },
  '404': { description: 'Unknown tenant or id (ids of other tenants are indistinguishable from unknown ones).', content: json(ref('Error')) },
  '429': { description: 'Rate limit of the credential exceeded; see Retry-After.', content: json(ref('Error')) },
};
const tenantHeader = { name: TENANT_HEADER, in: 'header', required: false, schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }, description: "Optional: the firm comes from the credential; when sent it must be the credential's firm (else 403)." };
const pascal = (s: string) => s.replace(/(^|[-_ ])(\w)/g, (_, __, c: string) => c.toUpperCase());

/** The OpenAPI 3.1 document, generated from the zod schemas that validate the requests. */
export function buildOpenApiDocument(version: string): Record<string, unknown> {
  const schemas: Record<string, unknown> = {
    Error: {
      type: 'object',
      required: ['error', 'message'],
      properties: {
        error: { type: 'string' },
        message: { type: 'string' },
        issues: { type: 'array', items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' }, code: { type: 'string' }, expected: { type: 'string' }, row: { type: 'integer' }, line: { type: 'integer' } } } },
      },
    },
    Row: { type: 'object', required: ['id', 'tenantId'], properties: { id: { type: 'string', format: 'uuid' }, tenantId: { type: 'string' }, createdAt: { type: 'string', format: 'date-time' }, updatedAt: { type: 'string', format: 'date-time' } }, additionalProperties: true },
    TenantCreate: inputSchema(tenantCreateSchema),
  };
  const paths: Record<string, unknown> = {
    '/health': { get: { tags: ['operations'], summary: 'Database and Temporal connectivity', security: [], responses: { '200': { description: 'All dependencies reachable' }, '503': { description: 'A dependency is down' } } } },
    [`${API_PREFIX}/tenants`]: {
      post: { tags: ['tenants'], summary: 'Create a tenant (firm): the platform operator only', security: [{ platformKey: [] }], requestBody: { required: true, content: json(ref('TenantCreate')) }, responses: { '201': { description: 'Created' }, '400': errors['400'], '409': { description: 'Exists', content: json(ref('Error')) } } },
      get: { tags: ['tenants'], summary: 'List tenants: the platform operator only', security: [{ platformKey: [] }], responses: { '200': { description: 'Tenants' } } },
    },
    [`${API_PREFIX}/tenants/{id}`]: {
      get: { tags: ['tenants'], summary: "The caller's own firm (another firm's id: 404)", parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'The firm' }, ...errors } },
    },
  };

  for (const def of RESOURCES) {
    const name = pascal(def.singular);
    schemas[`${name}Create`] = inputSchema(def.create);
    schemas[`${name}Update`] = inputSchema(def.update);
    const tags = [def.path];
    const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
    const listParams = [
      tenantHeader,
      { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 } },
      { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
      ...def.filters.map((f) => ({ name: f, in: 'query', schema: { type: 'string' }, description: 'Equality filter' })),
    ];
    paths[`${API_PREFIX}/${def.path}`] = {
      get: { tags, summary: `List ${def.singular} rows`, parameters: listParams, responses: { '200': { description: 'A page', content: json({ type: 'object', properties: { items: { type: 'array', items: ref('Row') }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } } }) }, ...errors } },
      post: { tags, summary: `Create a ${def.singular}`, parameters: [tenantHeader], requestBody: { required: true, content: json(ref(`${name}Create`)) }, responses: { '201': { description: 'Created', content: json(ref('Row')) }, ...errors, '409': { description: 'Unique key taken', content: json(ref('Error')) } } },
    };
    paths[`${API_PREFIX}/${def.path}/{id}`] = {
      get: { tags, summary: `Read a ${def.singular}`, parameters: [tenantHeader, idParam], responses: { '200': { description: 'The row', content: json(ref('Row')) }, ...errors } },
      patch: { tags, summary: `Change a ${def.singular}`, parameters: [tenantHeader, idParam], requestBody: { required: true, content: json(ref(`${name}Update`)) }, responses: { '200': { description: 'Updated', content: json(ref('Row')) }, ...errors } },
      delete: { tags, summary: `Delete a ${def.singular}${def.path === 'accounts' ? ' and its whole history' : ''}`, parameters: [tenantHeader, idParam], responses: { '204': { description: 'Deleted' }, ...errors } },
    };
  }

  schemas.EventBatch = {
    type: 'object',
    required: ['events'],
    additionalProperties: false,
    properties: {
      events: {
        type: 'array',
        minItems: 1,
        maxItems: MAX_EVENTS_PER_BATCH,
        items: {
          oneOf: EVENT_TYPES.map((t) => ({
            description: t.description,
            ...inputSchema(eventEnvelopeSchema.extend({ type: z.literal(t.type), data: t.data })),
          })),
        },
      },
    },
  };
  paths[`${API_PREFIX}/events`] = {
    post: {
      tags: ['ingestion'],
      summary: 'Ingest a batch of events (idempotent by event id, all-or-nothing)',
      description: 'Each event carries a client-supplied `id`. A replayed id with the same payload is reported as `duplicate` and changes nothing; the same id with a different payload is a 409. Any invalid event rejects the whole batch with 400 and the path of every problem.',
      parameters: [tenantHeader],
      requestBody: { required: true, content: json(ref('EventBatch')) },
      responses: { '200': { description: 'Per-event results: applied or duplicate' }, ...errors, '409': { description: 'Event id reused with a different payload', content: json(ref('Error')) } },
    },
  };
  paths[`${API_PREFIX}/import/{resource}`] = {
    post: {
      tags: ['ingestion'],
      summary: 'Bulk import rows from CSV or JSON',
      description: `CSV with a header row (columns = field names; \`accountExternalRef\` may replace \`accountId\`) or a JSON array. Up to ${MAX_IMPORT_ROWS} rows. mode=atomic (default) imports nothing if any row is invalid; mode=partial imports the valid rows. The report lists every bad row with its row number, CSV line and field path. Re-importing the same file changes nothing.`,
      parameters: [
        tenantHeader,
        { name: 'resource', in: 'path', required: true, schema: { type: 'string', enum: RESOURCES.filter((r) => r.path !== 'tasks' && r.path !== 'account-plans').map((r) => r.path) } },
        { name: 'mode', in: 'query', schema: { type: 'string', enum: ['atomic', 'partial'], default: 'atomic' } },
      ],
      requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'array', items: { type: 'object' } } } } },
      responses: { '200': { description: 'Import report' }, ...errors, '415': { description: 'Neither CSV nor JSON', content: json(ref('Error')) } },
    },
  };

  const domain = rulesAndScoringPaths(API_PREFIX, tenantHeader, errors);
  Object.assign(paths, domain.paths);
  Object.assign(schemas, domain.schemas);
  const metrics = metricsPaths(API_PREFIX, tenantHeader, errors);
  Object.assign(paths, metrics.paths);
  Object.assign(schemas, metrics.schemas);
  Object.assign(paths, portfolioAndInboxPaths(API_PREFIX, tenantHeader, errors));
  Object.assign(paths, accessAndAuditPaths(API_PREFIX, tenantHeader, errors));
  Object.assign(paths, playsPaths(API_PREFIX, tenantHeader, errors));

  return {
    openapi: '3.1.0',
    info: { title: 'Client retention platform API', version, description: 'Ingestion (accounts and their history, events, bulk import), declarative rules (validate, simulate, publish, roll back), explained health scores and escalations, plays, metrics, access control and the audit log. Authenticate with a Bearer token (POST /api/v1/auth/login) or an API key.' },
    servers: [{ url: '/' }],
    paths,
    // Every operation needs a credential unless it says `security: []`.
    security: [{ bearerAuth: [] }, { apiKeyHeader: [] }],
    components: { schemas, securitySchemes: SECURITY_SCHEMES },
  };
}
