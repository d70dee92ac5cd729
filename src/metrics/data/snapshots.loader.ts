import type { EntityManager } from '@mikro-orm/core';
import { selectRows } from '../../facts/sql.js';
import type { CadenceRequirement } from '../formulas/touchpoint-cadence.js';
import { amount, inBatches, instant, json } from './db-values.js';

/** An account's health as one snapshot concluded it. */
export interface SnapshotState {
  snapshotId: string;
  accountId: string;
  computedAt: Date;
  score: number;
  band: string;
  tier: number;
}

export interface SnapshotSignal {
  id: string;
  name: string;
  severity: string;
}

interface StateRow {
  id: string;
  account_id: string;
  computed_at: unknown;
  score: unknown;
  band: string;
  tier: unknown;
  cadence?: unknown;
}

const toState = (r: StateRow): SnapshotState => ({ snapshotId: r.id, accountId: r.account_id, computedAt: instant(r.computed_at), score: amount(r.score), band: r.band, tier: amount(r.tier) });

/**
 * Each account's latest snapshot at or before `at` (snapshots are immutable and written when the
 * conclusions change, so this is the account's health at that instant). One grouped query.
 */
export async function latestSnapshotsAt(em: EntityManager, tenantId: string, at: Date): Promise<Map<string, SnapshotState>> {
  const rows = await selectRows<StateRow>(
    em,
    `select s.id, s.account_id, s.computed_at, s.score, s.band, s.tier
       from health_snapshots s
       join (select account_id, max(computed_at) as last_at from health_snapshots
              where tenant_id = :tenantId and computed_at <= :at group by account_id) l
         on l.account_id = s.account_id and l.last_at = s.computed_at
      where s.tenant_id = :tenantId`,
    { tenantId, at },
  );
  return new Map(rows.map((r) => [r.account_id, toState(r)]));
}

/** Each account's first snapshot in (after, upTo]: the baseline of accounts first scored inside a window. */
export async function earliestSnapshotsBetween(em: EntityManager, tenantId: string, after: Date, upTo: Date): Promise<Map<string, SnapshotState>> {
  const rows = await selectRows<StateRow>(
    em,
    `select s.id, s.account_id, s.computed_at, s.score, s.band, s.tier
       from health_snapshots s
       join (select account_id, min(computed_at) as first_at from health_snapshots
              where tenant_id = :tenantId and computed_at > :after and computed_at <= :upTo group by account_id) f
         on f.account_id = s.account_id and f.first_at = s.computed_at
      where s.tenant_id = :tenantId`,
    { tenantId, after, upTo },
  );
  return new Map(rows.map((r) => [r.account_id, toState(r)]));
}

/** The cadence requirements stored on the given snapshots (ids in batches). */
export async function snapshotCadences(em: EntityManager, tenantId: string, snapshotIds: readonly string[]): Promise<Map<string, CadenceRequirement[]>> {
  const rows = await inBatches(snapshotIds, (ids) =>
    selectRows<{ id: string; cadence: unknown }>(em, `select id, cadence from health_snapshots where tenant_id = :tenantId and id in (:ids)`, { tenantId, ids }),
  );
  return new Map(rows.map((r) => [r.id, json<CadenceRequirement[]>(r.cadence, []).map((c) => ({ touchpointKind: c.touchpointKind, everyDays: c.everyDays, applicable: c.applicable }))]));
}

/** The warning signals stored on the given snapshots (ids in batches). */
export async function snapshotSignals(em: EntityManager, tenantId: string, snapshotIds: readonly string[]): Promise<Map<string, SnapshotSignal[]>> {
  const rows = await inBatches(snapshotIds, (ids) =>
    selectRows<{ id: string; signals: unknown }>(em, `select id, signals from health_snapshots where tenant_id = :tenantId and id in (:ids)`, { tenantId, ids }),
  );
  return new Map(rows.map((r) => [r.id, json<SnapshotSignal[]>(r.signals, []).map((s) => ({ id: s.id, name: s.name, severity: s.severity }))]));
}

/**
 * Risk detections: snapshots in [from, upTo] that put an account at risk (band not healthy) when
 * its previous snapshot was healthy or it had none. One query, joined on the stored previous id.
 */
export async function riskDetections(em: EntityManager, tenantId: string, from: Date, upTo: Date): Promise<{ accountId: string; at: Date }[]> {
  const rows = await selectRows<{ account_id: string; computed_at: unknown }>(
    em,
    `select s.account_id, s.computed_at
       from health_snapshots s
       left join health_snapshots p on p.id = s.previous_snapshot_id
      where s.tenant_id = :tenantId and s.band <> 'healthy' and s.computed_at >= :from and s.computed_at <= :upTo
        and (p.id is null or p.band = 'healthy')`,
    { tenantId, from, upTo },
  );
  return rows.map((r) => ({ accountId: r.account_id, at: instant(r.computed_at) }));
}

/** Each account's latest risk detection at or before `upTo`: for an account at risk then, the start of its current episode. */
export async function latestRiskDetections(em: EntityManager, tenantId: string, upTo: Date): Promise<Map<string, Date>> {
  const rows = await selectRows<{ account_id: string; detected_at: unknown }>(
    em,
    `select s.account_id, max(s.computed_at) as detected_at
       from health_snapshots s
       left join health_snapshots p on p.id = s.previous_snapshot_id
      where s.tenant_id = :tenantId and s.band <> 'healthy' and s.computed_at <= :upTo
        and (p.id is null or p.band = 'healthy')
      group by s.account_id`,
    { tenantId, upTo },
  );
  return new Map(rows.map((r) => [r.account_id, instant(r.detected_at)]));
}
