import type { MetricAccount, PortfolioScope } from '../data/portfolio-scope.js';
import { snapshotCadences } from '../data/snapshots.loader.js';
import { lastHeldTouchpoints } from '../data/touchpoints.loader.js';
import { figure, type MetricFigure } from '../definitions/metric-figure.js';
import { isClientOn } from '../formulas/client-status.js';
import { ratio } from '../formulas/ratio.js';
import { TIERS, type Tier } from '../formulas/tier-band.js';
import { withinCadence } from '../formulas/touchpoint-cadence.js';
import { dayOf, daysFrom, MS_PER_DAY } from '../period/calendar.js';

export interface CoverageResult {
  /** Scored clients and whether each is within its cadence on the as-of day. */
  accounts: { account: MetricAccount; covered: boolean }[];
}

/**
 * Touchpoint coverage against the cadence each client's latest snapshot stores (per tier, from
 * rules/cadence.json), re-checked on the as-of day against the held touchpoints.
 */
export async function coverageOf(scope: PortfolioScope): Promise<CoverageResult> {
  const { em, tenantId, period } = scope;
  const snapshots = await scope.snapshots();
  const clients = (await scope.accounts()).filter((a) => isClientOn(a, period.asOfDay) && snapshots.has(a.id));
  if (!clients.length) return { accounts: [] };
  const cadences = await snapshotCadences(em, tenantId, clients.map((c) => snapshots.get(c.id)!.snapshotId));
  const longest = Math.max(0, ...[...cadences.values()].flat().map((r) => r.everyDays));
  // Only touchpoints recent enough to satisfy the longest interval matter.
  const after = new Date(period.asOf.getTime() - (longest + 1) * MS_PER_DAY);
  const touchpoints = await lastHeldTouchpoints(em, tenantId, after, period.asOf);
  return {
    accounts: clients.map((account) => {
      const requirements = cadences.get(snapshots.get(account.id)!.snapshotId) ?? [];
      const since = new Map([...(touchpoints.get(account.id) ?? new Map<string, Date>())].map(([kind, at]) => [kind, daysFrom(dayOf(at), period.asOfDay)]));
      return { account, covered: withinCadence(requirements, since, daysFrom(account.clientSince, period.asOfDay)) };
    }),
  };
}

export function coverageFigure(c: CoverageResult): MetricFigure {
  const covered = c.accounts.filter((a) => a.covered).length;
  return figure('touchpointCoverage', ratio(covered, c.accounts.length), { covered, scoredClients: c.accounts.length });
}

export function coverageByTier(c: CoverageResult): { tier: Tier; accounts: number; covered: number; share: number | null }[] {
  return TIERS.map((tier) => {
    const inTier = c.accounts.filter((a) => a.account.tier === tier);
    const covered = inTier.filter((a) => a.covered).length;
    return { tier, accounts: inTier.length, covered, share: ratio(covered, inTier.length) };
  });
}
