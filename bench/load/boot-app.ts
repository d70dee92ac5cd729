/**
 * The real HTTP app (createHttpApp, as main.ts wires it) on a fresh, migrated database seeded
 * with the demo portfolio and the installed plugins' sample attributes, listening on a free
 * port. Temporal is deliberately unreachable: escalations still write their play commands to
 * the outbox (the evidence these benchmarks look for), and nothing starts plays meanwhile.
 */
import type { MikroORM } from '@mikro-orm/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import { createHttpApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/logging/logger.js';
import { seedDemoPortfolio } from '../../src/persistence/demo/seed-demo.js';
import { openOrm } from '../../src/persistence/open-orm.js';
import { addPluginDemoAttributes } from '../../src/plugin-host/demo-attributes.js';
import { installPluginsFor } from '../../src/plugin-host/install-plugins.js';
import { createBenchDatabase } from '../bench-database.js';
import { httpCall, keepAliveAgent } from './http.js';
import { resolveJwtSecret } from '../../src/auth/jwt-secret.js';
import { signLocalToken } from '../../src/auth/token-issuer.js';

export interface BenchAppOptions {
  accounts: number;
  seed: number;
  tenantId: string;
}

export interface BenchApp {
  app: NestExpressApplication;
  orm: MikroORM;
  /** http://127.0.0.1:<port> */
  url: string;
  /** An admin Bearer token of the benchmark's firm. */
  token: string;
  dialect: 'sqlite' | 'postgresql';
  /** The variables that point another process (a separate rescorer) at the same database. */
  env: Record<string, string>;
  portfolio: { accounts: number; historyRows: number; seedSeconds: number };
  /** POST /api/v1/scoring/rescore for the whole portfolio; returns the API's RescoreStats and the wall time. */
  rescoreAll(): Promise<{ status: number; stats: unknown; ms: number }>;
  close(): Promise<void>;
}

export async function bootBenchApp(options: BenchAppOptions): Promise<BenchApp> {
  const db = await createBenchDatabase(process.env.DATABASE_URL);
  // Load generators are one credential: the per-credential rate limit would throttle the benchmark itself.
  const env = { ...db.env, LOG_LEVEL: 'silent', TEMPORAL_ADDRESS: '127.0.0.1:1', RATE_LIMIT_PER_MINUTE: '1000000' };
  const config = loadConfig({ ...process.env, ...env });
  const log = createLogger('silent', 'bench');
  const orm = await openOrm(config);
  await orm.migrator.up();
  const installed = await installPluginsFor(config);

  const started = performance.now();
  const seeded = await seedDemoPortfolio(orm, {
    tenantId: options.tenantId, seed: options.seed, asOf: new Date(), accounts: options.accounts,
    decorate: (portfolio, asOf) => addPluginDemoAttributes(installed, portfolio, asOf),
  });
  const seedSeconds = Math.round((performance.now() - started) / 100) / 10;

  const app = await createHttpApp(config, orm, log, installed);
  await app.listen(0, '127.0.0.1');
  const server = app.getHttpServer() as Server;
  // A full rescoring is one long request; Node's default 5-minute request timeout would cut it.
  server.requestTimeout = 0;
  // Open-loop senders keep sockets busy; a long idle timeout avoids reset races on reused sockets.
  server.keepAliveTimeout = 60_000;
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const agent = keepAliveAgent();
  const { token } = await signLocalToken(resolveJwtSecret(config), { sub: 'bench', tenant: options.tenantId, roles: ['admin'], name: 'benchmark' }, 24 * 60);

  return {
    app, orm, url, token, dialect: db.dialect, env,
    portfolio: { accounts: seeded.counts.accounts, historyRows: Object.values(seeded.counts).reduce((a, b) => a + b, 0), seedSeconds },
    async rescoreAll() {
      const t = performance.now();
      const res = await httpCall(agent, `${url}/api/v1/scoring/rescore`, 'POST', { tenant: options.tenantId, token }, {});
      const ms = Math.round(performance.now() - t);
      if (res.status !== 200) throw new Error(`rescoring failed: HTTP ${res.status} ${res.error ?? res.body.slice(0, 300)}`);
      return { status: res.status, stats: JSON.parse(res.body) as unknown, ms };
    },
    async close() {
      agent.destroy();
      await app.close();
      await orm.close(true);
      await db.drop();
    },
  };
}
