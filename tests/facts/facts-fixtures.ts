import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { Account } from '../../src/accounts/account.entity.js';
import { Contract } from '../../src/commercial/contract.entity.js';
import { Engagement } from '../../src/commercial/engagement.entity.js';
import { Invoice } from '../../src/commercial/invoice.entity.js';
import { Opportunity } from '../../src/commercial/opportunity.entity.js';
import { WalletEstimate } from '../../src/commercial/wallet-estimate.entity.js';
import { Observation } from '../../src/interactions/observation.entity.js';
import { ServiceIssue } from '../../src/interactions/service-issue.entity.js';
import { SurveyResponse } from '../../src/interactions/survey-response.entity.js';
import { Touchpoint } from '../../src/interactions/touchpoint.entity.js';
import { openOrm } from '../../src/persistence/open-orm.js';
import { Stakeholder } from '../../src/relationships/stakeholder.entity.js';
import { TeamAssignment } from '../../src/relationships/team-assignment.entity.js';
import { Tenant } from '../../src/tenants/tenant.entity.js';
import type { FactValues } from '../../src/facts/fact-definition.js';
import type { FactProvider } from '../../src/facts/fact-provider.js';
import type { TestDialect } from '../support/test-databases.js';

/** Every fixture is relative to this instant: mid-day, so "60 days ago at 10:00" is 60 days + 2 hours before it. */
export const AS_OF = new Date('2026-06-15T12:00:00.000Z');
export const TENANT = 'firm-a';
export const OTHER_TENANT = 'firm-b';
const DAY = 86_400_000;
const AS_OF_MIDNIGHT = Date.UTC(2026, 5, 15);

/** The instant `days` days before AS_OF's day at a UTC time of day (negative = after AS_OF). */
export const at = (days: number, time = '10:00'): Date => {
  const [h, m] = time.split(':').map(Number);
  return new Date(AS_OF_MIDNIGHT - days * DAY + (h * 60 + m) * 60_000);
};
/** The 'YYYY-MM-DD' date `days` days before AS_OF's day (negative = after). */
export const day = (days: number): string => new Date(AS_OF_MIDNIGHT - days * DAY).toISOString().slice(0, 10);

/** A deterministic account UUID per label number. */
export const accountId = (n: number): string => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export const Entities = { Account, Contract, Engagement, Invoice, Opportunity, WalletEstimate, Observation, ServiceIssue, SurveyResponse, Touchpoint, Stakeholder, TeamAssignment } as const;

export interface FactsDb {
  orm: MikroORM;
  close(): Promise<void>;
}

export async function openFactsDb(dialect: TestDialect): Promise<FactsDb> {
  const db = await dialect.create();
  const orm = await openOrm(db.config);
  await orm.migrator.up();
  const em = orm.em.fork();
  em.create(Tenant, { id: TENANT, name: 'Firm A' });
  em.create(Tenant, { id: OTHER_TENANT, name: 'Firm B' });
  await em.flush();
  return {
    orm,
    close: async () => {
      await orm.close(true);
      await db.drop();
    },
  };
}

type Row = Record<string, unknown>;

/** Inserts rows through the ORM (so every dialect stores them as the application would). */
export async function insert(orm: MikroORM, rows: [unknown, Row][]): Promise<void> {
  const em = orm.em.fork();
  for (const [entity, data] of rows) em.create(entity as never, { tenantId: TENANT, ...data } as never);
  await em.flush();
}

export const account = (n: number, extra: Row = {}): [unknown, Row] => [
  Account,
  { id: accountId(n), name: `Client ${n}`, industry: 'consulting', clientSince: '2020-01-01', ...extra },
];

/** Runs one provider and returns the values of one account (all accounts when asked). */
export async function run(orm: MikroORM, provider: FactProvider, ids: string[], asOf = AS_OF, tenantId = TENANT): Promise<Map<string, Partial<FactValues>>> {
  const em: EntityManager = orm.em.fork();
  return provider.compute({ em, tenantId, accountIds: ids, asOf });
}
