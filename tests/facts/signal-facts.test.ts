import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signalFactsProvider } from '../../src/facts/providers/signal-facts.provider.js';
import { testDialects } from '../support/test-databases.js';
import { Entities as E, account, accountId, at, insert, openFactsDb, run, type FactsDb } from './facts-fixtures.js';

const A = accountId(1);
const B = accountId(2);
const EMPTY = accountId(3);
const observed = (accountId: string, kind: string, days: number, extra: Record<string, unknown> = {}): [unknown, Record<string, unknown>] => [
  E.Observation,
  { accountId, kind, observedAt: at(days), ...extra },
];

describe.each(testDialects())('observation signal facts ($name)', (dialect) => {
  let db: FactsDb;
  beforeAll(async () => {
    db = await openFactsDb(dialect);
    await insert(db.orm, [
      ...[1, 2, 3].map((n) => account(n)),
      observed(A, 'competitor_mentioned', 80, { competitor: 'BigFour' }),
      observed(A, 'second_opinion', 100),
      observed(A, 'rfp_issued', 120),
      observed(A, 'discount_request', 10),
      observed(A, 'rate_pushback', 170),
      observed(A, 'unbundling_request', 190),
      observed(A, 'refused_multi_month_commitment', 179),
      observed(A, 'tone_shift', 60, { tone: 'critical' }),
      observed(A, 'tone_shift', 30, { tone: 'positive' }),
      observed(A, 'no_strategic_input_requested', 91),
      observed(B, 'tone_shift', 60, { tone: 'positive' }),
      observed(B, 'tone_shift', 20, { tone: 'neutral' }),
      observed(B, 'exploring_options', 5),
      observed(B, 'comparison_questions', 95),
      observed(B, 'no_strategic_input_requested', 89),
      observed(B, 'competitor_mentioned', -1), // after asOf
    ]);
  });
  afterAll(async () => db?.close());

  it('turns observations into windowed signals', async () => {
    const facts = await run(db.orm, signalFactsProvider, [A, B, EMPTY]);
    expect(facts.get(A)).toEqual({
      competitorMentioned90d: true,
      exploringOptions90d: false, // second opinion and RFP are older than 90 days
      rfpIssued180d: true,
      discountRequests180d: 2,
      refusedMultiMonthCommitment180d: true,
      negativeToneShift90d: false, // the tone recovered afterwards
      noStrategicInputRequested90d: false,
    });
    expect(facts.get(B)).toEqual({
      competitorMentioned90d: false,
      exploringOptions90d: true,
      rfpIssued180d: false,
      discountRequests180d: 0,
      refusedMultiMonthCommitment180d: false,
      negativeToneShift90d: true,
      noStrategicInputRequested90d: true,
    });
    expect(facts.get(EMPTY)).toEqual({
      competitorMentioned90d: false, exploringOptions90d: false, rfpIssued180d: false, discountRequests180d: 0,
      refusedMultiMonthCommitment180d: false, negativeToneShift90d: false, noStrategicInputRequested90d: false,
    });
  });
});
