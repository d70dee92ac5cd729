// Duplicated and out-of-order events never regress a score. One fixed set of events (a year of an
// account's history) is delivered for 1 + N accounts: once in the order things happened, one event
// per request; then N times shuffled (seeded), with random duplicates, in random batches, by
// concurrent clients, redelivering batches the API refused because an update came before the row
// it updates. Every account must end in the same state: the same facts, score, components, tier,
// stage and signals as the in-order account. Then replays of old events change nothing.
//
// Compared: every fact of every provider computed from the stored data at one instant, and the
// conclusions of the live health snapshot (exactly what its conclusion signature covers: score,
// band, tier, raw tier, stage, tenure band, components with the rules that fired, signals,
// protocols, overdue cadence). Excluded on purpose: the "score-falling" signal, the "score-drop-15"
// protocol and the facts they read (previousHealthScore, scoreChange30d, scoreDrop30d), which
// describe the path the score took; a different delivery order is a different path. (A snapshot's
// stored fact values are those of when its conclusions were first reached: a later rescoring that
// concludes the same writes no snapshot, by design, so they are not compared either.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFactsForAccounts } from '../../src/facts/batch-fact-computer.js';
import { FactCatalog } from '../../src/facts/fact-catalog.js';
import { utcDay } from '../../src/facts/time.js';
import { AccountHealth } from '../../src/scoring/account-health.entity.js';
import { HealthSnapshot } from '../../src/scoring/health-snapshot.entity.js';
import { RescoreOnActivity } from '../../src/scoring/rescore-on-activity.js';
import { ScoringService } from '../../src/scoring/scoring.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';
import { accountEventSet, chronological, type AccountEventSet, type IngestionEvent } from './kit/account-event-set.js';
import { deliver, emptyStats, shuffledWithDuplicates, type DeliveryStats } from './kit/event-delivery.js';
import { writeFigures } from './kit/figures.js';
import { openFirm, type FirmClient } from './kit/firm-client.js';
import { seededRandom, shuffle, suiteSeed } from './kit/prng.js';

const TENANT = 'ordering';
const PERMUTATIONS = Number(process.env.RELIABILITY_PERMUTATIONS ?? 50);
const CLIENTS = 4;
const SEED = suiteSeed(20261201);
/** What describes the score's path, not the data (see the header). */
const PATH_SIGNALS = ['score-falling'];
const PATH_PROTOCOLS = ['score-drop-15'];

interface Run {
  accountId: string;
  set: AccountEventSet;
  stream: IngestionEvent[];
  stats: DeliveryStats;
}

