/**
 * In-process hooks on the running app, read-only as far as the product is concerned:
 * - AccountActivity: when the ingestion of an event committed (it publishes after commit);
 * - ScoringService.rescore: when each rescoring was asked for (the debounce flush) and with
 *   which as-of time; the wrapper passes an explicit `asOf` (the default would be the same
 *   `new Date()`), so every snapshot it produces can be matched to the call;
 * - HealthChanges: when each new snapshot was committed (published after the transaction that
 *   also holds the snapshot's escalations, tasks and play commands).
 */
import type { INestApplicationContext } from '@nestjs/common';
import { AccountActivity } from '../../src/ingestion/account-activity.js';
import { HealthChanges } from '../../src/scoring/health-changes.js';
import { ScoringService } from '../../src/scoring/scoring.service.js';
import { now } from './clock.js';

export interface ActivityRecord {
  at: number;
  accountIds: string[];
}

export interface RescoreCall {
  calledAt: number;
  /** asOf of the run, ISO: equals HealthChange.at and EscalationRecord.firedAt of what it wrote. */
  asOf: string;
  trigger: string;
  accountIds: ReadonlySet<string> | 'all';
  settledAt?: number;
  /** The service's own per-phase wall times (facts, evaluate, write…), when it reports them. */
  phases?: Record<string, number>;
}

export interface SnapshotRecord {
  publishedAt: number;
  accountId: string;
  at: string;
  score: number;
}

export interface ScoringProbe {
  activities: ActivityRecord[];
  calls: RescoreCall[];
  snapshots: SnapshotRecord[];
  detach(): void;
}

export function attachScoringProbe(app: INestApplicationContext, tenantId: string): ScoringProbe {
  const probe: ScoringProbe = { activities: [], calls: [], snapshots: [], detach: () => undefined };
  const offActivity = app.get(AccountActivity).subscribe((tenant, accountIds) => {
    if (tenant === tenantId) probe.activities.push({ at: now(), accountIds: [...accountIds] });
  });
  const offChanges = app.get(HealthChanges).subscribe((changes) => {
    const at = now();
    for (const c of changes) if (c.tenantId === tenantId) probe.snapshots.push({ publishedAt: at, accountId: c.accountId, at: c.at, score: c.score });
  });
  const scoring = app.get(ScoringService);
  const original = scoring.rescore.bind(scoring);
  scoring.rescore = (tenant, accountIds, trigger, asOf = new Date()) => {
    const call: RescoreCall = { calledAt: now(), asOf: asOf.toISOString(), trigger, accountIds: accountIds === 'all' ? 'all' : new Set(accountIds) };
    if (tenant === tenantId) probe.calls.push(call);
    const run = original(tenant, accountIds, trigger, asOf);
    void run.then(
      (stats) => Object.assign(call, { settledAt: now(), phases: (stats as { phases?: Record<string, number> }).phases }),
      () => (call.settledAt = now()),
    );
    return run;
  };
  probe.detach = () => {
    offActivity();
    offChanges();
    Reflect.deleteProperty(scoring, 'rescore'); // back to the prototype's method
  };
  return probe;
}
