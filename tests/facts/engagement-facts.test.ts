import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engagementFactsProvider } from '../../src/facts/providers/engagement-facts.provider.js';
import { testDialects } from '../support/test-databases.js';
import { Entities as E, OTHER_TENANT, account, accountId, at, insert, openFactsDb, run, type FactsDb } from './facts-fixtures.js';

const RICH = accountId(1);
const EMPTY = accountId(2);
const LAST_60 = accountId(3);
const LAST_61 = accountId(4);
const OLD_ONLY = accountId(5);

const tp = (accountId: string, when: Date, extra: Record<string, unknown> = {}) =>
  [E.Touchpoint, { accountId, kind: 'operational', channel: 'meeting', direction: 'outbound', outcome: 'held', occurredAt: when, ...extra }] as [unknown, Record<string, unknown>];

describe.each(testDialects())('engagement facts ($name)', (dialect) => {
  let db: FactsDb;
  beforeAll(async () => {
    db = await openFactsDb(dialect);
    await insert(db.orm, [
      ...[1, 2, 3, 4, 5].map((n) => account(n)),
      // Held in the last 90 days.
      tp(RICH, at(5), { direction: 'inbound' }),
      tp(RICH, at(20), { channel: 'video', responseTimeHours: 4 }),
      tp(RICH, at(40), { kind: 'strategic', channel: 'email', direction: 'inbound', responseTimeHours: 10 }),
      tp(RICH, at(50), { kind: 'executive' }),
      tp(RICH, at(89), { kind: 'maintenance', channel: 'call' }),
      // Previous 90 days: 90 days + 1 hour before asOf is outside the last 90 days.
      tp(RICH, at(90, '11:00')),
      tp(RICH, at(100), { kind: 'strategic', responseTimeHours: 20 }),
      tp(RICH, at(150), { kind: 'executive' }),
      tp(RICH, at(200), { kind: 'executive' }),
      // Not held.
      tp(RICH, at(10), { outcome: 'cancelled' }),
      tp(RICH, at(15), { kind: 'executive', channel: 'dinner', outcome: 'rescheduled' }),
      tp(RICH, at(25), { channel: 'email', outcome: 'no_response' }),
      tp(RICH, at(120), { channel: 'call', outcome: 'cancelled' }),
      // After asOf: ignored.
      tp(RICH, at(-3), { kind: 'executive' }),
      tp(LAST_60, at(60)),
      tp(LAST_60, at(30), { outcome: 'cancelled' }),
      tp(LAST_61, at(61)),
      tp(OLD_ONLY, at(400), { kind: 'executive' }),
      // Another firm's data never leaks in.
      tp(EMPTY, at(1), { tenantId: OTHER_TENANT }),
    ]);
  });
  afterAll(async () => db?.close());

  it('counts held touchpoints by window and kind, with rates, response times and recency', async () => {
    const facts = await run(db.orm, engagementFactsProvider, [RICH]);
    expect(facts.get(RICH)).toEqual({
      daysSinceLastContact: 5,
      daysSinceLastStrategicConversation: 40,
      daysSinceLastExecutiveTouchpoint: 50,
      daysSinceLastStrategicTouchpoint: 40,
      daysSinceLastOperationalTouchpoint: 5,
      daysSinceLastMaintenanceTouchpoint: 89,
      touchpoints30d: 2,
      touchpoints90d: 5,
      touchpointsPrev90d: 3,
      touchpointTrendPct: 66.7,
      executiveTouchpoints90d: 1,
      strategicTouchpoints90d: 1,
      operationalTouchpoints90d: 2,
      maintenanceTouchpoints90d: 1,
      cancellationRate90d: 0.33, // 2 of 6 non-email touchpoints
      noResponseCount90d: 1,
      avgResponseHours90d: 7,
      avgResponseHoursPrev90d: 20,
      responseTimeTrendPct: -65,
      inboundShare90d: 0.4,
    });
  });

  it('reads recency the same whether or not the batch needs the whole-history scan', async () => {
    const alone = await run(db.orm, engagementFactsProvider, [RICH]); // every kind held within 180 days: window only
    const mixed = await run(db.orm, engagementFactsProvider, [OLD_ONLY, RICH, EMPTY]);
    expect(mixed.get(RICH)).toEqual(alone.get(RICH));
    expect(mixed.get(OLD_ONLY)).toMatchObject({ daysSinceLastContact: 400 });
  });

  it('gives null for recency, trends and rates without data, and 0 for counts', async () => {
    const facts = await run(db.orm, engagementFactsProvider, [EMPTY, OLD_ONLY]);
    expect(facts.get(EMPTY)).toEqual({
      daysSinceLastContact: null, daysSinceLastStrategicConversation: null, daysSinceLastExecutiveTouchpoint: null,
      daysSinceLastStrategicTouchpoint: null, daysSinceLastOperationalTouchpoint: null, daysSinceLastMaintenanceTouchpoint: null,
      touchpoints30d: 0, touchpoints90d: 0, touchpointsPrev90d: 0, touchpointTrendPct: null,
      executiveTouchpoints90d: 0, strategicTouchpoints90d: 0, operationalTouchpoints90d: 0, maintenanceTouchpoints90d: 0,
      cancellationRate90d: null, noResponseCount90d: 0, avgResponseHours90d: null, avgResponseHoursPrev90d: null,
      responseTimeTrendPct: null, inboundShare90d: null,
    });
    expect(facts.get(OLD_ONLY)).toMatchObject({
      daysSinceLastContact: 400, daysSinceLastStrategicConversation: 400, daysSinceLastExecutiveTouchpoint: 400,
      daysSinceLastStrategicTouchpoint: null, daysSinceLastOperationalTouchpoint: null, daysSinceLastMaintenanceTouchpoint: null,
      touchpoints90d: 0, touchpointsPrev90d: 0, touchpointTrendPct: null,
    });
  });

  it('counts days since last contact in whole calendar days: 60 vs 61', async () => {
    const facts = await run(db.orm, engagementFactsProvider, [LAST_60, LAST_61]);
    expect(facts.get(LAST_60)).toMatchObject({ daysSinceLastContact: 60, touchpoints90d: 1, cancellationRate90d: 0.5 });
    expect(facts.get(LAST_61)).toMatchObject({ daysSinceLastContact: 61, touchpoints90d: 1, cancellationRate90d: 0 });
    // Time travel: 20 days earlier the 61-day-old contact was 41 days old and the newer rows did not exist yet;
    // RICH's latest contact was that morning (0 days), and the one 30 days + 2 hours before is outside 30 days.
    const earlier = await run(db.orm, engagementFactsProvider, [RICH, LAST_61], new Date('2026-05-26T12:00:00.000Z'));
    expect(earlier.get(LAST_61)).toMatchObject({ daysSinceLastContact: 41 });
    expect(earlier.get(RICH)).toMatchObject({ daysSinceLastContact: 0, daysSinceLastExecutiveTouchpoint: 30, touchpoints30d: 2 });
  });
});
