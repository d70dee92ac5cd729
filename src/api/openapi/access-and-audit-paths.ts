import { auditQuery } from '../../audit/audit.query.js';
import { apiKeyCreateBody, loginBody, userCreateBody, userUpdateBody } from '../../auth/access.schemas.js';
import { inputSchema, queryParameters } from './json-schema.js';

type Json = Record<string, unknown>;

/** Security schemes of the API: people's Bearer tokens, integrations' API keys, the operator's platform key. */
export const SECURITY_SCHEMES: Json = {
  bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT or rk_… API key', description: 'A sign-in token (POST /api/v1/auth/login or the firm\'s OIDC provider) or an API key.' },
  apiKeyHeader: { type: 'apiKey', in: 'header', name: 'x-api-key', description: 'An API key (rk_…) of an integration.' },
  platformKey: { type: 'apiKey', in: 'header', name: 'x-platform-key', description: 'The platform operator key (creating firms only).' },
};

/** OpenAPI paths of sign-in, users, API keys and the audit log. */
export function accessAndAuditPaths(prefix: string, tenantHeader: Json, errors: Json): Json {
  const json = (schema: unknown) => ({ 'application/json': { schema } });
  const id = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
  const tags = ['access'];
  return {
    [`${prefix}/auth/login`]: {
      post: {
        tags, summary: 'Sign in with a password: a Bearer token for the firm', security: [],
        requestBody: { required: true, content: json(inputSchema(loginBody)) },
        responses: { '200': { description: '{ token, expiresAt, user }' }, '400': errors['400'], '401': { description: 'Wrong firm, email or password (one answer for all)' }, '429': { description: 'Too many attempts; see Retry-After' } },
      },
    },
    [`${prefix}/auth/me`]: { get: { tags, summary: 'Who the credential is: firm, roles, person, permissions', responses: { '200': { description: 'The caller' }, ...errors } } },
    [`${prefix}/users`]: {
      get: { tags, summary: "The firm's users (admins)", parameters: [tenantHeader], responses: { '200': { description: '{ items }' }, ...errors } },
      post: { tags, summary: 'Create a user (admins)', parameters: [tenantHeader], requestBody: { required: true, content: json(inputSchema(userCreateBody)) }, responses: { '201': { description: 'The user (never the password)' }, ...errors, '409': { description: 'Email taken' } } },
    },
    [`${prefix}/users/{id}`]: {
      patch: { tags, summary: 'Change roles, person link, password; disable (admins; the last active admin stays)', parameters: [tenantHeader, id], requestBody: { required: true, content: json(inputSchema(userUpdateBody)) }, responses: { '200': { description: 'The user' }, ...errors, '409': { description: 'Would leave the firm without an active admin' } } },
    },
    [`${prefix}/api-keys`]: {
      get: { tags, summary: "The firm's API keys (admins; never the secret)", parameters: [tenantHeader], responses: { '200': { description: '{ items }' }, ...errors } },
      post: { tags, summary: 'Create an API key; its token is returned once (admins)', parameters: [tenantHeader], requestBody: { required: true, content: json(inputSchema(apiKeyCreateBody)) }, responses: { '201': { description: 'The key with its token' }, ...errors } },
    },
    [`${prefix}/api-keys/{id}`]: { delete: { tags, summary: 'Revoke an API key (admins)', parameters: [tenantHeader, id], responses: { '200': { description: 'The revoked key' }, ...errors } } },
    [`${prefix}/audit`]: {
      get: { tags: ['audit'], summary: 'Append-only audit log: who changed what, when, before/after (admins)', parameters: [tenantHeader, ...queryParameters(auditQuery)], responses: { '200': { description: '{ items, total, limit, offset }' }, ...errors } },
    },
  };
}
