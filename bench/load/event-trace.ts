/**
 * Joins what the sender saw (one sample per event) with what the in-process hooks saw
 * (ingestion commits, rescoring calls, snapshot commits) and the escalation records, to give
 * each event its t0 / t1 / t2. An event is reflected by the first rescoring asked for after its
 * ingestion committed: that run reads facts which include it.
 */
import type { EscalationRecord } from '../../src/escalations/escalation-record.entity.js';
import type { Sample } from './open-loop.js';
import type { ScoringProbe } from './scoring-probe.js';

export interface TracedEvent {
  index: number;
  accountId: string;
  /** When the open-loop schedule sent it. */
  scheduledAt: number;
  /** HTTP response received. */
  t0: number;
  /** Ingestion committed (AccountActivity published). */
  ingestedAt?: number;
  /** The rescoring that includes the event was asked for (debounce flush). */
  rescoreCalledAt?: number;
  /** Its new snapshot committed; undefined when the rescoring changed no conclusion. */
  t1?: number;
  /** Its escalation rows committed (same transaction as the snapshot). */
  t2?: number;
}

export interface EventTrace {
  events: TracedEvent[];
  counts: { accepted: number; rejected: number; failedRequests: number; withSnapshot: number; rescoredUnchanged: number; notRescored: number; withEscalation: number; escalationRecordsOfTheseEvents: number };
  runs: { count: number; accounts: number[]; ms: number[]; phasesMs: Record<string, number> };
}

function firstIndex<T>(list: readonly T[], atLeast: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]) < atLeast) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const applied = (s: Sample) => {
  if (s.status !== 200 || !s.body) return false;
  return (JSON.parse(s.body) as { applied?: number }).applied === 1;
};

export function traceEvents(samples: readonly Sample[], probe: ScoringProbe, records: readonly EscalationRecord[]): EventTrace {
  const activities = [...probe.activities].sort((a, b) => a.at - b.at);
  const calls = probe.calls.filter((c) => c.trigger === 'event').sort((a, b) => a.calledAt - b.calledAt);
  const snapshots = new Map(probe.snapshots.map((s) => [`${s.accountId}|${s.at}`, s]));
  const escalating = new Set(records.filter((r) => r.outcomes.some((o) => o.type === 'play' || !o.suppressed)).map((r) => `${r.accountId}|${r.firedAt.toISOString()}`));
  const counts = { accepted: 0, rejected: 0, failedRequests: 0, withSnapshot: 0, rescoredUnchanged: 0, notRescored: 0, withEscalation: 0, escalationRecordsOfTheseEvents: 0 };
  const matchedKeys = new Set<string>();
  const snapshotKeys = new Set<string>();
  const events: TracedEvent[] = [];

  for (const sample of samples) {
    if (sample.status === 0) counts.failedRequests++;
    if (!applied(sample)) {
      if (sample.status !== 0) counts.rejected++;
      continue;
    }
    counts.accepted++;
    const accountId = sample.tag!;
    const event: TracedEvent = { index: sample.index, accountId, scheduledAt: sample.scheduledAt, t0: sample.doneAt };
    events.push(event);
    // Ingestion commits between the request being sent and its response.
    for (let i = firstIndex(activities, sample.sentAt, (a) => a.at); i < activities.length && activities[i].at <= sample.doneAt; i++) {
      if (activities[i].accountIds.includes(accountId)) event.ingestedAt = activities[i].at;
    }
    if (event.ingestedAt === undefined) {
      counts.notRescored++;
      continue;
    }
    let call = undefined;
    for (let i = firstIndex(calls, event.ingestedAt, (c) => c.calledAt); i < calls.length && !call; i++) {
      const ids = calls[i].accountIds;
      if (ids === 'all' || ids.has(accountId)) call = calls[i];
    }
    if (!call) {
      counts.notRescored++;
      continue;
    }
    event.rescoreCalledAt = call.calledAt;
    const key = `${accountId}|${call.asOf}`;
    const snapshot = snapshots.get(key);
    if (!snapshot) {
      counts.rescoredUnchanged++;
      continue;
    }
    counts.withSnapshot++;
    snapshotKeys.add(key);
    event.t1 = snapshot.publishedAt;
    if (escalating.has(key) && !matchedKeys.has(key)) {
      matchedKeys.add(key);
      event.t2 = snapshot.publishedAt;
      counts.withEscalation++;
    }
  }
  // Every record should belong to a traced event's snapshot (suppressed-only records included).
  counts.escalationRecordsOfTheseEvents = records.filter((r) => snapshotKeys.has(`${r.accountId}|${r.firedAt.toISOString()}`)).length;
  // Summed over the event-driven runs: where rescoring time went.
  const phasesMs: Record<string, number> = {};
  for (const c of calls) for (const [phase, ms] of Object.entries(c.phases ?? {})) phasesMs[phase] = (phasesMs[phase] ?? 0) + ms;
  return {
    events,
    counts,
    runs: {
      phasesMs,
      count: calls.length,
      accounts: calls.map((c) => (c.accountIds === 'all' ? 0 : c.accountIds.size)),
      ms: calls.flatMap((c) => (c.settledAt === undefined ? [] : [c.settledAt - c.calledAt])),
    },
  };
}
