// PostgreSQL crashes while events are being ingested: a private cluster (its own data directory and
// port, so no other test file is disturbed) is restarted with `pg_ctl restart -m immediate`, then
// stopped the same way, left down for a few seconds and started again, while concurrent clients
// post batches of events. Clients retry whatever was not acknowledged (5xx, refused connections)
// with the same event ids. Afterwards every acknowledged event is in the database exactly once,
// the API serves requests again without being restarted (its pool reconnects), and the health of
// every account reflects every event it acknowledged (no rescoring lost in the crash).
import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHttpApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/load-config.js';
import { deterministicUuid } from '../../src/ingestion/deterministic-id.js';
import { openOrm } from '../../src/persistence/open-orm.js';
import { AccountHealth } from '../../src/scoring/account-health.entity.js';
import { RescoreOnActivity } from '../../src/scoring/rescore-on-activity.js';
import { ScoringService } from '../../src/scoring/scoring.service.js';
import { eventually } from '../plays/play-test-kit.js';
import { writeFigures } from './kit/figures.js';
import { openFirm, type FirmClient } from './kit/firm-client.js';
import { captureLogs, type LogCapture } from './kit/log-capture.js';
import { privatePostgresUnavailable, startPrivatePostgres, type PrivatePostgres } from './kit/private-postgres.js';
import { randomInt, seededRandom, suiteSeed } from './kit/prng.js';

const unavailable = privatePostgresUnavailable();
const TENANT = 'ingest';
const ACCOUNTS = 20;
const BATCHES = 300;
const CLIENTS = 6;
const SEED = suiteSeed(7);
const HOUR = 3_600_000;

interface Batch {
  n: number;
  events: { id: string; type: string; data: Record<string, unknown> }[];
}

