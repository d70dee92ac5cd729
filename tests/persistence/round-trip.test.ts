import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helper, wrap, type MikroORM } from '@mikro-orm/core';
import { Account } from '../../src/accounts/account.entity.js';
import { Contract } from '../../src/commercial/contract.entity.js';
import { Engagement } from '../../src/commercial/engagement.entity.js';
import { Invoice } from '../../src/commercial/invoice.entity.js';
import { Opportunity } from '../../src/commercial/opportunity.entity.js';
import { WalletEstimate } from '../../src/commercial/wallet-estimate.entity.js';
import { IngestedEvent } from '../../src/ingestion/ingested-event.entity.js';
import { Observation } from '../../src/interactions/observation.entity.js';
import { ServiceIssue } from '../../src/interactions/service-issue.entity.js';
import { SurveyResponse } from '../../src/interactions/survey-response.entity.js';
import { Touchpoint } from '../../src/interactions/touchpoint.entity.js';
import { AcquisitionCost } from '../../src/metrics/acquisition-costs/acquisition-cost.entity.js';
import { openOrm } from '../../src/persistence/open-orm.js';
import { AccountPlan } from '../../src/planning/account-plan.entity.js';
import { Person } from '../../src/relationships/person.entity.js';
import { Stakeholder } from '../../src/relationships/stakeholder.entity.js';
import { TeamAssignment } from '../../src/relationships/team-assignment.entity.js';
import { Task } from '../../src/tasks/task.entity.js';
import { EventFieldVersion } from '../../src/ingestion/event-field-version.entity.js';
import { ApiKey } from '../../src/auth/api-key.entity.js';
import { User } from '../../src/auth/user.entity.js';
import { AuditEntry } from '../../src/audit/audit-entry.entity.js';
import { Tenant } from '../../src/tenants/tenant.entity.js';
import { testDialects, type TestDatabase } from '../support/test-databases.js';

const T = 'acme';
const A = '00000000-0000-4000-8000-000000000001';
const P = '00000000-0000-4000-8000-000000000002';
const S = '00000000-0000-4000-8000-000000000003';
const C = '00000000-0000-4000-8000-000000000004';
const at = (iso: string) => new Date(iso);

