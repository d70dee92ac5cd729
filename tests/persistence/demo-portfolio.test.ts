// The demo portfolio: deterministic generation, the realism every later feature is demonstrated
// on, and the idempotent seeding round trip on a real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountPlan } from '../../src/planning/account-plan.entity.js';
import { Tenant } from '../../src/tenants/tenant.entity.js';
import { loadConfig } from '../../src/config/load-config.js';
import {
  CHURN_REASONS,
  CONTRACT_KINDS,
  INDUSTRIES,
  OBSERVATION_KINDS,
  TOUCHPOINT_KINDS,
  TOUCHPOINT_OUTCOMES,
} from '../../src/domain/vocabulary.js';
import { openOrm } from '../../src/persistence/open-orm.js';
import {
  generatePortfolio,
  generatePortfolioWithProfiles,
  tierOfAnnualValue,
  type DemoAccountProfile,
  type DemoPortfolio,
} from '../../src/persistence/demo/generate-portfolio.js';
import { countRows, DEMO_ENTITY_KEYS } from '../../src/persistence/demo/rows.js';
import { countTenantRows, demoSeedSettingsFromEnv, seedDemoPortfolio } from '../../src/persistence/demo/seed-demo.js';

const DAY = 86_400_000;
const AS_OF = new Date('2026-11-22T00:00:00Z');
const OPTIONS = { tenantId: 'demo', seed: 42, asOf: AS_OF, accounts: 200 };
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const asOfDay = AS_OF.getTime() / DAY;

function byAccount<T extends { accountId: string | null }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    if (row.accountId === null) continue;
    const list = map.get(row.accountId) ?? [];
    list.push(row);
    map.set(row.accountId, list);
  }
  return map;
}