describe.each(testDialects())('duplicated and out-of-order events never regress a score ($name)', (dialect) => {
  let app: TestApp;
  let firm: FirmClient;
  const now = new Date();
  const runs: Run[] = [];

  const newAccount = async (label: string) => {
    const res = await firm.call('POST', '/api/v1/accounts', { name: `Ordering ${label}`, industry: 'consulting', clientSince: new Date(now.getTime() - 800 * 86_400_000).toISOString().slice(0, 10) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const settle = async () => {
    await new Promise((r) => setTimeout(r, 20));
    await app.app.get(RescoreOnActivity).settled();
  };

  beforeAll(async () => {
    app = await startTestApp(dialect);
    firm = await openFirm(app.app, app.url, TENANT);
  });
  afterAll(async () => app?.close());

  it(`${PERMUTATIONS} shuffled, duplicated, batched deliveries end exactly where the in-order delivery ends`, async () => {
    const random = seededRandom(SEED);
    // The reference: in the order things happened, one event per request, no duplicates.
    const referenceId = await newAccount('in order');
    const referenceSet = accountEventSet(TENANT, referenceId, 'ref-', now);
    const reference: Run = { accountId: referenceId, set: referenceSet, stream: chronological(referenceSet.events), stats: emptyStats() };
    await deliver(firm, reference.stream, random, 1, reference.stats);
    runs.push(reference);

    for (let p = 1; p <= PERMUTATIONS; p++) {
      const accountId = await newAccount(`permutation ${p}`);
      const set = accountEventSet(TENANT, accountId, `p${p}-`, now);
      runs.push({ accountId, set, stream: shuffledWithDuplicates(set.events, random, 0.3), stats: emptyStats() });
    }
    // Concurrent clients, each delivering its share of the permutations (accounts interleave).
    const shares = Array.from({ length: CLIENTS }, (_, c) => runs.slice(1).filter((_, i) => i % CLIENTS === c));
    const clientRandoms = shares.map((_, c) => seededRandom(SEED + 1 + c));
    await Promise.all(shares.map(async (share, c) => {
      for (const run of share) await deliver(firm, run.stream, clientRandoms[c], 6, run.stats);
    }));
    await settle();
    // Days are calendar days: if the suite crossed midnight UTC, score everyone at one instant.
    if (utcDay(now) !== utcDay(new Date())) await app.app.get(ScoringService).rescore(TENANT, runs.map((r) => r.accountId), 'manual');

    // Every delivery acknowledged each event exactly once as applied, every other time as duplicate.
    for (const run of runs) {
      expect(run.stats.unexpected, `account ${run.accountId}`).toEqual([]);
      for (const event of run.set.events) {
        const acks = run.stats.acknowledgements.get(event.id) ?? [];
        expect(acks[0], `${event.id} first acknowledgement`).toBe('applied');
        expect(acks.slice(1).every((s) => s === 'duplicate'), `${event.id}: ${acks.join(',')}`).toBe(true);
        expect(acks.length).toBe(run.stream.filter((e) => e.id === event.id).length);
      }
    }

    // The data says the same thing for every account (at one instant, every fact of every provider).
    const em = app.orm.em.fork();
    const asOf = new Date();
    const facts = await computeFactsForAccounts(app.app.get(FactCatalog), em, TENANT, runs.map((r) => r.accountId), asOf);
    const expectedFacts = facts.get(referenceId)!;
    expect(expectedFacts.activeEngagements, 'the resumed project is active').toBe(1);
    expect(expectedFacts.projectsOverBudget).toBe(1);
    const mismatches: string[] = [];
    for (const run of runs.slice(1)) {
      const got = facts.get(run.accountId)!;
      for (const [name, value] of Object.entries(expectedFacts)) {
        if (JSON.stringify(got[name]) !== JSON.stringify(value)) mismatches.push(`${run.accountId.slice(0, 8)} ${name}: ${JSON.stringify(got[name])} (in order: ${JSON.stringify(value)})`);
      }
    }

    // And the live health (the event-driven rescoring's last snapshot) concludes the same.
    const healths = new Map((await em.find(AccountHealth, { tenantId: TENANT })).map((h) => [h.accountId, h]));
    const snapshots = new Map((await em.find(HealthSnapshot, { tenantId: TENANT, id: { $in: [...healths.values()].map((h) => h.snapshotId) } })).map((s) => [s.accountId, s]));
    const conclusions = (accountId: string) => {
      const s = snapshots.get(accountId)!;
      const h = healths.get(accountId)!;
      return {
        healthRow: h.score === s.score && h.tier === s.tier ? 'agrees with its snapshot' : `score ${h.score}, tier ${h.tier}`,
        score: s.score, band: s.band, tier: s.tier, rawTier: s.rawTier, stage: s.stage, tenureBand: s.tenureBand,
        components: s.components.map((c) => [c.id, c.points, c.rules.map((r) => r.id).sort()]),
        signals: s.signals.map((x) => x.id).filter((id) => !PATH_SIGNALS.includes(id)).sort(),
        protocols: s.protocols.filter((id) => !PATH_PROTOCOLS.includes(id)).sort(),
        cadence: s.cadence.map((c) => [c.touchpointKind, c.overdue]),
      };
    };
    const expected = conclusions(referenceId);
    expect(expected.score).toBeGreaterThan(0);
    for (const run of runs.slice(1)) {
      const got = conclusions(run.accountId);
      for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
        if (JSON.stringify(got[key]) !== JSON.stringify(expected[key])) mismatches.push(`${run.accountId.slice(0, 8)} snapshot ${key}: ${JSON.stringify(got[key]).slice(0, 200)} (in order: ${JSON.stringify(expected[key]).slice(0, 200)})`);
      }
    }

    const totals = runs.reduce((t, r) => ({
      requests: t.requests + r.stats.requests, eventsSent: t.eventsSent + r.stats.eventsSent, duplicates: t.duplicates + r.stats.duplicates, refused: t.refused + r.stats.refusedOutOfOrder,
    }), { requests: 0, eventsSent: 0, duplicates: 0, refused: 0 });
    writeFigures({
      suite: 'out-of-order-events', variant: dialect.name, seed: SEED,
      faultsInjected: { shuffledDeliveries: PERMUTATIONS, duplicateDeliveries: totals.duplicates, updatesBeforeTheirRow: totals.refused },
      inputsTried: { accounts: runs.length, distinctEvents: runs.length * referenceSet.events.length, eventsSent: totals.eventsSent, requests: totals.requests },
      failuresFound: { accountsInAnotherState: new Set(mismatches.map((m) => m.slice(0, 8))).size, stateMismatches: mismatches.length, unexpectedResponses: runs.reduce((n, r) => n + r.stats.unexpected.length, 0) },
      observations: { eventsPerAccount: referenceSet.events.length, concurrentClients: CLIENTS, firstMismatches: mismatches.slice(0, 20) },
    });
    expect(mismatches, `seed ${SEED}`).toEqual([]);
  }, 240_000);

  it('replaying old events (every id again, any order) changes no score and writes no snapshot', async () => {
    const random = seededRandom(SEED + 100);
    const em = app.orm.em.fork();
    const before = new Map((await em.find(AccountHealth, { tenantId: TENANT })).map((h) => [h.accountId, { snapshotId: h.snapshotId, score: h.score }]));
    const snapshotsBefore = await em.count(HealthSnapshot, { tenantId: TENANT });
    const replayed = shuffle(runs, random).slice(0, 10);
    const stats = emptyStats();
    for (const run of replayed) await deliver(firm, shuffle(run.set.events, random), random, 8, stats);
    await settle();
    expect(stats.unexpected).toEqual([]);
    expect(stats.applied).toBe(0);
    expect(stats.duplicates).toBe(replayed.length * runs[0].set.events.length);
    const after = new Map((await app.orm.em.fork().find(AccountHealth, { tenantId: TENANT })).map((h) => [h.accountId, { snapshotId: h.snapshotId, score: h.score }]));
    expect(after).toEqual(before);
    expect(await app.orm.em.fork().count(HealthSnapshot, { tenantId: TENANT })).toBe(snapshotsBefore);
  }, 120_000);

  it('a late update older than the one applied (a stale engagement.progressed, a stale churn) changes nothing', async () => {
    const run = runs[runs.length - 1];
    const em = app.orm.em.fork();
    const before = await em.findOneOrFail(AccountHealth, { tenantId: TENANT, accountId: run.accountId });
    const project = run.set.events.find((e) => e.type === 'engagement.started')!;
    const engagementId = (run.set.events.find((e) => e.type === 'engagement.progressed')!.data.engagementId) as string;
    const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();
    const stale = [
      // Older than the overrun (20 days ago) and the resumption (10 days ago) it would overwrite.
      { id: `${project.id}-late-1`, type: 'engagement.progressed', occurredAt: daysAgo(40), data: { engagementId, status: 'completed', actualCost: 90_000 } },
      // Older than both the churn (100 days ago) and the win-back (90 days ago).
      { id: `${project.id}-late-2`, type: 'account.churned', occurredAt: daysAgo(110), data: { accountId: run.accountId, churnedAt: daysAgo(110).slice(0, 10), reason: 'other' } },
    ];
    const res = await firm.call('POST', '/api/v1/events', { events: stale });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await settle();
    const after = await app.orm.em.fork().findOneOrFail(AccountHealth, { tenantId: TENANT, accountId: run.accountId });
    expect({ score: after.score, tier: after.tier, snapshotId: after.snapshotId }).toEqual({ score: before.score, tier: before.tier, snapshotId: before.snapshotId });
    const account = (await firm.call('GET', `/api/v1/accounts/${run.accountId}`)).body;
    expect(account.status).toBe('won_back');
    const engagement = (await firm.call('GET', `/api/v1/engagements/${engagementId}`)).body;
    expect(engagement).toMatchObject({ status: 'active', actualCost: 115_000 });
  });
});
