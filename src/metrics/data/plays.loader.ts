import type { EntityManager } from '@mikro-orm/core';
import { selectRows } from '../../facts/sql.js';
import { instant, instantOrNull } from './db-values.js';

export interface PlayRecord {
  accountId: string;
  play: string;
  status: string;
  outcome: string | null;
  startedAt: Date;
  closedAt: Date | null;
  lastEvent: string | null;
}

/**
 * Plays that had started by `upTo` and were still running after `since` (running then, or
 * closed in between): enough for plays in flight, interventions and recoveries of a period.
 */
export async function playsOverlapping(em: EntityManager, tenantId: string, since: Date, upTo: Date): Promise<PlayRecord[]> {
  const rows = await selectRows<{ account_id: string; play: string; status: string; outcome: string | null; started_at: unknown; closed_at: unknown; last_event: string | null }>(
    em,
    `select account_id, play, status, outcome, started_at, closed_at, last_event from play_instances
      where tenant_id = :tenantId and started_at <= :upTo and (closed_at is null or closed_at >= :since)`,
    { tenantId, since, upTo },
  );
  return rows.map((r) => ({
    accountId: r.account_id,
    play: r.play,
    status: r.status,
    outcome: r.outcome,
    startedAt: instant(r.started_at),
    closedAt: instantOrNull(r.closed_at),
    lastEvent: r.last_event,
  }));
}

/** Running at an instant: started by then and not closed by then. */
export function runningAt(play: PlayRecord, at: Date): boolean {
  return play.startedAt.getTime() <= at.getTime() && (play.closedAt === null || play.closedAt.getTime() > at.getTime());
}
