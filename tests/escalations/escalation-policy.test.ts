import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/core';
import { Account } from '../../src/accounts/account.entity.js';
import { EscalationRecord } from '../../src/escalations/escalation-record.entity.js';
import { EscalationService, type EscalationInput } from '../../src/escalations/escalation.service.js';
import { PlayCommand } from '../../src/escalations/play-command.entity.js';
import { openOrm } from '../../src/persistence/open-orm.js';
import { Person } from '../../src/relationships/person.entity.js';
import { TeamAssignment } from '../../src/relationships/team-assignment.entity.js';
import type { EscalationRuleSet } from '../../src/rules/schema/escalation-rule-set.schema.js';
import { Task } from '../../src/tasks/task.entity.js';
import { Tenant } from '../../src/tenants/tenant.entity.js';
import { defaultBundle } from '../rules/default-rules.fixture.js';
import { testDialects, type TestDatabase } from '../support/test-databases.js';

const DAY = 86_400_000;
const T0 = new Date('2026-11-02T09:00:00Z');

describe.each(testDialects())('escalation policy: cooldown, coordination, owners ($name)', (dialect) => {
  let db: TestDatabase;
  let orm: MikroORM;
  let rules: EscalationRuleSet;
  let accountId: string;
  let leadId: string;
  const service = new EscalationService();
  let n = 0;

  beforeAll(async () => {
    db = await dialect.create();
    orm = await openOrm(db.config);
    await orm.migrator.up();
    rules = (await defaultBundle()).defaults.bundle.escalation;
    const em = orm.em.fork();
    em.create(Tenant, { id: 'acme', name: 'Acme' });
    accountId = em.create(Account, { tenantId: 'acme', name: 'Globex', industry: 'legal', clientSince: '2020-01-01' }).id;
    leadId = em.create(Person, { tenantId: 'acme', name: 'Lee Lead', email: 'lee@firm.example', title: 'manager' }).id;
    em.create(TeamAssignment, { tenantId: 'acme', accountId, personId: leadId, role: 'account_lead', fromDate: '2020-01-01' });
    await em.flush();
  });
  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  const fire = (newlyTrue: string[], at: Date, facts: Record<string, number> = { healthScore: 35, scoreDrop30d: 20, maxDaysInvoiceLate: 45 }) =>
    orm.em.fork().transactional((em) => {
      const input: EscalationInput = { accountId, accountName: 'Globex', snapshotId: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, newlyTrue, facts };
      return service.apply(em, 'acme', rules, [input], at);
    });
  const tasks = () => orm.em.fork().find(Task, { tenantId: 'acme', accountId }, { orderBy: { title: 'asc' } });

  it('creates tasks for the right role and person with due dates, and a recovery-plan command below 40', async () => {
    expect(await fire(['below-60', 'below-40'], T0)).toBe(2);
    const created = await tasks();
    const review = created.find((t) => t.title.startsWith('Hold an account review'))!;
    expect(review).toMatchObject({ ownerRole: 'account_lead', ownerPersonId: leadId, dueOn: '2026-11-09', source: 'escalation', status: 'open' });
    const partner = created.find((t) => t.ownerRole === 'partner')!;
    expect(partner).toMatchObject({ title: 'Partner involvement: health 35 is critical', dueOn: '2026-11-04' });
    const commands = await orm.em.fork().find(PlayCommand, { tenantId: 'acme', accountId });
    expect(commands.map((c) => [c.play, c.status, c.reason])).toEqual([['recovery', 'pending', 'health 35 below 40']]);
  });

  it('coordinates client contact: with the partner already calling this week, further contact tasks are suppressed and recorded', async () => {
    const before = (await tasks()).length;
    expect(await fire(['score-drop-15', 'payment-30-late'], new Date(T0.getTime() + 2 * DAY))).toBe(2);
    expect((await tasks()).length).toBe(before);
    const records = await orm.em.fork().find(EscalationRecord, { tenantId: 'acme', accountId, protocolId: { $in: ['score-drop-15', 'payment-30-late'] } });
    expect(records).toHaveLength(2);
    for (const r of records) expect(r.outcomes[0].suppressed).toMatch(/^coordinated: the firm is already contacting this client within 7 days$/);
  });

  it('does not page the same protocol twice within the cooldown, and does again after it', async () => {
    const before = (await tasks()).length;
    expect(await fire(['below-60'], new Date(T0.getTime() + 6 * DAY))).toBe(0);
    expect((await tasks()).length).toBe(before);
    expect(await fire(['below-60'], new Date(T0.getTime() + 8 * DAY))).toBe(1);
    expect((await tasks()).length).toBe(before + 1);
    // Outside the coordination window client contact is allowed again.
    expect(await fire(['payment-30-late'], new Date(T0.getTime() + 12 * DAY))).toBe(1);
    expect((await tasks()).some((t) => t.ownerRole === 'executive_sponsor')).toBe(true);
  });
});
