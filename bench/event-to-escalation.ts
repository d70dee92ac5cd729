/**
 * Event to escalation latency, end to end through the real HTTP app.
 *
 * Seeds the demo portfolio, rescores it once (baseline), then sends events over HTTP
 * (POST /api/v1/events, one event per request) on an open-loop schedule at a steady rate. Every
 * event lowers the health of a healthy account (bursts of damaging events per account, so the
 * accounts cross "below 60", "below 40", "dropped 15+" and "payment 30+ days late"). Per event:
 *   t0 = the HTTP response (event accepted and committed), seen by the sender thread;
 *   t1 = commit of the first snapshot computed after the event's ingestion committed
 *        (in-process HealthChanges hook, published right after the scoring transaction commits);
 *   t2 = commit of that snapshot's escalation tasks / play commands: the same transaction as
 *        the snapshot (ScoringService.scoreChunk → EscalationService.apply), so t2 = t1 for the
 *        events whose snapshot escalated. No database polling.
 *
 *   node dist/bench/event-to-escalation.js                                  # target run: 1,000 accounts, 50/s for 60 s
 *   node dist/bench/event-to-escalation.js --rate 10 --seconds 3 --accounts 100   # CI smoke
 *   DATABASE_URL=postgres://user:pass@host/db node dist/bench/event-to-escalation.js   # a fresh database on that server
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { EscalationRecord } from '../src/escalations/escalation-record.entity.js';
import { PlayCommand } from '../src/escalations/play-command.entity.js';
import { AccountHealth } from '../src/scoring/account-health.entity.js';
import { RESCORE_DEBOUNCE_MS } from '../src/scoring/rescore-on-activity.js';
import { Task } from '../src/tasks/task.entity.js';
import { machineInfo } from './machine.js';
import { bootBenchApp } from './load/boot-app.js';
import { now, sleep } from './load/clock.js';
import { damagingEvent } from './load/damaging-events.js';
import { traceEvents } from './load/event-trace.js';
import { startOpenLoop, type PlannedRequest } from './load/open-loop.js';
import { distribution } from './load/percentiles.js';
import { attachScoringProbe } from './load/scoring-probe.js';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '60' },
    seed: { type: 'string', default: '42' },
  },
});
const accounts = Number(values.accounts);
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const TENANT = 'bench';
/** Fewer events per account would leave most accounts above the thresholds. */
const MIN_EVENTS_PER_ACCOUNT = 4;
const TARGET = { rate: 50, seconds: 60, p99Ms: 500 };

