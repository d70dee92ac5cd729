import type { FactValue } from '../../src/facts/fact-definition.js';
import type { HealthSnapshot } from '../../src/scoring/health-snapshot.entity.js';
import { RescoreOnActivity } from '../../src/scoring/rescore-on-activity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';

const DAY = 86_400_000;
/** 'YYYY-MM-DD' n days before today (UTC); rescoring runs as of now, so fixtures are relative to it. */
export const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);
export const daysAhead = (n: number) => daysAgo(-n);
/** An ISO instant n days before now (touchpoints, service issues). */
export const instantDaysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

export interface PluginKit {
  app: TestApp;
  tenant: string;
  /** POST /api/v1/accounts; returns the id. */
  account(body: Record<string, unknown>): Promise<string>;
  /** POST /api/v1/{resource}; returns the id (fails the test with the response on anything but 201). */
  create(resource: string, body: Record<string, unknown>): Promise<string>;
  /** Waits until the rescoring that every write triggers (debounced) has run. */
  settled(): Promise<void>;
  /** POST /api/v1/scoring/rescore for the given accounts, after the write-triggered rescoring settled. */
  rescore(...accountIds: string[]): Promise<void>;
  /** The latest snapshot (score, components, tier, signals, protocols, facts, ruleVersions). */
  health(accountId: string): Promise<HealthSnapshot>;
  facts(accountId: string): Promise<Record<string, FactValue>>;
  close(): Promise<void>;
}

/**
 * The real HTTP app on a migrated SQLite database with the plugins of `plugins/` installed
 * (the default PLUGINS_DIR) and one tenant, for plugin tests that ingest fixture accounts and
 * read back what the rules concluded.
 */
export async function startPluginKit(extraEnv: Record<string, string> = {}, tenant = 'acme'): Promise<PluginKit> {
  const app = await startTestApp(testDialects()[0], extraEnv);
  const created = await app.call('POST', '/api/v1/tenants', { id: tenant, name: `${tenant} LLP` }, { tenant: null });
  if (created.status !== 201) throw new Error(`tenant ${tenant}: ${created.status} ${JSON.stringify(created.body)}`);
  // Writes rescore their account ~150 ms later; settle first so a half-built fixture never races the explicit rescoring.
  const settled = async () => {
    await new Promise((r) => setTimeout(r, 20));
    await app.app.get(RescoreOnActivity).settled();
  };
  const create = async (resource: string, body: Record<string, unknown>) => {
    const res = await app.call('POST', `/api/v1/${resource}`, body, { tenant });
    if (res.status !== 201) throw new Error(`POST ${resource}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  return {
    app,
    tenant,
    create,
    account: (body) => create('accounts', { clientSince: daysAgo(4 * 365), ...body }),
    settled,
    async rescore(...accountIds) {
      await settled();
      const res = await app.call('POST', '/api/v1/scoring/rescore', { accountIds }, { tenant });
      if (res.status !== 200) throw new Error(`rescore: ${res.status} ${JSON.stringify(res.body)}`);
    },
    async health(accountId) {
      const res = await app.call('GET', `/api/v1/accounts/${accountId}/health`, undefined, { tenant });
      if (res.status !== 200) throw new Error(`health ${accountId}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as HealthSnapshot;
    },
    async facts(accountId) {
      const res = await app.call('GET', `/api/v1/accounts/${accountId}/facts`, undefined, { tenant });
      if (res.status !== 200) throw new Error(`facts ${accountId}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.facts as Record<string, FactValue>;
    },
    close: () => app.close(),
  };
}

/** Ids of the signals, health rules (all components) and protocols of a snapshot, for concise assertions. */
export function conclusions(snapshot: HealthSnapshot): { signals: string[]; healthRules: string[]; protocols: string[]; tier: number; score: number } {
  return {
    signals: snapshot.signals.map((s) => s.id).sort(),
    healthRules: snapshot.components.flatMap((c) => c.rules.map((r) => r.id)).sort(),
    protocols: [...snapshot.protocols].sort(),
    tier: snapshot.tier,
    score: snapshot.score,
  };
}