describe('generatePortfolio', () => {
  let portfolio: DemoPortfolio;
  let profiles: DemoAccountProfile[];

  beforeAll(() => {
    ({ portfolio, profiles } = generatePortfolioWithProfiles(OPTIONS));
  });

  it('is deterministic: same seed and asOf give identical rows, another seed does not', () => {
    expect(JSON.stringify(generatePortfolio(OPTIONS))).toBe(JSON.stringify(portfolio));
    const other = generatePortfolio({ ...OPTIONS, seed: 43 });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(portfolio));
    expect(other.accounts[0].id).not.toBe(portfolio.accounts[0].id);
  });

  it('gives every row a unique UUID of the tenant and no timestamp after asOf', () => {
    const ids = new Set<string>();
    const bad: string[] = [];
    let rows = 0;
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    for (const key of DEMO_ENTITY_KEYS) {
      for (const row of portfolio[key]) {
        rows++;
        ids.add(row.id);
        const created = row.createdAt.getTime();
        const updated = row.updatedAt.getTime();
        if (row.tenantId !== 'demo' || !uuid.test(row.id) || created > AS_OF.getTime() || updated < created || updated > AS_OF.getTime()) bad.push(`${key} ${row.id}`);
      }
    }
    expect(bad).toEqual([]);
    expect(ids.size).toBe(rows);
    expect(portfolio.touchpoints.filter((t) => t.occurredAt.getTime() >= AS_OF.getTime())).toEqual([]);
    expect(portfolio.invoices.filter((i) => dayOf(i.issuedOn) >= asOfDay || (i.paidOn !== null && dayOf(i.paidOn) >= asOfDay))).toEqual([]);
    // Tenant-scoped ids: the same seed for another tenant never collides.
    expect(generatePortfolio({ ...OPTIONS, tenantId: 'other', accounts: 5 }).accounts[0].id).not.toBe(portfolio.accounts[0].id);
  });

  it('references only rows that exist', () => {
    const accounts = new Set(portfolio.accounts.map((a) => a.id));
    const people = new Set(portfolio.people.map((p) => p.id));
    const stakeholders = new Set(portfolio.stakeholders.map((s) => s.id));
    const contracts = new Set(portfolio.contracts.map((c) => c.id));
    const dangling: string[] = [];
    const check = (ok: boolean, what: string) => ok || dangling.push(what);
    for (const key of DEMO_ENTITY_KEYS) {
      for (const row of portfolio[key] as { id: string; accountId?: string | null }[]) {
        if (row.accountId) check(accounts.has(row.accountId), `${key} ${row.id} account`);
      }
    }
    for (const a of portfolio.teamAssignments) check(people.has(a.personId), `assignment ${a.id}`);
    for (const t of portfolio.touchpoints) {
      if (t.personId) check(people.has(t.personId), `touchpoint ${t.id} person`);
      if (t.stakeholderId) check(stakeholders.has(t.stakeholderId), `touchpoint ${t.id} stakeholder`);
    }
    for (const s of portfolio.surveyResponses) if (s.stakeholderId) check(stakeholders.has(s.stakeholderId), `survey ${s.id}`);
    for (const row of [...portfolio.engagements, ...portfolio.invoices]) if (row.contractId) check(contracts.has(row.contractId), `${row.id} contract`);
    for (const p of [...portfolio.accountPlans, ...portfolio.tasks]) if (p.ownerPersonId) check(people.has(p.ownerPersonId), `${p.id} owner`);
    expect(dangling).toEqual([]);
    expect(new Set(portfolio.people.map((p) => p.email)).size).toBe(portfolio.people.length);
  });

  it('spreads ~200 accounts over the five industries and four tiers, with unique names', () => {
    const { accounts } = portfolio;
    expect(accounts).toHaveLength(200);
    expect(new Set(accounts.map((a) => a.name)).size).toBe(200);
    expect(new Set(accounts.map((a) => a.industry))).toEqual(new Set(INDUSTRIES.filter((i) => i !== 'other')));
    const intended = [1, 2, 3, 4].map((t) => profiles.filter((p) => p.tier === t).length);
    expect(intended).toEqual([80, 70, 40, 10]);
    // Tier as the data shows it: invoiced revenue over the trailing 12 months of active accounts.
    const invoices = byAccount(portfolio.invoices);
    const measured = profiles
      .filter((p) => p.status === 'active')
      .map((p) => tierOfAnnualValue((invoices.get(p.accountId) ?? []).filter((i) => dayOf(i.issuedOn) > asOfDay - 365).reduce((sum, i) => sum + i.amount, 0)));
    expect(new Set(measured)).toEqual(new Set([1, 2, 3, 4]));
    const agreeing = profiles.filter((p) => p.status === 'active').filter((p, k) => measured[k] === p.tier).length;
    expect(agreeing / measured.length).toBeGreaterThan(0.85);
    for (const c of portfolio.contracts) expect(CONTRACT_KINDS).toContain(c.kind);
    const segments = new Set(accounts.map((a) => a.segment));
    expect(segments.size).toBeGreaterThanOrEqual(8);
    expect(new Set(accounts.map((a) => a.region)).size).toBeGreaterThanOrEqual(6);
  });

  it('has a firm roster with partners, practices and future departures', () => {
    const { people } = portfolio;
    expect(people.length).toBeGreaterThanOrEqual(25);
    expect(people.length).toBeLessThanOrEqual(40);
    expect(people.filter((p) => p.title === 'partner').length).toBeGreaterThanOrEqual(5);
    const retirements = people.filter((p) => p.departureKind === 'retirement' && p.departureDate && dayOf(p.departureDate) > asOfDay);
    expect(retirements.length).toBeGreaterThanOrEqual(2);
    for (const p of retirements) expect((dayOf(p.departureDate!) - asOfDay) / 365.25).toBeGreaterThanOrEqual(1);
  });

  it('has a legal partner retiring in 2.5-3.5 years who owns legal relationships', () => {
    const industryOf = new Map(portfolio.accounts.map((a) => [a.id, a.industry]));
    const candidates = portfolio.people.filter((p) => {
      if (p.title !== 'partner' || p.departureKind !== 'retirement' || !p.departureDate) return false;
      const years = (dayOf(p.departureDate) - asOfDay) / 365.25;
      return years >= 2.5 && years <= 3.5;
    });
    const owners = candidates.filter((p) => {
      const open = portfolio.teamAssignments.filter((a) => a.personId === p.id && a.toDate === null);
      return open.length >= 3 && open.every((a) => industryOf.get(a.accountId) === 'legal') && open.some((a) => a.role === 'account_lead');
    });
    expect(owners).toHaveLength(1);
  });

  it('staffs every account with a lead, tier 3-4 with an executive sponsor', () => {
    const assignments = byAccount(portfolio.teamAssignments);
    for (const p of profiles) {
      const team = assignments.get(p.accountId) ?? [];
      expect(team.some((a) => a.role === 'account_lead')).toBe(true);
      if (p.tier >= 3) expect(team.some((a) => a.role === 'executive_sponsor')).toBe(true);
      if (p.status === 'active') expect(team.some((a) => a.role === 'account_lead' && a.toDate === null)).toBe(true);
    }
  });

  it('maps stakeholders by tier, with single-threaded accounts, departed champions and firm alumni', () => {
    const stakeholders = byAccount(portfolio.stakeholders);
    const counts = profiles.map((p) => (stakeholders.get(p.accountId) ?? []).length);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...counts)).toBeLessThanOrEqual(9);
    expect(counts.filter((c) => c === 1).length).toBeGreaterThanOrEqual(5);
    expect(portfolio.stakeholders.filter((s) => s.role === 'champion' && s.departedAt).length).toBeGreaterThanOrEqual(2);
    const consulting = new Set(portfolio.accounts.filter((a) => a.industry === 'consulting').map((a) => a.id));
    expect(portfolio.stakeholders.filter((s) => s.isFirmAlumnus && consulting.has(s.accountId)).length).toBeGreaterThanOrEqual(2);
  });

  it('has churned accounts with a reason, whose history stops at churn, and a couple won back', () => {
    const churned = portfolio.accounts.filter((a) => a.status === 'churned');
    expect(churned.length).toBe(10);
    expect(portfolio.accounts.filter((a) => a.status === 'won_back').length).toBeGreaterThanOrEqual(2);
    const touchpoints = byAccount(portfolio.touchpoints);
    const invoices = byAccount(portfolio.invoices);
    for (const a of churned) {
      expect(a.churnedAt).not.toBeNull();
      expect(CHURN_REASONS).toContain(a.churnReason);
      const churnDay = dayOf(a.churnedAt!);
      expect(churnDay).toBeGreaterThan(asOfDay - 731);
      expect(churnDay).toBeLessThan(asOfDay);
      for (const t of touchpoints.get(a.id) ?? []) expect(t.occurredAt.getTime()).toBeLessThan(churnDay * DAY);
      for (const i of invoices.get(a.id) ?? []) expect(dayOf(i.issuedOn)).toBeLessThanOrEqual(churnDay);
    }
    expect(new Set(churned.map((a) => a.churnReason)).size).toBeGreaterThanOrEqual(4);
    expect(churned.filter((a) => a.churnReason === 'taken_for_granted').length).toBeGreaterThanOrEqual(3);
  });

  it('has contracts ending within the next 12 months for most active accounts', () => {
    const live = portfolio.accounts.filter((a) => a.status !== 'churned');
    const contracts = byAccount(portfolio.contracts);
    const renewing = live.filter((a) => (contracts.get(a.id) ?? []).some((c) => c.endDate && dayOf(c.endDate) > asOfDay && dayOf(c.endDate) <= asOfDay + 365));
    expect(renewing.length / live.length).toBeGreaterThan(0.6);
    expect(portfolio.contracts.some((c) => c.autoRenew)).toBe(true);
    // End dates spread over the year, not bunched.
    const quarters = new Set(
      portfolio.contracts.filter((c) => c.endDate && dayOf(c.endDate) > asOfDay && dayOf(c.endDate) <= asOfDay + 365).map((c) => Math.floor((dayOf(c.endDate!) - asOfDay - 1) / 91.5)),
    );
    expect(quarters).toEqual(new Set([0, 1, 2, 3]));
  });

  it('pays mostly on time, with a handful of invoices over 30 days late and a couple unpaid now', () => {
    const { invoices } = portfolio;
    const daysLate = (i: (typeof invoices)[number]) => (i.paidOn ? dayOf(i.paidOn) : asOfDay) - dayOf(i.dueOn);
    const onTime = invoices.filter((i) => i.paidOn && daysLate(i) <= 0).length;
    expect(onTime / invoices.length).toBeGreaterThan(0.75);
    const over30 = invoices.filter((i) => daysLate(i) > 30);
    expect(over30.length).toBeGreaterThanOrEqual(3);
    expect(over30.length / invoices.length).toBeLessThan(0.01);
    expect(invoices.filter((i) => !i.paidOn && asOfDay - dayOf(i.dueOn) > 30).length).toBeGreaterThanOrEqual(2);
  });

  it('follows the tier cadence and shows the health mix in the activity', () => {
    const touchpoints = byAccount(portfolio.touchpoints);
    expect(new Set(portfolio.touchpoints.map((t) => t.kind))).toEqual(new Set(TOUCHPOINT_KINDS));
    expect(new Set(portfolio.touchpoints.map((t) => t.outcome))).toEqual(new Set(TOUCHPOINT_OUTCOMES));
    const lastYear = (p: DemoAccountProfile) => (touchpoints.get(p.accountId) ?? []).filter((t) => t.occurredAt.getTime() >= AS_OF.getTime() - 365 * DAY);
    const healthy = profiles.filter((p) => p.status === 'active' && p.health === 'healthy');
    const perYear = (tier: number) => {
      const group = healthy.filter((p) => p.tier === tier);
      return group.reduce((sum, p) => sum + lastYear(p).length, 0) / group.length;
    };
    expect(perYear(4)).toBeGreaterThan(perYear(3));
    expect(perYear(3)).toBeGreaterThan(perYear(2));
    expect(perYear(2)).toBeGreaterThan(perYear(1) * 0.5);
    for (const p of healthy.filter((x) => x.tier >= 3)) {
      const exec = lastYear(p).filter((t) => t.kind === 'executive');
      expect(exec.length).toBeGreaterThanOrEqual(3);
    }

    const active = profiles.filter((p) => p.status === 'active');
    expect(active.filter((p) => p.health === 'healthy').length / active.length).toBeCloseTo(0.7, 1);
    expect(active.filter((p) => p.health === 'cooling').length / active.length).toBeCloseTo(0.2, 1);
    expect(active.filter((p) => p.health === 'at_risk').length / active.length).toBeCloseTo(0.1, 1);
    const window = (p: DemoAccountProfile, from: number, to: number) =>
      (touchpoints.get(p.accountId) ?? []).filter((t) => t.occurredAt.getTime() >= AS_OF.getTime() - from * DAY && t.occurredAt.getTime() < AS_OF.getTime() - to * DAY);
    const cooling = active.filter((p) => p.health === 'cooling');
    const recent = cooling.reduce((s, p) => s + window(p, 90, 0).length, 0);
    const before = cooling.reduce((s, p) => s + window(p, 180, 90).length, 0);
    expect(recent).toBeLessThan(before * 0.8);
    for (const p of active.filter((x) => x.health === 'at_risk')) {
      expect(window(p, 60, 0).filter((t) => t.outcome === 'held')).toHaveLength(0);
    }
    const observations = byAccount(portfolio.observations);
    for (const p of active.filter((x) => x.health === 'at_risk')) {
      expect((observations.get(p.accountId) ?? []).some((o) => o.kind === 'competitor_mentioned' && o.competitor)).toBe(true);
    }
    expect(portfolio.observations.filter((o) => !OBSERVATION_KINDS.includes(o.kind) || (o.kind === 'new_executive') !== (o.executiveSeat !== null))).toEqual([]);
    expect(portfolio.observations.some((o) => o.kind === 'new_executive' && o.executiveSeat === 'sponsor')).toBe(true);
    expect(portfolio.observations.some((o) => o.kind === 'new_executive' && o.executiveSeat === 'procurement')).toBe(true);
  });

  it('has an active agency account silent for 40-50 days between campaigns', () => {
    const touchpoints = byAccount(portfolio.touchpoints);
    const quiet = portfolio.accounts.filter((a) => {
      if (a.industry !== 'agency' || a.status !== 'active') return false;
      const list = touchpoints.get(a.id) ?? [];
      if (list.length === 0) return false;
      const days = (AS_OF.getTime() - Math.max(...list.map((t) => t.occurredAt.getTime()))) / DAY;
      return days >= 40 && days <= 50;
    });
    expect(quiet.length).toBeGreaterThanOrEqual(1);
    const planned = portfolio.engagements.filter((e) => quiet.some((a) => a.id === e.accountId) && e.status === 'planned');
    expect(planned.length).toBeGreaterThanOrEqual(1);
  });

  it('has surveys, issues, budgets, opportunities, plans and wallet estimates in plausible ranges', () => {
    for (const s of portfolio.surveyResponses) {
      const [min, max] = s.kind === 'nps' ? [0, 10] : [1, 5];
      expect(s.score).toBeGreaterThanOrEqual(min);
      expect(s.score).toBeLessThanOrEqual(max);
    }
    expect(portfolio.surveyResponses.filter((s) => s.kind === 'nps').length).toBeGreaterThan(200);
    expect(portfolio.serviceIssues.some((i) => i.isComplaint)).toBe(true);
    expect(portfolio.engagements.some((e) => e.actualCost > e.budget)).toBe(true);
    expect(portfolio.engagements.some((e) => e.actualEndDate && e.actualEndDate > e.plannedEndDate)).toBe(true);
    expect(portfolio.opportunities.length).toBeGreaterThan(50);
    const planned = new Set(portfolio.accountPlans.map((p) => p.accountId));
    expect(planned.size).toBe(portfolio.accountPlans.length);
    for (const p of profiles) if (p.tier >= 3 && p.status !== 'churned') expect(planned.has(p.accountId)).toBe(true);
    expect(portfolio.walletEstimates.length).toBeGreaterThan(100);
    expect(portfolio.tasks.length).toBeLessThan(30);
  });
});