describe.skipIf(!!unavailable)(`database restarted during ingestion (PostgreSQL${unavailable ? `; skipped: ${unavailable}` : ''})`, () => {
  let server: PrivatePostgres;
  let orm: MikroORM;
  let app: NestExpressApplication;
  let firm: FirmClient;
  let logs: LogCapture;
  let databaseUrl: string;
  const accountIds: string[] = [];

  beforeAll(async () => {
    server = await startPrivatePostgres();
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    await admin.query('create database retention');
    await admin.end();
    databaseUrl = server.adminUrl.replace(/\/postgres$/, '/retention');
    const config = loadConfig({ DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: '127.0.0.1:1', LOG_LEVEL: 'warn' });
    orm = await openOrm(config);
    await orm.migrator.up();
    logs = captureLogs();
    app = await createHttpApp(config, orm, logs.log);
    await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    firm = await openFirm(app, url, TENANT);
    for (let i = 0; i < ACCOUNTS; i++) {
      const res = await firm.call('POST', '/api/v1/accounts', { name: `Client ${i}`, industry: 'accounting', clientSince: '2022-01-01' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      accountIds.push(res.body.id);
    }
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await orm?.close(true);
    await server?.close();
  }, 60_000);

  /** Reads straight from the server, not through the app under test. */
  const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  };

  it('every acknowledged event survives two crashes exactly once; the API recovers by itself', async () => {
    const random = seededRandom(SEED);
    const batches: Batch[] = Array.from({ length: BATCHES }, (_, n) => ({
      n,
      events: Array.from({ length: randomInt(random, 1, 20) }, (_, k) => {
        const accountId = accountIds[randomInt(random, 0, ACCOUNTS - 1)];
        const at = new Date(Date.now() - randomInt(random, 1, 2_000) * HOUR).toISOString();
        const kind = random();
        if (kind < 0.6) return { id: `b${n}-e${k}`, type: 'touchpoint.recorded', data: { accountId, kind: random() < 0.5 ? 'operational' : 'strategic', channel: 'call', direction: 'outbound', outcome: random() < 0.8 ? 'held' : 'cancelled', occurredAt: at } };
        if (kind < 0.85) return { id: `b${n}-e${k}`, type: 'survey.responded', data: { accountId, kind: 'csat', score: randomInt(random, 1, 5), respondedAt: at } };
        return { id: `b${n}-e${k}`, type: 'observation.recorded', data: { accountId, kind: 'rate_pushback', observedAt: at } };
      }),
    }));
    const allIds = batches.flatMap((b) => b.events.map((e) => e.id));

    const acknowledged = new Map<string, string[]>();
    const failures = new Map<string, number>();
    let acknowledgedBatches = 0;
    let attempts = 0;
    const queue = [...batches];
    const client = async () => {
      for (let batch = queue.shift(); batch; batch = queue.shift()) {
        const deadline = Date.now() + 90_000;
        for (;;) {
          attempts++;
          const res = await firm.call('POST', '/api/v1/events', { events: batch.events }, { timeoutMs: 20_000 });
          if (res.status === 200) {
            for (const r of res.body.results as { id: string; status: string }[]) acknowledged.set(r.id, [...(acknowledged.get(r.id) ?? []), r.status]);
            acknowledgedBatches++;
            break;
          }
          const key = `${res.status} ${String(res.body?.error ?? '')}`;
          failures.set(key, (failures.get(key) ?? 0) + 1);
          if (res.status > 0 && res.status < 500) throw new Error(`batch ${batch.n} refused: ${res.status} ${JSON.stringify(res.body)}`);
          if (Date.now() > deadline) throw new Error(`batch ${batch.n} never acknowledged: ${key}`);
          await sleep(100 + Math.floor(random() * 200));
        }
      }
    };

    // The faults, at a quarter and at a half of the batches acknowledged.
    const faults: Record<string, number>[] = [];
    const injector = (async () => {
      await eventually(async () => acknowledgedBatches, (n) => n >= BATCHES / 4, 60_000);
      faults.push({ crashRestartMs: await server.restart(), atBatch: acknowledgedBatches });
      await eventually(async () => acknowledgedBatches, (n) => n >= BATCHES / 2, 60_000);
      const down = Date.now();
      await server.stop('immediate');
      await sleep(3_000);
      await server.start();
      faults.push({ crashDownMs: Date.now() - down, atBatch: acknowledgedBatches });
    })();
    await Promise.all([...Array.from({ length: CLIENTS }, client), injector]);
    expect(faults).toHaveLength(2);

    // Every event was acknowledged in the end: applied once, a duplicate on any retry after a lost answer.
    expect([...acknowledged.keys()].sort()).toEqual([...allIds].sort());
    const appliedTwice = [...acknowledged].filter(([, statuses]) => statuses.filter((s) => s === 'applied').length !== 1);
    expect(appliedTwice).toEqual([]);

    // In the database, straight from the server: every receipt and every row exactly once, nothing else.
    const receipts = await query<{ event_id: string }>('select event_id from ingested_events where tenant_id = $1', [TENANT]);
    expect(receipts.map((r) => r.event_id).sort()).toEqual([...allIds].sort());
    const rowIds = (type: string) => batches.flatMap((b) => b.events.filter((e) => e.type === type).map((e) => deterministicUuid(TENANT, 'event', e.id))).sort();
    for (const [type, table] of [['touchpoint.recorded', 'touchpoints'], ['survey.responded', 'survey_responses'], ['observation.recorded', 'observations']] as const) {
      const rows = await query<{ id: string }>(`select id from ${table} where tenant_id = $1`, [TENANT]);
      expect(rows.map((r) => r.id).sort(), table).toEqual(rowIds(type));
    }

    // The same API process serves again: a new batch is applied, health reports the database up.
    const after = await firm.call('POST', '/api/v1/events', { events: [{ id: 'after-crash', type: 'observation.recorded', data: { accountId: accountIds[0], kind: 'tone_shift', tone: 'positive', observedAt: new Date().toISOString() } }] });
    expect(after.status).toBe(200);
    const health = await fetch(`http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/health`).then((r) => r.json() as Promise<{ database: { status: string } }>);
    expect(health.database.status).toBe('ok');

    // Health reflects every acknowledged event: a full rescoring now changes no conclusion.
    await app.get(RescoreOnActivity).settled();
    const rescored = await app.get(ScoringService).rescore(TENANT, 'all', 'manual');

    writeFigures({
      suite: 'database-restart', variant: 'postgresql', seed: SEED,
      faultsInjected: { crashRestarts: 1, crashStopStart: 1 },
      inputsTried: { batches: BATCHES, events: allIds.length, requests: attempts, concurrentClients: CLIENTS },
      failuresFound: { lostAcknowledgedEvents: allIds.filter((id) => !receipts.some((r) => r.event_id === id)).length, appliedTwice: appliedTwice.length, staleHealthAfterRecovery: rescored.snapshots },
      observations: { faults, unacknowledgedAttemptsRetried: Object.fromEntries(failures), rescoringFailuresLogged: logs.count('event-driven rescoring failed') },
    });
    expect(rescored.snapshots, 'accounts whose health missed an acknowledged event').toBe(0);
  }, 180_000);

  it('an event acknowledged just before the crash still reaches the account health once the database is back', async () => {
    const created = await firm.call('POST', '/api/v1/accounts', { name: 'Crash-timed client', industry: 'legal', clientSince: '2021-01-01' });
    expect(created.status).toBe(201);
    const accountId = created.body.id as string;
    await app.get(RescoreOnActivity).settled();
    const healthOf = () => orm.em.fork().findOne(AccountHealth, { tenantId: TENANT, accountId });
    const before = await healthOf();

    // Hold the health table so the rescoring the event queues is still in flight when the server crashes
    // (without this the crash would have to land inside a few milliseconds).
    const holder = new pg.Client({ connectionString: databaseUrl });
    await holder.connect();
    holder.on('error', () => undefined); // the crash ends this session too
    await holder.query('begin');
    await holder.query('lock table account_health in access exclusive mode');
    const res = await firm.call('POST', '/api/v1/events', { events: [{ id: 'just-before-crash', type: 'survey.responded', data: { accountId, kind: 'nps', score: 0, respondedAt: new Date().toISOString() } }] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const waiting = await eventually(() => query<{ n: string }>(`select count(*) as n from pg_stat_activity where datname = 'retention' and wait_event_type = 'Lock'`), (rows) => Number(rows[0].n) > 0, 10_000);
    expect(Number(waiting[0].n), 'the rescoring waits on the health table').toBeGreaterThan(0);
    await server.stop('immediate');
    await sleep(2_000);
    await server.start();
    await holder.end().catch(() => undefined);

    const health = await eventually(healthOf, (h) => !!h && h.snapshotId !== before?.snapshotId, 30_000);
    writeFigures({
      suite: 'database-restart-rescoring', variant: 'postgresql',
      faultsInjected: { crashWhileRescoring: 1 },
      inputsTried: { acknowledgedEvents: 1 },
      failuresFound: { healthMissingTheEvent: health?.snapshotId === before?.snapshotId ? 1 : 0 },
      observations: { rescoringFailuresLogged: logs.count('event-driven rescoring failed') },
    });
    expect(health?.snapshotId, 'a snapshot that includes the NPS 0 answer').not.toBe(before?.snapshotId);
  }, 60_000);
});
