import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MikroORM } from '@mikro-orm/core';
import { accountIdsOfTenant, computeFactsForAccounts } from '../../src/facts/batch-fact-computer.js';
import { createCoreFactCatalog } from '../../src/facts/core-fact-providers.js';
import { FactCatalog } from '../../src/facts/fact-catalog.js';
import { declareFacts } from '../../src/facts/fact-definition.js';
import type { FactBatchContext, FactProvider } from '../../src/facts/fact-provider.js';
import { testDialects } from '../support/test-databases.js';
import { AS_OF, Entities as E, OTHER_TENANT, TENANT, account, accountId, at, day, insert, openFactsDb, type FactsDb } from './facts-fixtures.js';

const ACCOUNTS = 50;
const ids = Array.from({ length: ACCOUNTS }, (_, i) => accountId(i + 1));
/**
 * Queries per chunk of the core providers: profile 1, commercial 6, engagement 2 (the history scan runs because
 * no account has an executive touchpoint in 180 days), relationship 4, satisfaction 2, observations 1.
 */
const CORE_QUERIES_PER_CHUNK = 16;

/** One row of every table per account, a few per account for the history tables. */
function portfolio(): [unknown, Record<string, unknown>][] {
  return ids.flatMap((accountId, i) => [
    account(i + 1, { industry: i % 2 ? 'legal' : 'consulting', status: i === 0 ? 'churned' : 'active', churnedAt: i === 0 ? day(10) : null, clientSince: i === 1 ? day(-30) : '2021-01-01' }),
    [E.Contract, { accountId, kind: 'retainer', title: 'R', value: 100000, annualValue: 50000 + i, startDate: day(300), endDate: day(-65) }],
    [E.Invoice, { accountId, amount: 1000 + i, issuedOn: day(40), dueOn: day(10), paidOn: i % 3 ? day(5) : null }],
    [E.Invoice, { accountId, amount: 900, issuedOn: day(130), dueOn: day(100), paidOn: day(100) }],
    [E.Engagement, { accountId, name: 'E', serviceLine: 'audit', budget: 1000, actualCost: 900 + i * 10, startDate: day(100), plannedEndDate: day(-10) }],
    [E.Opportunity, { accountId, kind: 'upsell', title: 'O', expectedValue: 5000 }],
    [E.WalletEstimate, { accountId, annualSpend: 200000, asOf: day(50) }],
    [E.Touchpoint, { accountId, kind: 'operational', channel: 'call', direction: 'outbound', occurredAt: at(i % 70) }],
    [E.Touchpoint, { accountId, kind: 'executive', channel: 'meeting', direction: 'inbound', occurredAt: at(200) }], // older than 180 days: needs the history query
    [E.Stakeholder, { accountId, name: 'S', role: 'champion', seniority: 'vp', strength: 'strong' }],
    [E.TeamAssignment, { accountId, personId: accountId, role: 'account_lead', fromDate: day(200) }],
    [E.SurveyResponse, { accountId, kind: 'nps', score: i % 11, respondedAt: at(20) }],
    [E.ServiceIssue, { accountId, title: 'I', severity: 'high', isComplaint: i % 2 === 0, openedAt: at(15) }],
    [E.Observation, { accountId, kind: 'rate_pushback', observedAt: at(33) }],
  ]);
}

function countQueries(orm: MikroORM) {
  return vi.spyOn(orm.em.getConnection(), 'execute');
}