describe('demoSeedSettingsFromEnv', () => {
  it('defaults to seed 42, 200 accounts and today UTC midnight; reads overrides', () => {
    const now = new Date('2026-03-04T17:45:00Z');
    expect(demoSeedSettingsFromEnv({}, now)).toEqual({ tenantId: 'demo', seed: 42, accounts: 200, asOf: new Date('2026-03-04T00:00:00Z') });
    expect(demoSeedSettingsFromEnv({ DEMO_SEED: '7', DEMO_ACCOUNTS: '50', DEMO_AS_OF: '2025-12-31' }, now)).toEqual({
      tenantId: 'demo',
      seed: 7,
      accounts: 50,
      asOf: new Date('2025-12-31T00:00:00Z'),
    });
    expect(() => demoSeedSettingsFromEnv({ DEMO_AS_OF: '2025-02-30' }, now)).toThrow(/DEMO_AS_OF/);
    expect(() => demoSeedSettingsFromEnv({ DEMO_ACCOUNTS: 'many' }, now)).toThrow(/DEMO_ACCOUNTS/);
  });
});

describe('seedDemoPortfolio on SQLite', () => {
  let dir: string;
  let orm: MikroORM;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'demo-portfolio-'));
    orm = await openOrm(loadConfig({ DATA_DIR: dir, SQLITE_FILE: 'demo.sqlite', LOG_LEVEL: 'silent' }));
    await orm.migrator.up();
  }, 30_000);

  afterAll(async () => {
    await orm?.close(true);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('creates the tenant, inserts every generated row once, and is idempotent', async () => {
    const portfolio = generatePortfolio(OPTIONS);
    const expected = countRows(portfolio);

    // Row shapes carry exactly the entity's properties.
    const metadata = [...orm.getMetadata().getAll().values()];
    for (const key of DEMO_ENTITY_KEYS) {
      const rows = portfolio[key] as object[];
      if (rows.length === 0) continue;
      const entity = metadata.find((m) => m.className === ENTITY_NAMES[key]);
      expect(entity, key).toBeDefined();
      expect(Object.keys(rows[0]).sort(), key).toEqual(Object.keys(entity!.properties).sort());
      // Column lengths are not enforced by SQLite but are by PostgreSQL.
      const limits = Object.values(entity!.properties).filter((prop) => typeof prop.length === 'number' && prop.length > 0);
      const tooLong = (rows as Record<string, unknown>[]).flatMap((row) =>
        limits.filter((prop) => typeof row[prop.name] === 'string' && (row[prop.name] as string).length > prop.length!).map((prop) => `${key}.${prop.name}`),
      );
      expect(tooLong, key).toEqual([]);
    }

    const first = await seedDemoPortfolio(orm, { asOf: AS_OF, seed: 42, accounts: 200 });
    expect(first.created).toBe(true);
    expect(first.counts).toEqual(expected);
    const em = orm.em.fork();
    expect(await countTenantRows(em, 'demo')).toEqual(expected);
    expect((await em.findOneOrFail(Tenant, { id: 'demo' })).name).toBe('Demo Consulting Group');

    // Values survive the round trip (JSON columns, dates, booleans).
    const plan = portfolio.accountPlans[0];
    const stored = await em.findOneOrFail(AccountPlan, { id: plan.id });
    expect(stored.objectives).toEqual(plan.objectives);
    expect(stored.risks).toEqual(plan.risks);
    expect(stored.reviewedOn).toBe(plan.reviewedOn);
    expect(stored.createdAt.getTime()).toBe(plan.createdAt.getTime());

    const second = await seedDemoPortfolio(orm, { asOf: AS_OF, seed: 42, accounts: 200 });
    expect(second.created).toBe(false);
    expect(second.counts).toEqual(expected);
    expect(await countTenantRows(orm.em.fork(), 'demo')).toEqual(expected);
  }, 30_000);
});

const ENTITY_NAMES: Record<(typeof DEMO_ENTITY_KEYS)[number], string> = {
  people: 'Person',
  accounts: 'Account',
  stakeholders: 'Stakeholder',
  teamAssignments: 'TeamAssignment',
  contracts: 'Contract',
  engagements: 'Engagement',
  invoices: 'Invoice',
  touchpoints: 'Touchpoint',
  surveyResponses: 'SurveyResponse',
  serviceIssues: 'ServiceIssue',
  observations: 'Observation',
  opportunities: 'Opportunity',
  accountPlans: 'AccountPlan',
  walletEstimates: 'WalletEstimate',
  tasks: 'Task',
};
