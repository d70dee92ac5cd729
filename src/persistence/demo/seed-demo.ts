import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { refreshPlannerStatistics } from '../open-orm.js';
import { Account } from '../../accounts/account.entity.js';
import { Contract } from '../../commercial/contract.entity.js';
import { Engagement } from '../../commercial/engagement.entity.js';
import { Invoice } from '../../commercial/invoice.entity.js';
import { Opportunity } from '../../commercial/opportunity.entity.js';
import { WalletEstimate } from '../../commercial/wallet-estimate.entity.js';
import { Observation } from '../../interactions/observation.entity.js';
import { ServiceIssue } from '../../interactions/service-issue.entity.js';
import { SurveyResponse } from '../../interactions/survey-response.entity.js';
import { Touchpoint } from '../../interactions/touchpoint.entity.js';
import { AccountPlan } from '../../planning/account-plan.entity.js';
import { Person } from '../../relationships/person.entity.js';
import { Stakeholder } from '../../relationships/stakeholder.entity.js';
import { TeamAssignment } from '../../relationships/team-assignment.entity.js';
import { Task } from '../../tasks/task.entity.js';
import { Tenant } from '../../tenants/tenant.entity.js';
import { DEFAULT_DEMO_ACCOUNTS, MAX_DEMO_ACCOUNTS, portfolioSlices } from './generate-portfolio.js';
import { dayAt, parseDay } from './random.js';
import { countRows, DEMO_ENTITY_KEYS, type DemoCounts, type DemoEntityKey, type DemoPortfolio } from './rows.js';
import { seedDemoAcquisitionCosts } from './demo-acquisition-costs.js';

/** Accounts generated and inserted at a time: bounds memory for large portfolios (~140 rows per account). */
const ACCOUNTS_PER_SLICE = 5_000;

export const DEMO_TENANT_ID = 'demo';
export const DEMO_TENANT_NAME = 'Demo Consulting Group';
export const DEFAULT_DEMO_SEED = 42;

export interface SeedDemoOptions {
  tenantId?: string;
  tenantName?: string;
  seed?: number | string;
  /** The portfolio's "today" (see generatePortfolio). */
  asOf: Date;
  accounts?: number;
  /** Rows per INSERT statement (default 1000: ~15k bound values at most, within SQLite and PostgreSQL limits). */
  chunkSize?: number;
  /** Adds data the generator does not know about (plugins' sample attributes) before insertion. */
  decorate?: (portfolio: DemoPortfolio, asOf: string) => void;
}

export interface SeedDemoResult {
  /** False when the tenant already had accounts: nothing was written. */
  created: boolean;
  tenantId: string;
  /** Rows inserted, or when nothing was inserted the tenant's current row counts. */
  counts: DemoCounts;
}

/**
 * Inserts the typed rows of one entity. Each call is checked against the entity's
 * RequiredEntityData, so a row shape drifting from its entity fails the type-check here.
 */
const INSERTERS: { [K in DemoEntityKey]: (em: EntityManager, rows: DemoPortfolio[K]) => Promise<unknown> } = {
  people: (em, rows) => em.insertMany(Person, rows),
  accounts: (em, rows) => em.insertMany(Account, rows),
  stakeholders: (em, rows) => em.insertMany(Stakeholder, rows),
  teamAssignments: (em, rows) => em.insertMany(TeamAssignment, rows),
  contracts: (em, rows) => em.insertMany(Contract, rows),
  engagements: (em, rows) => em.insertMany(Engagement, rows),
  invoices: (em, rows) => em.insertMany(Invoice, rows),
  touchpoints: (em, rows) => em.insertMany(Touchpoint, rows),
  surveyResponses: (em, rows) => em.insertMany(SurveyResponse, rows),
  serviceIssues: (em, rows) => em.insertMany(ServiceIssue, rows),
  observations: (em, rows) => em.insertMany(Observation, rows),
  opportunities: (em, rows) => em.insertMany(Opportunity, rows),
  accountPlans: (em, rows) => em.insertMany(AccountPlan, rows),
  walletEstimates: (em, rows) => em.insertMany(WalletEstimate, rows),
  tasks: (em, rows) => em.insertMany(Task, rows),
};

const COUNTERS: { [K in DemoEntityKey]: (em: EntityManager, tenantId: string) => Promise<number> } = {
  people: (em, tenantId) => em.count(Person, { tenantId }),
  accounts: (em, tenantId) => em.count(Account, { tenantId }),
  stakeholders: (em, tenantId) => em.count(Stakeholder, { tenantId }),
  teamAssignments: (em, tenantId) => em.count(TeamAssignment, { tenantId }),
  contracts: (em, tenantId) => em.count(Contract, { tenantId }),
  engagements: (em, tenantId) => em.count(Engagement, { tenantId }),
  invoices: (em, tenantId) => em.count(Invoice, { tenantId }),
  touchpoints: (em, tenantId) => em.count(Touchpoint, { tenantId }),
  surveyResponses: (em, tenantId) => em.count(SurveyResponse, { tenantId }),
  serviceIssues: (em, tenantId) => em.count(ServiceIssue, { tenantId }),
  observations: (em, tenantId) => em.count(Observation, { tenantId }),
  opportunities: (em, tenantId) => em.count(Opportunity, { tenantId }),
  accountPlans: (em, tenantId) => em.count(AccountPlan, { tenantId }),
  walletEstimates: (em, tenantId) => em.count(WalletEstimate, { tenantId }),
  tasks: (em, tenantId) => em.count(Task, { tenantId }),
};

