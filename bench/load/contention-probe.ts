/**
 * Where read latency goes while the app writes:
 * - how long database transactions stay open (on SQLite the ORM has a single connection behind
 *   a mutex, so an open transaction holds up every other query of the process until it commits);
 * - how long the app's event loop went without a turn (better-sqlite3 runs queries synchronously
 *   and rule evaluation is CPU work; while the loop is held no request is even read). Measured
 *   with a 5 ms heartbeat timer on the app's thread: a gap between beats is time the loop was held.
 */
import type { MikroORM, TransactionEventArgs } from '@mikro-orm/core';
import { now } from './clock.js';
import { distribution } from './percentiles.js';

const BEAT_MS = 5;
/** Gaps longer than this count as "held" (a request arriving then waits at least this long). */
const HELD_GAP_MS = 50;

export interface ContentionProbe {
  /** Figures for [from, to]: transactions started in it, event-loop gaps within it. */
  figures(from: number, to: number): ContentionFigures;
  detach(): void;
}

export interface ContentionFigures {
  transactions: ReturnType<typeof distribution> & { openMs: number; openShareOfPhase: number };
  eventLoop: { longestGapMs: number; heldMs: number; heldShareOfPhase: number };
}

export function attachContentionProbe(orm: MikroORM): ContentionProbe {
  const open = new WeakMap<object, number>();
  const spans: { start: number; end: number }[] = [];
  let active = true;
  const close = (args: TransactionEventArgs) => {
    const start = args.transaction ? open.get(args.transaction) : undefined;
    if (active && start !== undefined) spans.push({ start, end: now() });
  };
  orm.em.getEventManager().registerSubscriber({
    afterTransactionStart: (args) => void (args.transaction && open.set(args.transaction, now())),
    afterTransactionCommit: close,
    afterTransactionRollback: close,
  });
  const beats: number[] = [now()];
  const heartbeat = setInterval(() => beats.push(now()), BEAT_MS);
  const round = (x: number) => Math.round(x * 10) / 10;
  const share = (ms: number, from: number, to: number) => Math.round((ms / Math.max(1, to - from)) * 100) / 100;
  return {
    figures(from, to) {
      const inPhase = spans.filter((s) => s.start >= from && s.start <= to);
      const openMs = inPhase.reduce((sum, s) => sum + (Math.min(s.end, to) - s.start), 0);
      // Gaps between beats, clipped to the phase; the phase end itself closes the last gap.
      const points = [from, ...beats.filter((b) => b > from && b < to), to];
      let longest = 0;
      let held = 0;
      for (let i = 1; i < points.length; i++) {
        const gap = points[i] - points[i - 1];
        longest = Math.max(longest, gap);
        if (gap > HELD_GAP_MS) held += gap;
      }
      return {
        transactions: { ...distribution(inPhase.map((s) => s.end - s.start)), openMs: Math.round(openMs), openShareOfPhase: share(openMs, from, to) },
        eventLoop: { longestGapMs: round(longest), heldMs: Math.round(held), heldShareOfPhase: share(held, from, to) },
      };
    },
    detach() {
      active = false;
      clearInterval(heartbeat);
    },
  };
}
