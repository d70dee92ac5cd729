import type { EntityManager } from '@mikro-orm/core';
import { isLostOn } from '../formulas/client-status.js';
import { tierOfAnnualValue, type Tier } from '../formulas/tier-band.js';
import { trailingYear, windowKey, type DayWindow, type MetricsPeriod } from '../period/metrics-period.js';
import { loadAccounts, type AccountRecord } from './accounts.loader.js';
import { annualRelationshipValue, contractedValuesOn, valuesAtChurn, type ValueAtChurn } from './annual-value.loader.js';
import { relationshipOwnersOn } from './owners.loader.js';
import { playsOverlapping, type PlayRecord } from './plays.loader.js';
import { revenueByWindows } from './revenue.loader.js';
import { latestSnapshotsAt, type SnapshotState } from './snapshots.loader.js';

/** Segment filters of every metrics route (null: no filter). */
export interface SegmentFilters {
  tier: Tier | null;
  industry: string | null;
  ownerPersonId: string | null;
}

/** An account with its segment on the as-of day. */
export interface MetricAccount extends AccountRecord {
  tier: Tier;
  /** 'health': the latest snapshot's tier at the as-of instant; 'revenue': DOMAIN.md §1 bands (never scored by then). */
  tierSource: 'health' | 'revenue';
  /** The relationship owner (account lead) on the as-of day, or the last one the account had. */
  ownerPersonId: string | null;
}

/**
 * The data of one metrics request, loaded lazily and at most once: families of figures ask for
 * what they need and share it. Every query filters by the tenant; none runs per account.
 * Segment membership (tier, owner) is decided once, on the as-of day, for every figure of the
 * request (trend points included), so a segment's numbers add up across figures.
 */
export class PortfolioScope {
  private readonly memo = new Map<string, Promise<unknown>>();
  private readonly revenueWindows = new Map<string, Promise<Map<string, number>>>();

  constructor(
    readonly em: EntityManager,
    readonly tenantId: string,
    readonly period: MetricsPeriod,
    readonly filters: SegmentFilters,
  ) {}

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let value = this.memo.get(key) as Promise<T> | undefined;
    if (!value) this.memo.set(key, (value = load()));
    return value;
  }

  /** Latest health snapshot per account at the as-of instant. */
  snapshots(): Promise<Map<string, SnapshotState>> {
    return this.once('snapshots', () => latestSnapshotsAt(this.em, this.tenantId, this.period.asOf));
  }

  private records(): Promise<AccountRecord[]> {
    return this.once('records', () => loadAccounts(this.em, this.tenantId, this.period.asOfDay));
  }

  /** Revenue and annual value as they left, for every account that had churned by the as-of day. */
  valuesAtChurn(): Promise<Map<string, ValueAtChurn>> {
    return this.once('valuesAtChurn', async () => {
      const churned = (await this.records()).filter((a) => a.lostOn !== null && a.lostOn <= this.period.asOfDay);
      return valuesAtChurn(this.em, this.tenantId, churned.map((a) => ({ id: a.id, lostOn: a.lostOn! })));
    });
  }

  /** Every account that had become a client by the as-of day, with its tier and owner (no filters). */
  allAccounts(): Promise<MetricAccount[]> {
    return this.once('allAccounts', async () => {
      const records = await this.records();
      const snapshots = await this.snapshots();
      const owners = await relationshipOwnersOn(this.em, this.tenantId, this.period.asOfDay);
      const unscored = records.filter((a) => !snapshots.has(a.id));
      const lost = unscored.filter((a) => isLostOn(a, this.period.asOfDay));
      const atChurn = lost.length ? await this.valuesAtChurn() : new Map<string, ValueAtChurn>();
      const lostIds = new Set(lost.map((a) => a.id));
      // Unscored clients: the year's invoiced revenue (the shared revenue scan) against the contracted value today.
      const current = unscored.length > lost.length;
      const invoiced = current ? await this.revenueIn(trailingYear(this.period)) : new Map<string, number>();
      const contracted = current ? await contractedValuesOn(this.em, this.tenantId, this.period.asOfDay) : new Map<string, number>();
      return records.map((a): MetricAccount => {
        const snapshot = snapshots.get(a.id);
        const fallback = lostIds.has(a.id) ? atChurn.get(a.id)?.annualValue ?? 0 : annualRelationshipValue(invoiced.get(a.id) ?? 0, contracted.get(a.id) ?? 0);
        return {
          ...a,
          tier: snapshot ? (Math.min(4, Math.max(1, snapshot.tier)) as Tier) : tierOfAnnualValue(fallback),
          tierSource: snapshot ? 'health' : 'revenue',
          ownerPersonId: owners.get(a.id) ?? null,
        };
      });
    });
  }

  /** The accounts of the requested segment. */
  accounts(): Promise<MetricAccount[]> {
    return this.once('accounts', async () => {
      const { tier, industry, ownerPersonId } = this.filters;
      return (await this.allAccounts()).filter(
        (a) => (tier === null || a.tier === tier) && (industry === null || a.industry === industry) && (ownerPersonId === null || a.ownerPersonId === ownerPersonId),
      );
    });
  }

  /** Plays of the tenant started by the as-of instant and still running at `since` or later. */
  plays(since: Date): Promise<PlayRecord[]> {
    return this.once(`plays:${since.toISOString()}`, () => playsOverlapping(this.em, this.tenantId, since, this.period.asOf));
  }

  /** Loads the revenue of several windows in one scan (windows already loaded are reused). */
  prefetchRevenue(windows: readonly DayWindow[]): void {
    const missing = windows.filter((w, i) => !this.revenueWindows.has(windowKey(w)) && windows.findIndex((x) => windowKey(x) === windowKey(w)) === i);
    if (!missing.length) return;
    const loaded = revenueByWindows(this.em, this.tenantId, missing);
    missing.forEach((w, i) => {
      const window = loaded.then((byAccount) => new Map([...byAccount].map(([id, values]) => [id, values[i]])));
      // A window prefetched but never read must not become an unhandled rejection; readers still see the error.
      window.catch(() => undefined);
      this.revenueWindows.set(windowKey(w), window);
    });
  }

  /** Invoiced revenue per account in a window (accounts without invoices are absent: 0). */
  revenueIn(window: DayWindow): Promise<Map<string, number>> {
    this.prefetchRevenue([window]);
    return this.revenueWindows.get(windowKey(window))!;
  }
}