/** Current row counts of a tenant, per demo entity. */
export async function countTenantRows(em: EntityManager, tenantId: string): Promise<DemoCounts> {
  const counts = {} as DemoCounts;
  for (const key of DEMO_ENTITY_KEYS) counts[key] = await COUNTERS[key](em, tenantId);
  return counts;
}

async function insertChunked<K extends DemoEntityKey>(em: EntityManager, key: K, rows: DemoPortfolio[K], chunkSize: number): Promise<void> {
  for (let i = 0; i < rows.length; i += chunkSize) {
    await INSERTERS[key](em, rows.slice(i, i + chunkSize) as DemoPortfolio[K]);
  }
}

/**
 * Creates the demo tenant when missing and fills it with the generated portfolio, unless the
 * tenant already has accounts (then nothing is written). All rows go in one transaction, in
 * chunks of `chunkSize` rows per INSERT. Assumes the migrations have been applied.
 */
export async function seedDemoPortfolio(orm: MikroORM, opts: SeedDemoOptions): Promise<SeedDemoResult> {
  const tenantId = opts.tenantId ?? DEMO_TENANT_ID;
  const chunkSize = opts.chunkSize ?? 1000;
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new Error('chunkSize must be a positive integer');

  // Cheap check first so an already seeded tenant never pays for generation.
  const existing = await orm.em.fork().count(Account, { tenantId });
  if (existing > 0) return { created: false, tenantId, counts: await countTenantRows(orm.em.fork(), tenantId) };

  const options = { tenantId, seed: opts.seed ?? DEFAULT_DEMO_SEED, asOf: opts.asOf, accounts: opts.accounts ?? DEFAULT_DEMO_ACCOUNTS };
  const asOfDay = opts.asOf.toISOString().slice(0, 10);

  const result = await orm.em.fork().transactional(async (em): Promise<SeedDemoResult> => {
    // Re-checked inside the transaction: a concurrent seeder may have won the race.
    if ((await em.count(Account, { tenantId })) > 0) {
      return { created: false, tenantId, counts: await countTenantRows(em, tenantId) };
    }
    if (!(await em.findOne(Tenant, { id: tenantId }))) {
      await em.insert(Tenant, { id: tenantId, name: opts.tenantName ?? DEMO_TENANT_NAME, createdAt: new Date() });
    }
    // Generated and inserted slice by slice, all in this one transaction: a failure leaves nothing.
    const counts = Object.fromEntries(DEMO_ENTITY_KEYS.map((k) => [k, 0])) as DemoCounts;
    let people: DemoPortfolio['people'] = [];
    for (const { portfolio } of portfolioSlices(options, ACCOUNTS_PER_SLICE)) {
      if (portfolio.people.length) people = portfolio.people;
      // Sample data of plugins may read the firm's people, which come with the first slice only.
      opts.decorate?.({ ...portfolio, people }, asOfDay);
      for (const key of DEMO_ENTITY_KEYS) await insertChunked(em, key, portfolio[key], chunkSize);
      const sliceCounts = countRows(portfolio);
      for (const key of DEMO_ENTITY_KEYS) counts[key] += sliceCounts[key];
    }
    await seedDemoAcquisitionCosts(em, tenantId, opts.asOf);
    return { created: true, tenantId, counts };
  });
  // A bulk load changes the tables' shape: refresh the planner's statistics (outside the transaction).
  if (result.created) await refreshPlannerStatistics(orm);
  return result;
}

export interface DemoSeedSettings {
  tenantId: string;
  seed: number | string;
  accounts: number;
  asOf: Date;
}

/**
 * Reads DEMO_TENANT_ID (default 'demo'), DEMO_SEED (default 42), DEMO_ACCOUNTS (default 200) and
 * DEMO_AS_OF (YYYY-MM-DD; default: today's UTC midnight of `now`). Throws naming the bad variable.
 */
export function demoSeedSettingsFromEnv(env: NodeJS.ProcessEnv, now: Date): DemoSeedSettings {
  const tenantId = env.DEMO_TENANT_ID?.trim() || DEMO_TENANT_ID;
  if (tenantId.length > 64) throw new Error('DEMO_TENANT_ID: at most 64 characters');
  const rawSeed = env.DEMO_SEED?.trim();
  const seed = !rawSeed ? DEFAULT_DEMO_SEED : /^-?\d{1,15}$/.test(rawSeed) ? Number(rawSeed) : rawSeed;
  const rawAccounts = env.DEMO_ACCOUNTS?.trim();
  const accounts = rawAccounts ? Number(rawAccounts) : DEFAULT_DEMO_ACCOUNTS;
  if (!Number.isInteger(accounts) || accounts < 0 || accounts > MAX_DEMO_ACCOUNTS) {
    throw new Error(`DEMO_ACCOUNTS: expected an integer between 0 and ${MAX_DEMO_ACCOUNTS} (got ${JSON.stringify(rawAccounts)})`);
  }
  const rawAsOf = env.DEMO_AS_OF?.trim();
  let asOf: Date;
  if (rawAsOf) {
    try {
      asOf = dayAt(parseDay(rawAsOf));
    } catch {
      throw new Error(`DEMO_AS_OF: expected a calendar date YYYY-MM-DD (got ${JSON.stringify(rawAsOf)})`);
    }
  } else {
    asOf = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  }
  return { tenantId, seed, accounts, asOf };
}