describe.each(testDialects())('batch fact computation ($name)', (dialect) => {
  let db: FactsDb;
  beforeAll(async () => {
    db = await openFactsDb(dialect);
    await insert(db.orm, portfolio());
    await insert(db.orm, [account(500, { tenantId: OTHER_TENANT })]);
  });
  afterAll(async () => db?.close());

  it('fills every catalog fact for every account, null where missing', async () => {
    const catalog = createCoreFactCatalog();
    const unknown = accountId(999);
    const foreign = accountId(500);
    const facts = await computeFactsForAccounts(catalog, db.orm.em.fork(), TENANT, [ids[5], unknown, foreign, ids[5]], AS_OF);
    expect([...facts.keys()]).toEqual([ids[5], unknown, foreign]);
    const names = catalog.names();
    for (const values of facts.values()) expect(Object.keys(values)).toEqual(names);
    expect(facts.get(ids[5])).toMatchObject({
      industry: 'legal', annualRevenue: 50005, trailing12mRevenue: 1905, touchpoints90d: 1, daysSinceLastContact: 5, stakeholderCount: 1,
      latestNps: 5, openServiceIssues: 1, discountRequests180d: 1, healthScore: null, tier: null,
    });
    // Unknown ids and other tenants' accounts: nothing to read, so missing, zero or false.
    for (const id of [unknown, foreign]) {
      expect(facts.get(id)).toMatchObject({ industry: null, accountStatus: null, annualRevenue: 0, daysSinceLastContact: null, touchpoints90d: 0, hasRetainer: false, latestNps: null });
    }
  });

  it('issues a fixed number of queries per batch, however many accounts it holds', async () => {
    const catalog = createCoreFactCatalog();
    const spy = countQueries(db.orm);
    try {
      await computeFactsForAccounts(catalog, db.orm.em.fork(), TENANT, ids.slice(0, 5), AS_OF);
      const forFive = spy.mock.calls.length;
      spy.mockClear();
      const all = await computeFactsForAccounts(catalog, db.orm.em.fork(), TENANT, ids, AS_OF);
      const forFifty = spy.mock.calls.length;
      expect(all.size).toBe(ACCOUNTS);
      expect(forFive).toBe(CORE_QUERIES_PER_CHUNK);
      expect(forFifty).toBe(CORE_QUERIES_PER_CHUNK);
      spy.mockClear();
      await computeFactsForAccounts(catalog, db.orm.em.fork(), TENANT, ids, AS_OF, { batchSize: 20 });
      expect(spy.mock.calls.length).toBe(3 * CORE_QUERIES_PER_CHUNK);
    } finally {
      spy.mockRestore();
    }
  });

  it('gives the same values whatever the chunking', async () => {
    const catalog = createCoreFactCatalog();
    const whole = await computeFactsForAccounts(catalog, db.orm.em.fork(), TENANT, ids, AS_OF);
    const chunked = await computeFactsForAccounts(catalog, db.orm.em.fork(), TENANT, ids, AS_OF, { batchSize: 7 });
    expect(chunked).toEqual(whole);
  });

  it('runs plugin providers per chunk and refuses undeclared facts or wrong types', async () => {
    const chunks: string[][] = [];
    const plugin = (result: (ctx: FactBatchContext) => Record<string, unknown>): FactProvider => ({
      id: 'plugin.test',
      facts: declareFacts('plugin.test', [{ name: 'pluginScore', type: 'number', unit: 'score', label: 'plugin score', description: 'Test fact.' }]),
      async compute(ctx) {
        chunks.push(ctx.accountIds);
        expect(ctx.tenantId).toBe(TENANT);
        expect(ctx.asOf).toBe(AS_OF);
        return new Map(ctx.accountIds.map((id) => [id, result(ctx) as never]));
      },
    });
    const ok = new FactCatalog([plugin(() => ({ pluginScore: 7 }))]);
    const facts = await computeFactsForAccounts(ok, db.orm.em.fork(), TENANT, ids.slice(0, 5), AS_OF, { batchSize: 2 });
    expect(chunks).toEqual([ids.slice(0, 2), ids.slice(2, 4), ids.slice(4, 5)]);
    expect([...facts.values()].every((v) => v.pluginScore === 7)).toBe(true);

    const undeclared = new FactCatalog([plugin(() => ({ pluginScore: 1, latestNps: 3 }))]);
    await expect(computeFactsForAccounts(undeclared, db.orm.em.fork(), TENANT, ids.slice(0, 1), AS_OF)).rejects.toThrow(
      /provider "plugin.test" returned fact "latestNps", which it does not declare/,
    );
    const wrongType = new FactCatalog([plugin(() => ({ pluginScore: '7' }))]);
    await expect(computeFactsForAccounts(wrongType, db.orm.em.fork(), TENANT, ids.slice(0, 1), AS_OF)).rejects.toThrow(/"7" for number fact "pluginScore"/);
    const notFinite = new FactCatalog([plugin(() => ({ pluginScore: Number.NaN }))]);
    await expect(computeFactsForAccounts(notFinite, db.orm.em.fork(), TENANT, ids.slice(0, 1), AS_OF)).rejects.toThrow(/pluginScore/);
  });

  it('lists a tenant\'s accounts, without churned ones unless asked, optionally as of a date', async () => {
    const em = db.orm.em.fork();
    const active = await accountIdsOfTenant(em, TENANT, { includeChurned: false });
    expect(active).toEqual(ids.slice(1)); // account 1 churned
    expect(await accountIdsOfTenant(em, TENANT, { includeChurned: true })).toEqual(ids);
    // 30 days ago account 1 had not churned yet and account 2 was not a client yet.
    expect(await accountIdsOfTenant(em, TENANT, { asOf: new Date(at(30)) })).toEqual([ids[0], ...ids.slice(2)]);
    expect(await accountIdsOfTenant(em, OTHER_TENANT, {})).toEqual([accountId(500)]);
  });

  it('returns an empty map for an empty batch without querying', async () => {
    const spy = countQueries(db.orm);
    try {
      expect((await computeFactsForAccounts(createCoreFactCatalog(), db.orm.em.fork(), TENANT, [], AS_OF)).size).toBe(0);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});
