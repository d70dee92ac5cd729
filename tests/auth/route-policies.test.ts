// Deny by default: every route declares its access policy, and a route without one is refused.
import { ForbiddenException, RequestMethod } from '@nestjs/common';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthGuard } from '../../src/auth/auth.guard.js';
import { POLICY_KEY, type RoutePolicy } from '../../src/auth/policy.decorators.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';

describe('route policies', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(testDialects()[0]);
  });
  afterAll(async () => app?.close());

  const routes = () => {
    const found: { route: string; policy: RoutePolicy | undefined }[] = [];
    for (const module of app.app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const type = wrapper.metatype as (new (...args: never[]) => unknown) | null;
        if (!type) continue;
        const base = Reflect.getMetadata(PATH_METADATA, type) as string;
        for (const name of Object.getOwnPropertyNames(type.prototype).filter((n) => n !== 'constructor')) {
          const handler = type.prototype[name] as object;
          const path = typeof handler === 'function' ? (Reflect.getMetadata(PATH_METADATA, handler) as string | undefined) : undefined;
          if (path === undefined) continue;
          const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
          const policy = (Reflect.getMetadata(POLICY_KEY, handler) ?? Reflect.getMetadata(POLICY_KEY, type)) as RoutePolicy | undefined;
          found.push({ route: `${method} /${[base, path].filter((p) => p && p !== '/').join('/')}`, policy });
        }
      }
    }
    return found;
  };

  it('finds every controller route and each declares a policy', () => {
    const all = routes();
    expect(all.length).toBeGreaterThan(60);
    expect(all.filter((r) => !r.policy).map((r) => r.route)).toEqual([]);
    const publicRoutes = all.filter((r) => r.policy?.kind === 'public').map((r) => r.route).sort();
    expect(publicRoutes).toEqual(['GET /docs', 'GET /health', 'GET /openapi.json', 'POST /auth/login']);
  });

  it('documents every route in the OpenAPI document, with its security (fuzzing starts from it)', async () => {
    const doc = (await app.call('GET', '/openapi.json', undefined, { credential: 'none' })).body;
    const unprefixed = new Set(['GET /health', 'GET /openapi.json', 'GET /docs']);
    const missing: string[] = [];
    for (const { route, policy } of routes()) {
      if (unprefixed.has(route) && route !== 'GET /health') continue;
      const [method, path] = route.split(' ');
      const documented = (unprefixed.has(route) ? path : `/api/v1${path}`).replace(/:(\w+)/g, '{$1}');
      const operation = doc.paths[documented]?.[method.toLowerCase()];
      if (!operation) missing.push(route);
      else if (policy?.kind === 'public') expect(operation.security, route).toEqual([]);
    }
    expect(missing).toEqual([]);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['apiKeyHeader', 'bearerAuth', 'platformKey']);
  });

  it('refuses a route that declares no policy', async () => {
    // The policy is checked before anything else: the other collaborators are never reached.
    const guard = new AuthGuard(new Reflector(), undefined as never, undefined as never, undefined as never, {} as never);
    const context = { getHandler: () => function unguarded() {}, getClass: () => class Unguarded {}, switchToHttp: () => ({ getRequest: () => ({ headers: {} }), getResponse: () => ({ setHeader() {} }) }) };
    await expect(guard.canActivate(context as never)).rejects.toBeInstanceOf(ForbiddenException);
  });
});
