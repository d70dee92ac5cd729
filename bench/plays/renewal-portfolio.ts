/**
 * A lightweight portfolio for the plays benchmark: accounts, each with one contract that has
 * just entered its renewal lead time, and an account team (lead + executive sponsor) so play
 * tasks get an owner as they would in production. No interaction history: a renewal play reads
 * none of it (the demo generator's 2-3 years of history per account would cost minutes at
 * 10,000 accounts and change nothing this benchmark measures). Rows are typed with the demo
 * generator's row types, so a renamed entity property fails the type-check here too.
 */
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import { Account } from '../../src/accounts/account.entity.js';
import { Contract } from '../../src/commercial/contract.entity.js';
import { INDUSTRIES } from '../../src/domain/vocabulary.js';
import type { AccountRow, ContractRow, PersonRow, TeamAssignmentRow } from '../../src/persistence/demo/rows.js';
import { Person } from '../../src/relationships/person.entity.js';
import { TeamAssignment } from '../../src/relationships/team-assignment.entity.js';
import { Tenant } from '../../src/tenants/tenant.entity.js';

const DAY = 86_400_000;
/** Accounts one firm person serves, roughly (sizes the people pool). */
const ACCOUNTS_PER_PERSON = 25;
/** Rows per INSERT (as the demo seeder: within SQLite's and PostgreSQL's bound-parameter limits). */
const CHUNK = 1000;
/** Contracts entered their lead time during the last two weeks: the daily scheduler's steady state. */
const ENTERED_WITHIN_DAYS = 14;

export interface RenewalContract {
  accountId: string;
  contractId: string;
  title: string;
  endDate: string;
  annualValue: number;
  /** The lead time of the renewal template serving the account's industry. */
  leadDays: number;
}

export interface GeneratedBatch {
  contracts: RenewalContract[];
  rows: { accounts: number; contracts: number; people: number; teamAssignments: number };
  ms: number;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function ensureTenant(orm: MikroORM, tenantId: string): Promise<void> {
  const em = orm.em.fork();
  if (!(await em.findOne(Tenant, { id: tenantId }))) await em.insert(Tenant, { id: tenantId, name: `Benchmark firm ${tenantId}`, plugins: null, createdAt: new Date() });
}

/**
 * Inserts accounts number `from` .. `from + count - 1` (industries round-robin, so the plugins'
 * renewal templates run for their share as in a mixed portfolio). Each contract ends
 * `leadDaysOf(industry) - k` days from now, k in 0..13.
 */
export async function insertRenewalPortfolio(orm: MikroORM, options: { tenantId: string; from: number; count: number; leadDaysOf: (industry: string) => number }): Promise<GeneratedBatch> {
  const started = performance.now();
  const { tenantId, from, count } = options;
  const now = new Date();
  const today = Date.parse(isoDay(now.getTime()));
  const base = { tenantId, createdAt: now, updatedAt: now };

  const people: PersonRow[] = Array.from({ length: Math.max(2, Math.ceil(count / ACCOUNTS_PER_PERSON)) }, (_, i) => ({
    ...base, id: randomUUID(), name: `Bench Person ${from + i}`, email: `person-${from + i}@bench.example`,
    title: i % 4 === 0 ? 'partner' : 'manager', practiceArea: null, departureKind: null, departureDate: null,
  }));
  const accounts: AccountRow[] = [];
  const contracts: ContractRow[] = [];
  const team: TeamAssignmentRow[] = [];
  const leadDays: number[] = [];
  for (let i = 0; i < count; i++) {
    const n = from + i;
    const industry = INDUSTRIES[n % INDUSTRIES.length];
    const accountId = randomUUID();
    const annualValue = 50_000 + (n % 40) * 5_000;
    leadDays.push(options.leadDaysOf(industry));
    accounts.push({
      ...base, id: accountId, externalRef: `bench-${n}`, name: `Bench Client ${n}`, industry, segment: null, region: null,
      status: 'active', clientSince: isoDay(today - 3 * 365 * DAY), churnedAt: null, churnReason: null, churnNotes: null, attributes: null,
    });
    contracts.push({
      ...base, id: randomUUID(), accountId, externalRef: `bench-contract-${n}`, kind: industry === 'accounting' || industry === 'legal' ? 'engagement_letter' : 'retainer',
      title: `Retainer ${n}`, value: annualValue, annualValue, currency: 'USD', startDate: isoDay(today - 365 * DAY),
      endDate: isoDay(today + (leadDays[i] - (n % ENTERED_WITHIN_DAYS)) * DAY), noticePeriodDays: 30, autoRenew: false, renewalStatus: 'not_started',
    });
    const lead = people[(2 * i) % people.length];
    const sponsor = people[(2 * i + 1) % people.length];
    for (const [person, role] of [[lead, 'account_lead'], [sponsor, 'executive_sponsor']] as const) {
      team.push({ ...base, id: randomUUID(), accountId, personId: person.id, role, fromDate: isoDay(today - 365 * DAY), toDate: null });
    }
  }

  await orm.em.fork().transactional(async (em) => {
    for (let i = 0; i < people.length; i += CHUNK) await em.insertMany(Person, people.slice(i, i + CHUNK));
    for (let i = 0; i < accounts.length; i += CHUNK) await em.insertMany(Account, accounts.slice(i, i + CHUNK));
    for (let i = 0; i < contracts.length; i += CHUNK) await em.insertMany(Contract, contracts.slice(i, i + CHUNK));
    for (let i = 0; i < team.length; i += CHUNK) await em.insertMany(TeamAssignment, team.slice(i, i + CHUNK));
  });
  return {
    contracts: contracts.map((c, i) => ({ accountId: c.accountId, contractId: c.id, title: c.title, endDate: c.endDate!, annualValue: c.annualValue, leadDays: leadDays[i] })),
    rows: { accounts: accounts.length, contracts: contracts.length, people: people.length, teamAssignments: team.length },
    ms: performance.now() - started,
  };
}
