import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relationshipFactsProvider } from '../../src/facts/providers/relationship-facts.provider.js';
import { testDialects } from '../support/test-databases.js';
import { Entities as E, account, accountId, at, day, insert, openFactsDb, run, type FactsDb } from './facts-fixtures.js';

const RICH = accountId(1);
const THIN = accountId(2);
const EMPTY = accountId(3);
const sid = (n: number) => `00000000-0000-4000-9000-${n.toString(16).padStart(12, '0')}`;
const pid = (n: number) => `00000000-0000-4000-a000-${n.toString(16).padStart(12, '0')}`;

type Row = [unknown, Record<string, unknown>];
const stakeholder = (n: number, accountId: string, extra: Record<string, unknown>): Row => [
  E.Stakeholder,
  { id: sid(n), accountId, name: `Stakeholder ${n}`, role: 'user', seniority: 'staff', strength: 'weak', ...extra },
];
const heldWith = (n: number, accountId: string, when: Date, outcome = 'held'): Row => [
  E.Touchpoint,
  { accountId, stakeholderId: sid(n), kind: 'operational', channel: 'meeting', direction: 'outbound', outcome, occurredAt: when },
];
const assignment = (accountId: string, person: number, role: string, from: string, to: string | null): Row => [
  E.TeamAssignment,
  { accountId, personId: pid(person), role, fromDate: from, toDate: to },
];

describe.each(testDialects())('relationship facts ($name)', (dialect) => {
  let db: FactsDb;
  beforeAll(async () => {
    db = await openFactsDb(dialect);
    await insert(db.orm, [
      ...[1, 2, 3].map((n) => account(n)),
      stakeholder(1, RICH, { role: 'decision_maker', seniority: 'c_level', strength: 'strong' }),
      stakeholder(2, RICH, { role: 'champion', seniority: 'vp', strength: 'developing', isFirmAlumnus: true }),
      stakeholder(3, RICH, { role: 'champion', seniority: 'director', strength: 'strong', departedAt: day(100) }),
      stakeholder(4, RICH, { role: 'blocker', seniority: 'manager', strength: 'at_risk' }),
      stakeholder(5, RICH, { departedAt: day(-10) }), // leaves after asOf: still there
      stakeholder(6, RICH, { role: 'influencer', departedAt: day(400) }),
      heldWith(1, RICH, at(30)),
      heldWith(2, RICH, at(100)),
      heldWith(4, RICH, at(10), 'cancelled'),
      heldWith(5, RICH, at(80)),
      heldWith(3, RICH, at(120)),
      [E.Observation, { accountId: RICH, kind: 'new_executive', executiveSeat: 'procurement', observedAt: at(100) }],
      [E.Observation, { accountId: RICH, kind: 'new_executive', executiveSeat: 'other', observedAt: at(10) }],
      assignment(RICH, 1, 'executive_sponsor', '2022-01-01', null),
      assignment(RICH, 2, 'account_lead', '2022-01-01', day(50)),
      assignment(RICH, 3, 'account_lead', day(49), null),
      assignment(RICH, 4, 'delivery_lead', day(400), day(380)),
      assignment(RICH, 5, 'specialist', day(-5), null),

      stakeholder(10, THIN, { role: 'influencer', seniority: 'c_level', strength: 'weak' }),
      heldWith(10, THIN, at(150)),
      [E.Observation, { accountId: THIN, kind: 'new_executive', executiveSeat: 'sponsor', observedAt: at(181) }],
      assignment(THIN, 1, 'executive_sponsor', '2020-01-01', day(10)),
    ]);
  });
  afterAll(async () => db?.close());

  it('maps stakeholders, threads, departures, executive changes and team coverage', async () => {
    const facts = await run(db.orm, relationshipFactsProvider, [RICH]);
    expect(facts.get(RICH)).toEqual({
      stakeholderCount: 4,
      activeThreads: 2, // 1 and 5; 2 was last met 100 days ago, 3 has left
      decisionMakerAccess: true,
      cLevelAccess: true,
      hasActiveChampion: true,
      championDeparted: true,
      singleThreaded: false,
      atRiskStakeholders: 1,
      blockers: 1,
      firmAlumniContacts: 1,
      newExecutiveSponsorOrProcurement: true,
      hasExecutiveSponsor: true,
      teamChanges365d: 2, // the lead handover: one assignment ended, one started
      accountLeadChangedDays: 49,
    });
  });

  it('reads C-level access from recent touchpoints and flags single-threaded and uncovered accounts', async () => {
    const facts = await run(db.orm, relationshipFactsProvider, [THIN, EMPTY]);
    expect(facts.get(THIN)).toEqual({
      stakeholderCount: 1, activeThreads: 0, decisionMakerAccess: false, cLevelAccess: true, hasActiveChampion: false,
      championDeparted: false, singleThreaded: true, atRiskStakeholders: 0, blockers: 0, firmAlumniContacts: 0,
      newExecutiveSponsorOrProcurement: false, hasExecutiveSponsor: false, teamChanges365d: 1, accountLeadChangedDays: null,
    });
    expect(facts.get(EMPTY)).toEqual({
      stakeholderCount: 0, activeThreads: 0, decisionMakerAccess: false, cLevelAccess: false, hasActiveChampion: false,
      championDeparted: false, singleThreaded: true, atRiskStakeholders: 0, blockers: 0, firmAlumniContacts: 0,
      newExecutiveSponsorOrProcurement: false, hasExecutiveSponsor: false, teamChanges365d: 0, accountLeadChangedDays: null,
    });
  });

  it('time-travels on departures and assignments', async () => {
    // 120 days earlier: the champion had not left yet, the old lead was still in place.
    const facts = await run(db.orm, relationshipFactsProvider, [RICH], new Date('2026-02-15T12:00:00.000Z'));
    expect(facts.get(RICH)).toMatchObject({ stakeholderCount: 5, championDeparted: false, accountLeadChangedDays: 1506, newExecutiveSponsorOrProcurement: false });
  });
});