/** One fully populated row of every entity: every column, every type, non-default values. */
const rows: [unknown, Record<string, unknown>][] = [
  [Tenant, { id: T, name: 'Acme LLP', createdAt: at('2026-01-01T00:00:00Z') }],
  [Account, { id: A, tenantId: T, externalRef: 'crm-9', name: 'Globex', industry: 'accounting', segment: 'enterprise', region: 'DACH', status: 'churned', clientSince: '2019-04-01', churnedAt: '2026-06-30', churnReason: 'key_contact_left', churnNotes: 'CFO left', attributes: { fiscalYearEnd: '12-31', tags: ['audit', 'tax'] } }],
  [Person, { id: P, tenantId: T, name: 'Dana Partner', email: 'dana@firm.example', title: 'partner', practiceArea: 'tax', departureKind: 'retirement', departureDate: '2029-06-30' }],
  [Stakeholder, { id: S, tenantId: T, accountId: A, name: 'Chris CFO', title: 'CFO', email: 'chris@globex.example', role: 'decision_maker', seniority: 'c_level', strength: 'at_risk', metInPerson: true, reachesOutProactively: true, isFirmAlumnus: true, departedAt: '2026-05-01' }],
  [TeamAssignment, { tenantId: T, accountId: A, personId: P, role: 'executive_sponsor', fromDate: '2019-04-01', toDate: '2026-06-30' }],
  [Contract, { id: C, tenantId: T, accountId: A, externalRef: 'ctr-1', kind: 'engagement_letter', title: 'Audit 2026', value: 250000.5, annualValue: 125000.25, currency: 'EUR', startDate: '2025-01-01', endDate: '2026-12-31', noticePeriodDays: 90, autoRenew: true, renewalStatus: 'lost' }],
  [Engagement, { tenantId: T, accountId: A, contractId: C, name: 'Year-end audit', serviceLine: 'audit', budget: 80000, actualCost: 91000.75, startDate: '2026-01-05', plannedEndDate: '2026-03-31', actualEndDate: '2026-04-20', status: 'completed' }],
  [Invoice, { tenantId: T, accountId: A, contractId: C, number: 'INV-1', amount: 31250.4, currency: 'EUR', issuedOn: '2026-02-01', dueOn: '2026-03-03', paidOn: '2026-04-10' }],
  [Opportunity, { tenantId: T, accountId: A, kind: 'cross_organisation', title: 'Tax advisory for subsidiary', serviceLine: 'tax', expectedValue: 40000, stage: 'lost', expectedCloseDate: '2026-09-01' }],
  [WalletEstimate, { tenantId: T, accountId: A, annualSpend: 600000, currency: 'EUR', asOf: '2026-01-01', serviceAreas: ['audit', 'tax'], source: 'partner estimate' }],
  [Touchpoint, { tenantId: T, accountId: A, stakeholderId: S, personId: P, kind: 'executive', channel: 'dinner', direction: 'inbound', outcome: 'rescheduled', occurredAt: at('2026-03-04T18:30:00.000Z'), responseTimeHours: 36.5, summary: 'Moved to April' }],
  [SurveyResponse, { tenantId: T, accountId: A, stakeholderId: S, kind: 'nps', score: 6, respondedAt: at('2026-04-01T08:00:00.000Z'), comment: 'Team changes hurt' }],
  [ServiceIssue, { tenantId: T, accountId: A, title: 'Missed filing deadline', severity: 'critical', isComplaint: true, category: 'quality', openedAt: at('2026-04-15T10:00:00.000Z'), resolvedAt: at('2026-04-20T10:00:00.000Z') }],
  [Observation, { tenantId: T, accountId: A, kind: 'new_executive', executiveSeat: 'procurement', tone: 'critical', competitor: 'BigFour Co', detail: 'New procurement head', source: 'integration', recordedBy: 'crm-sync', observedAt: at('2026-05-02T12:00:00.000Z') }],
  [AccountPlan, { tenantId: T, accountId: A, objectives: ['Win tax advisory'], relationshipStrategy: 'Multi-thread finance', risks: [{ risk: 'CFO left', mitigation: 'Meet new CFO' }], ownerPersonId: P, reviewedOn: '2026-02-01' }],
  [Task, { tenantId: T, accountId: A, title: 'Exit interview', description: 'Ask why', ownerPersonId: P, ownerRole: 'partner', dueOn: '2026-07-15', status: 'in_progress', source: 'play', sourceRef: 'acme/A/winback/exit', completedAt: at('2026-07-10T09:00:00.000Z') }],
  [IngestedEvent, { tenantId: T, eventId: 'evt-1', type: 'touchpoint.recorded', payloadHash: 'a'.repeat(64), accountId: A, entityId: S, receivedAt: at('2026-05-02T12:00:01.000Z') }],
  [EventFieldVersion, { tenantId: T, entityId: A, field: 'status', occurredAt: at('2026-06-30T10:00:00.000Z'), eventId: 'evt-2' }],
  [User, { tenantId: T, email: 'pat@acme.test', name: 'Pat Admin', passwordHash: 'scrypt$16384$8$1$c2FsdA$aGFzaA', roles: ['admin', 'viewer'], personId: P, disabledAt: at('2026-06-01T00:00:00.000Z') }],
  [ApiKey, { tenantId: T, name: 'crm-sync', role: 'integration', secretHash: 'b'.repeat(64), rateLimitPerMinute: 600, createdBy: 'Pat Admin', revokedAt: at('2026-06-02T00:00:00.000Z') }],
  [AuditEntry, { tenantId: T, at: at('2026-06-03T00:00:00.000Z'), actorKind: 'user', actorId: 'u-1', actorName: 'Pat Admin', action: 'update', resource: 'accounts', resourceId: A, before: { name: 'Old' }, after: { name: 'New', tags: ['a'] }, request: 'PATCH /api/v1/accounts/x', requestId: 'req-1' }],
  [AcquisitionCost, { tenantId: T, period: '2026-Q2', periodStart: '2026-04-01', periodEnd: '2026-06-30', partnerHours: 120.5, hourlyRate: 310.25, marketingSpend: 20000.1, proposalCosts: 15000, otherCosts: 999.99, clientsWon: 7, grossMargin: 0.3125, expectedYears: 4.5, retentionProgramCost: 50000.5 }],
];

describe.each(testDialects())('persistence ($name)', (dialect) => {
  let db: TestDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    db = await dialect.create();
    orm = await openOrm(db.config);
    await orm.migrator.up();
  });
  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  it('has migrations that match the entities exactly (no pending schema diff)', async () => {
    expect(await orm.migrator.getPending()).toEqual([]);
    const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
  });

  it('round-trips every entity with every field', async () => {
    const write = orm.em.fork();
    const created = rows.map(([entity, data]) => write.create(entity as never, data as never));
    await write.flush();
    const ids = created.map((e) => helper(e as object).getPrimaryKey());

    const read = orm.em.fork();
    for (const [index, [entity, data]] of rows.entries()) {
      const loaded = await read.findOneOrFail(entity as never, ids[index] as never);
      // Hidden properties (password and key hashes) are left out of toObject(): read those off the entity.
      const plain = { ...(loaded as Record<string, unknown>), ...(wrap(loaded as never).toObject() as Record<string, unknown>) };
      for (const [key, value] of Object.entries(data)) {
        expect({ entity: (entity as { meta: { className: string } }).meta.className, key, value: plain[key] instanceof Date ? (plain[key] as Date).toISOString() : plain[key] })
          .toEqual({ entity: (entity as { meta: { className: string } }).meta.className, key, value: value instanceof Date ? value.toISOString() : value });
      }
    }
  });

  it('enforces idempotency keys and tenant-scoped uniqueness in the database', async () => {
    const em = orm.em.fork();
    em.create(IngestedEvent, { tenantId: T, eventId: 'evt-1', type: 'x', payloadHash: 'b'.repeat(64) });
    await expect(em.flush()).rejects.toThrow();
    const other = orm.em.fork();
    other.create(Tenant, { id: 'other', name: 'Other' });
    other.create(IngestedEvent, { tenantId: 'other', eventId: 'evt-1', type: 'x', payloadHash: 'b'.repeat(64) });
    other.create(Account, { tenantId: 'other', externalRef: 'crm-9', name: 'Same ref, other firm', industry: 'legal', clientSince: '2020-01-01' });
    await expect(other.flush()).resolves.toBeUndefined();
  });
});
