import type { MikroORM } from '@mikro-orm/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHttpApp } from '../../src/app.factory.js';
import { createLogger } from '../../src/logging/logger.js';
import { openOrm } from '../../src/persistence/open-orm.js';
import type { TestDatabase, TestDialect } from './test-databases.js';
import { TEST_PLATFORM_KEY, tokenFor, type Caller } from './test-credentials.js';

export interface CallOptions {
  /** The caller's firm ('acme' by default); null calls as the platform operator (creating firms). */
  tenant?: string | null;
  contentType?: string;
  /** Role of the caller (admin by default), or several. */
  role?: Caller['role'];
  roles?: Caller['roles'];
  /** Name recorded in audit logs. */
  actor?: string;
  personId?: string | null;
  /** 'none' sends no credentials at all; a string is sent as the Bearer credential (a token or an API key). */
  credential?: 'none' | string;
  /** Extra headers (e.g. a different x-tenant-id than the credential's firm). */
  headers?: Record<string, string>;
}

export interface TestApp {
  url: string;
  orm: MikroORM;
  app: NestExpressApplication;
  /** fetch against the app with a tenant header and JSON by default. */
  call(method: string, path: string, body?: unknown, options?: CallOptions): Promise<{ status: number; body: any; headers: Headers }>;
  close(): Promise<void>;
}

/** The real HTTP app on a real, freshly migrated database, listening on a free port. */
export async function startTestApp(dialect: TestDialect, extraEnv?: Record<string, string>): Promise<TestApp> {
  const db: TestDatabase = await dialect.create(extraEnv);
  const orm = await openOrm(db.config);
  await orm.migrator.up();
  const app = await createHttpApp(db.config, orm, createLogger('silent', 'test'));
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    orm,
    app,
    async call(method, path, body, options = {}) {
      const headers: Record<string, string> = {};
      const tenant = options.tenant === undefined ? 'acme' : options.tenant;
      if (options.credential !== 'none') {
        if (options.credential) headers.authorization = `Bearer ${options.credential}`;
        else if (tenant) headers.authorization = `Bearer ${await tokenFor({ tenant, role: options.role, roles: options.roles, actor: options.actor, personId: options.personId })}`;
        else headers['x-platform-key'] = TEST_PLATFORM_KEY;
      }
      if (tenant) headers['x-tenant-id'] = tenant;
      Object.assign(headers, options.headers ?? {});
      let payload: string | undefined;
      if (body !== undefined) {
        headers['content-type'] = options.contentType ?? 'application/json';
        payload = typeof body === 'string' ? body : JSON.stringify(body);
      }
      const response = await fetch(url + path, { method, headers, body: payload });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // non-JSON bodies (HTML docs) stay text
      }
      return { status: response.status, body: parsed, headers: response.headers };
    },
    async close() {
      await app.close();
      await orm.close(true);
      await db.drop();
    },
  };
}
