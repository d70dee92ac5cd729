import { createHash } from 'node:crypto';
import type { DemoAccountView } from '../plugin-api/demo-account.js';
import type { DemoPortfolio } from '../persistence/demo/rows.js';
import type { InstalledPlugins } from './installed-plugins.js';

/** mulberry32: small, fast, and the same sequence on every machine for the same seed. */
function seededRandom(seed: string): () => number {
  let a = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function byAccount<T extends { accountId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.accountId);
    if (list) list.push(row);
    else out.set(row.accountId, [row]);
  }
  return out;
}

/**
 * Fills `attributes.<plugin>` of the demo accounts from each installed plugin's `demoAttributes`,
 * validated with the plugin's own schema (a plugin producing invalid sample data fails the seed,
 * naming the plugin and account). Deterministic for a given portfolio.
 */
export function addPluginDemoAttributes(installed: Pick<InstalledPlugins, 'plugins'>, portfolio: DemoPortfolio, asOf: string): void {
  const authors = installed.plugins.filter((p) => p.contributions.demoAttributes);
  if (!authors.length) return;
  const contracts = byAccount(portfolio.contracts);
  const engagements = byAccount(portfolio.engagements);
  const touchpoints = byAccount(portfolio.touchpoints);
  const serviceIssues = byAccount(portfolio.serviceIssues);
  const teamAssignments = byAccount(portfolio.teamAssignments);
  const people = new Map(portfolio.people.map((p) => [p.id, p]));
  for (const account of portfolio.accounts) {
    for (const plugin of authors.filter((p) => p.industries.includes(account.industry))) {
      const view: DemoAccountView = {
        account,
        asOf,
        random: seededRandom(`${plugin.id}:${account.id}`),
        contracts: contracts.get(account.id) ?? [],
        engagements: engagements.get(account.id) ?? [],
        touchpoints: touchpoints.get(account.id) ?? [],
        serviceIssues: serviceIssues.get(account.id) ?? [],
        teamAssignments: teamAssignments.get(account.id) ?? [],
        people,
      };
      const raw = plugin.contributions.demoAttributes!(view);
      if (raw === undefined) continue;
      const schema = plugin.contributions.accountAttributes;
      const parsed = schema ? schema.safeParse(raw) : undefined;
      if (!parsed?.success) {
        const why = parsed ? parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : 'the plugin declares no accountAttributes schema';
        throw new Error(`plugin '${plugin.id}' produced invalid demo attributes for account ${account.id} (${account.name}): ${why}`);
      }
      account.attributes = { ...(account.attributes ?? {}), [plugin.id]: parsed.data };
    }
  }
}