const machine = machineInfo();
const bench = await bootBenchApp({ accounts, seed: Number(values.seed), tenantId: TENANT });
try {
  const baseline = await bench.rescoreAll();

  // Healthy accounts closest to the 60 line first: each burst crosses a threshold early.
  const healthy = await bench.orm.em.fork().find(AccountHealth, { tenantId: TENANT, score: { $gte: 60 } }, { orderBy: { score: 'asc' }, fields: ['accountId', 'score'] });
  const total = Math.round(rate * seconds);
  const targeted = healthy.slice(0, Math.max(1, Math.min(healthy.length, Math.ceil(total / MIN_EVENTS_PER_ACCOUNT))));
  if (!targeted.length) throw new Error('the portfolio has no healthy account to push below a threshold');

  // Event i goes to account i mod M: one account's events are M / rate seconds apart.
  const tag = randomBytes(4).toString('hex');
  const asOf = Date.now();
  const requests: PlannedRequest[] = Array.from({ length: total }, (_, i) => {
    const account = targeted[i % targeted.length];
    const event = damagingEvent(Math.floor(i / targeted.length), account.accountId, `bench-${tag}-${i}`, asOf);
    return { method: 'POST', path: '/api/v1/events', body: { events: [event] }, tag: account.accountId };
  });

  const runStarted = new Date();
  const probe = attachScoringProbe(bench.app, TENANT);
  const load = await startOpenLoop({ url: bench.url, tenant: TENANT, token: bench.token, rate, requests, keepBodies: true }).result;

  // Let the last debounce window flush and its rescoring commit (never flushed early: that
  // would shorten the measured latency of the last events).
  const deadline = now() + 120_000;
  while (now() < deadline) {
    const lastActivity = probe.activities.at(-1)?.at ?? 0;
    if (now() - lastActivity > RESCORE_DEBOUNCE_MS + 250 && probe.calls.every((c) => c.settledAt !== undefined)) break;
    await sleep(50);
  }
  probe.detach();

  const em = bench.orm.em.fork();
  const records = await em.find(EscalationRecord, { tenantId: TENANT, firedAt: { $gte: runStarted } });
  const tasks = await em.count(Task, { tenantId: TENANT, source: 'escalation', createdAt: { $gte: runStarted } });
  const playCommands = await em.count(PlayCommand, { tenantId: TENANT, source: 'escalation', createdAt: { $gte: runStarted } });
  const trace = traceEvents(load.samples, probe, records);

  // The outcome rows the escalation records point to, looked up once to confirm they exist.
  const taskIds = records.flatMap((r) => r.outcomes.filter((o) => o.type === 'task' && !o.suppressed && o.id).map((o) => o.id!));
  const playIds = records.flatMap((r) => r.outcomes.filter((o) => o.type === 'play' && o.id).map((o) => o.id!));
  const foundTasks = taskIds.length ? await em.count(Task, { tenantId: TENANT, id: { $in: taskIds } }) : 0;
  const foundPlays = playIds.length ? await em.count(PlayCommand, { tenantId: TENANT, id: { $in: playIds } }) : 0;

  const toSnapshot = distribution(trace.events.flatMap((e) => (e.t1 === undefined ? [] : [e.t1 - e.t0])));
  const toEscalation = distribution(trace.events.flatMap((e) => (e.t2 === undefined ? [] : [e.t2 - e.t0])));
  const atTargetLoad = rate >= TARGET.rate && seconds >= TARGET.seconds;
  const met = toEscalation.p99 !== null && toSnapshot.p99 !== null && toEscalation.p99 <= TARGET.p99Ms && toSnapshot.p99 <= TARGET.p99Ms && trace.counts.notRescored === 0;
  const byProtocol: Record<string, number> = {};
  for (const r of records) byProtocol[r.protocolId] = (byProtocol[r.protocolId] ?? 0) + 1;

  console.log(JSON.stringify({
    benchmark: 'event-to-escalation',
    machine,
    database: bench.dialect,
    parameters: {
      accounts, rate, seconds, seed: Number(values.seed), accountsTargeted: targeted.length,
      eventsPerAccount: Math.round((total / targeted.length) * 10) / 10, rescoreDebounceMs: RESCORE_DEBOUNCE_MS,
      schedule: 'open loop: event i sent at start + i / rate from a worker thread, whatever the responses; one event per request',
      measurement: 't0 = HTTP response received; t1 = HealthChanges publish (right after the scoring transaction commits) of the first snapshot whose rescoring was asked for after the event\'s ingestion committed (AccountActivity hook); t2 = commit of that snapshot\'s escalation task / play-command rows, the same transaction, so t2 = t1 for escalating events; in-process hooks, no polling',
    },
    portfolio: bench.portfolio,
    baseline: { ms: baseline.ms, stats: baseline.stats },
    events: { planned: total, sent: load.sent, ...trace.counts },
    latencyMs: {
      sendToAccepted: distribution(load.samples.map((s) => s.doneAt - s.scheduledAt)),
      eventToSnapshot: toSnapshot,
      eventToEscalation: toEscalation,
      // The sender's view, from the scheduled send: includes waiting for the event to be accepted.
      sendToSnapshot: distribution(trace.events.flatMap((e) => (e.t1 === undefined ? [] : [e.t1 - e.scheduledAt]))),
      sendToEscalation: distribution(trace.events.flatMap((e) => (e.t2 === undefined ? [] : [e.t2 - e.scheduledAt]))),
      breakdown: {
        ingestionCommitToRescoreCall: distribution(trace.events.flatMap((e) => (e.rescoreCalledAt === undefined ? [] : [e.rescoreCalledAt - e.ingestedAt!]))),
        rescoreCallToSnapshotCommit: distribution(trace.events.flatMap((e) => (e.t1 === undefined ? [] : [e.t1 - e.rescoreCalledAt!]))),
      },
    },
    escalations: {
      records: records.length, byProtocol, tasksCreated: tasks, playCommandsCreated: playCommands,
      outcomeRowsFound: { tasks: `${foundTasks}/${taskIds.length}`, playCommands: `${foundPlays}/${playIds.length}` },
    },
    rescoring: {
      eventRuns: trace.runs.count,
      accountsPerRun: distribution(trace.runs.accounts),
      runMs: distribution(trace.runs.ms),
      phasesMsSummedOverRuns: trace.runs.phasesMs,
    },
    sender: { maxSendLagMs: load.maxSendLagMs },
    targets: [{
      name: 'event to escalation: accepted event → stored snapshot and created task / play command, p99 at a steady 50 events/s for 60 s',
      target: `p99 ≤ ${TARGET.p99Ms} ms`,
      measured: `p99 ${toEscalation.p99} ms to escalation (${toEscalation.count} events), ${toSnapshot.p99} ms to snapshot (${toSnapshot.count} events) at ${rate}/s for ${seconds} s`,
      met: atTargetLoad ? met : null,
      ...(atTargetLoad ? {} : { note: 'smaller than the target load: not judged' }),
    }],
  }, null, 2));
} finally {
  await bench.close();
}
