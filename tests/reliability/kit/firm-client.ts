// An authenticated HTTP client for one firm (tenant) of a running app: the firm is created through
// the tenants service and gets an API key (the credential integrations use), so the suites call
// the API exactly as an integration does. Requests never go through test shortcuts.
import type { INestApplicationContext } from '@nestjs/common';
import { AccessService } from '../../../src/auth/access.service.js';
import type { Role } from '../../../src/auth/roles.js';
import { TenantsService } from '../../../src/tenants/tenants.service.js';

export interface ApiResponse {
  status: number;
  body: any;
}

export interface FirmClient {
  tenant: string;
  /** JSON request as this firm; `status` 0 with `body.error` when the connection itself failed. */
  call(method: string, path: string, body?: unknown, init?: { timeoutMs?: number }): Promise<ApiResponse>;
}

export interface FirmOptions {
  /** Create the firm (default true); false when another app on the same database created it. */
  create?: boolean;
  role?: Role;
  keyName?: string;
}

/** Creates (or joins) firm `tenant` on `app` and returns a client holding an API key of `role` (admin by default). */
export async function openFirm(app: INestApplicationContext, baseUrl: string, tenant: string, options: FirmOptions = {}): Promise<FirmClient> {
  if (options.create !== false) await app.get(TenantsService).create(tenant, `${tenant} LLP`);
  // Reliability suites send thousands of requests a minute: the key's own limit lifts the default one.
  const key = await accessService(app)?.createApiKey(tenant, { name: options.keyName ?? 'reliability-suite', role: options.role ?? 'admin', rateLimitPerMinute: 1_000_000 }, 'reliability-suite');
  return firmClient(baseUrl, tenant, key?.token);
}

/** The access service, or undefined in an app built without the auth module (nothing to authenticate then). */
function accessService(app: INestApplicationContext): AccessService | undefined {
  try {
    return app.get(AccessService, { strict: false });
  } catch {
    return undefined;
  }
}

export function firmClient(baseUrl: string, tenant: string, token: string | undefined): FirmClient {
  return {
    tenant,
    async call(method, path, body, init = {}) {
      const headers: Record<string, string> = { 'x-tenant-id': tenant, ...(token ? { 'x-api-key': token } : {}) };
      if (body !== undefined) headers['content-type'] = 'application/json';
      try {
        const response = await fetch(baseUrl + path, {
          method, headers, body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(init.timeoutMs ?? 60_000),
        });
        const text = await response.text();
        let parsed: unknown = text;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {
          // not JSON: keep the text
        }
        return { status: response.status, body: parsed };
      } catch (error) {
        return { status: 0, body: { error: 'connection_failed', message: String((error as Error).cause ?? error) } };
      }
    },
  };
}
