// Concurrent rule publishes: two API instances (two processes' worth of app, ORM and connection pool)
// share one database; in each round five program owners publish five drafts, all based on the same
// active version, at the same moment, spread over both instances. Exactly one publish wins (200),
// the four others get 409, and all five are in the audit log (one "published", four
// "publish_rejected", each with its owner and version). The losers stay drafts; the active version
// is the winner's.
import type { MikroORM } from '@mikro-orm/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../src/app.factory.js';
import { APP_CONFIG } from '../../src/config/config.module.js';
import type { AppConfig } from '../../src/config/config.schema.js';
import { createLogger } from '../../src/logging/logger.js';
import { openOrm } from '../../src/persistence/open-orm.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/test-databases.js';
import { writeFigures } from './kit/figures.js';
import { openFirm, type FirmClient } from './kit/firm-client.js';

const TENANT = 'authors';
const OWNERS = 5;
const ROUNDS = 10;

interface AuditItem {
  action: string;
  version: number;
  actor: string;
  reason: string | null;
}

describe.each(testDialects())('concurrent rule publishes on two API instances ($name)', (dialect) => {
  let first: TestApp;
  let secondOrm: MikroORM;
  let second: NestExpressApplication;
  const owners: FirmClient[] = [];

  beforeAll(async () => {
    first = await startTestApp(dialect);
    const config = first.app.get<AppConfig>(APP_CONFIG);
    secondOrm = await openOrm(config);
    second = await createHttpApp(config, secondOrm, createLogger('silent', 'second-instance'));
    await second.listen(0, '127.0.0.1');
    const secondUrl = `http://127.0.0.1:${(second.getHttpServer().address() as { port: number }).port}`;
    for (let i = 0; i < OWNERS; i++) {
      // Owners alternate between the instances, as a load balancer would spread them.
      owners.push(await openFirm(first.app, i % 2 ? secondUrl : first.url, TENANT, { create: i === 0, role: 'program_owner', keyName: `owner-${i}` }));
    }
  });
  afterAll(async () => {
    await second?.close();
    await secondOrm?.close(true);
    await first?.close();
  });

  it(`${ROUNDS} rounds of ${OWNERS} simultaneous publishes: one 200 and ${OWNERS - 1} × 409 each round, all audited`, async () => {
    const statusesSeen: number[][] = [];
    const winners: number[] = [];
    const losers: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const active = await owners[0].call('GET', '/api/v1/rule-sets/signals');
      expect(active.status).toBe(200);
      const versions: number[] = [];
      for (const [i, owner] of owners.entries()) {
        const document = structuredClone(active.body.document);
        const signal = document.signals[(round * OWNERS + i) % document.signals.length];
        signal.severity = signal.severity === 'high' ? 'medium' : 'high';
        const draft = await owner.call('POST', '/api/v1/rule-sets/signals/drafts', { document });
        expect(draft.status, JSON.stringify(draft.body)).toBe(201);
        expect(draft.body.basedOnVersion).toBe(active.body.version);
        versions.push(draft.body.version);
      }
      const results = await Promise.all(owners.map((owner, i) => owner.call('POST', `/api/v1/rule-sets/signals/versions/${versions[i]}/publish`, { reason: `round ${round}: owner ${i} raises a signal` })));
      statusesSeen.push(results.map((r) => r.status));
      expect(results.map((r) => r.status).sort(), JSON.stringify(results.map((r) => r.body))).toEqual([200, ...Array(OWNERS - 1).fill(409)]);
      const winner = results.findIndex((r) => r.status === 200);
      winners.push(versions[winner]);
      losers.push(...versions.filter((_, i) => i !== winner));
      for (const r of results.filter((x) => x.status === 409)) expect(r.body.error).toBe('conflict');
      expect((await owners[1].call('GET', '/api/v1/rule-sets/signals')).body.version).toBe(versions[winner]);
    }

    // The audit log, read through either instance: every attempt, with who and which version.
    const audit = (await owners[1].call('GET', '/api/v1/rule-sets/audit?kind=signals&limit=500')).body.items as AuditItem[];
    const count = (action: string) => audit.filter((e) => e.action === action).length;
    expect({ drafts: count('draft_submitted'), published: count('published'), rejected: count('publish_rejected') }).toEqual({ drafts: ROUNDS * OWNERS, published: ROUNDS, rejected: ROUNDS * (OWNERS - 1) });
    expect(audit.filter((e) => e.action === 'published').map((e) => e.version).sort()).toEqual([...winners].sort());
    expect(audit.filter((e) => e.action === 'publish_rejected').map((e) => e.version).sort()).toEqual([...losers].sort());
    for (const entry of audit.filter((e) => e.action !== 'draft_submitted')) {
      const owner = Number(/owner (\d)/.exec(entry.reason ?? '')?.[1]);
      expect(entry.actor, `${entry.action} v${entry.version}`).toContain(`owner-${owner}`);
    }

    // Losers are still drafts (they can be re-based and published later); winners are published.
    const listed = (await owners[0].call('GET', '/api/v1/rule-sets/signals/versions')).body.versions as { version: number; status: string }[];
    const statusOf = new Map(listed.map((v) => [v.version, v.status]));
    expect(winners.map((v) => statusOf.get(v))).toEqual(winners.map(() => 'published'));
    expect(losers.map((v) => statusOf.get(v))).toEqual(losers.map(() => 'draft'));

    writeFigures({
      suite: 'concurrent-publish', variant: dialect.name,
      faultsInjected: { simultaneousPublishRounds: ROUNDS, apiInstances: 2 },
      inputsTried: { publishes: ROUNDS * OWNERS, drafts: ROUNDS * OWNERS },
      failuresFound: {
        roundsWithoutExactlyOneWinner: statusesSeen.filter((s) => s.filter((x) => x === 200).length !== 1).length,
        unexpectedStatuses: statusesSeen.flat().filter((s) => s !== 200 && s !== 409).length,
        unaudited: ROUNDS * OWNERS - count('published') - count('publish_rejected'),
      },
      observations: { statusesPerRound: statusesSeen },
    });
  }, 120_000);
});
