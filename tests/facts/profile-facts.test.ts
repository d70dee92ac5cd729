import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileFactsProvider } from '../../src/facts/providers/profile-facts.provider.js';
import { testDialects } from '../support/test-databases.js';
import { account, accountId, insert, openFactsDb, run, type FactsDb } from './facts-fixtures.js';

describe.each(testDialects())('profile facts ($name)', (dialect) => {
  let db: FactsDb;
  beforeAll(async () => {
    db = await openFactsDb(dialect);
    await insert(db.orm, [
      account(1, { industry: 'legal', segment: 'enterprise', region: 'EMEA', clientSince: '2021-06-15' }),
      account(2, { industry: 'agency', clientSince: '2025-07-16' }),
      account(3, { status: 'churned', churnedAt: '2026-07-01', churnReason: 'other' }),
      account(4, { status: 'churned', churnedAt: '2026-01-01', clientSince: '2019-03-31' }),
      account(5, { status: 'won_back', clientSince: '2026-06-16' }),
    ]);
  });
  afterAll(async () => db?.close());

  it('reads industry, status, segment, region and tenure as of the reference date', async () => {
    const facts = await run(db.orm, profileFactsProvider, [1, 2, 3, 4, 5].map(accountId));
    expect(facts.get(accountId(1))).toEqual({
      industry: 'legal', accountStatus: 'active', segment: 'enterprise', region: 'EMEA',
      tenureMonths: 60, tenureYears: 5, clientSinceDays: 1826,
    });
    // 2025-07-16 → 2026-06-15: the 11th month is not complete yet.
    expect(facts.get(accountId(2))).toMatchObject({ industry: 'agency', segment: null, region: null, tenureMonths: 10, tenureYears: 0.8, clientSinceDays: 334 });
    // Churned after asOf: still a client at asOf.
    expect(facts.get(accountId(3))).toMatchObject({ accountStatus: 'active' });
    // 2019-03-31 → 2026-06-15: 86 full months (7y 2m; June 15 < 31).
    expect(facts.get(accountId(4))).toMatchObject({ accountStatus: 'churned', tenureMonths: 86, tenureYears: 7.2, clientSinceDays: 2633 });
    // Not a client yet at asOf: tenure clamps at 0.
    expect(facts.get(accountId(5))).toMatchObject({ accountStatus: 'won_back', tenureMonths: 0, tenureYears: 0, clientSinceDays: 0 });
  });

  it('leaves unknown accounts out', async () => {
    const facts = await run(db.orm, profileFactsProvider, [accountId(99)]);
    expect(facts.size).toBe(0);
  });
});
