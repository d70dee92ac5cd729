import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { satisfactionFactsProvider } from '../../src/facts/providers/satisfaction-facts.provider.js';
import { testDialects } from '../support/test-databases.js';
import { Entities as E, account, accountId, at, insert, openFactsDb, run, type FactsDb } from './facts-fixtures.js';

const RICH = accountId(1);
const EMPTY = accountId(2);
const ONE_NPS = accountId(3);

type Row = [unknown, Record<string, unknown>];
const survey = (accountId: string, kind: 'nps' | 'csat', score: number, when: Date): Row => [E.SurveyResponse, { accountId, kind, score, respondedAt: when }];
const issue = (accountId: string, severity: string, isComplaint: boolean, opened: Date, resolved: Date | null = null): Row => [
  E.ServiceIssue,
  { accountId, title: 'Issue', severity, isComplaint, openedAt: opened, resolvedAt: resolved },
];

describe.each(testDialects())('satisfaction facts ($name)', (dialect) => {
  let db: FactsDb;
  beforeAll(async () => {
    db = await openFactsDb(dialect);
    await insert(db.orm, [
      ...[1, 2, 3].map((n) => account(n)),
      survey(RICH, 'nps', 9, at(400)),
      survey(RICH, 'nps', 8, at(200)),
      survey(RICH, 'nps', 6, at(30)),
      survey(RICH, 'nps', 10, at(-5)), // after asOf
      survey(RICH, 'csat', 1, at(500)), // older than a year
      survey(RICH, 'csat', 4, at(300)),
      survey(RICH, 'csat', 5, at(100)),
      survey(RICH, 'csat', 2, at(10)),
      issue(RICH, 'medium', true, at(20)),
      issue(RICH, 'low', true, at(100), at(50)),
      issue(RICH, 'high', false, at(60), at(-2)), // resolved after asOf: open at asOf
      issue(RICH, 'critical', false, at(120)),
      issue(RICH, 'low', true, at(-1)), // after asOf
      survey(ONE_NPS, 'nps', 10, at(3)),
    ]);
  });
  afterAll(async () => db?.close());

  it('reads the latest answers, the yearly CSAT average and open and recent issues', async () => {
    const facts = await run(db.orm, satisfactionFactsProvider, [RICH]);
    expect(facts.get(RICH)).toEqual({
      latestNps: 6,
      previousNps: 8,
      npsChange: -2,
      avgCsat365d: 3.67,
      latestCsat: 2,
      openComplaints: 1,
      openServiceIssues: 3,
      criticalIssues90d: 1,
      complaints90d: 1,
      daysSinceLastComplaint: 20,
    });
  });

  it('gives null without surveys or complaints and 0 for counts', async () => {
    const facts = await run(db.orm, satisfactionFactsProvider, [EMPTY, ONE_NPS]);
    expect(facts.get(EMPTY)).toEqual({
      latestNps: null, previousNps: null, npsChange: null, avgCsat365d: null, latestCsat: null,
      openComplaints: 0, openServiceIssues: 0, criticalIssues90d: 0, complaints90d: 0, daysSinceLastComplaint: null,
    });
    expect(facts.get(ONE_NPS)).toMatchObject({ latestNps: 10, previousNps: null, npsChange: null });
  });

  it('time-travels: before the latest answers and issues existed', async () => {
    const facts = await run(db.orm, satisfactionFactsProvider, [RICH], new Date('2026-04-01T00:00:00.000Z'));
    // asOf 75 days before the fixture asOf: NPS 8 (day 200) is latest, 9 before it; the 'critical' issue (day 120) is open.
    expect(facts.get(RICH)).toMatchObject({ latestNps: 8, previousNps: 9, npsChange: -1, latestCsat: 5, openServiceIssues: 2, openComplaints: 1, daysSinceLastComplaint: 25 });
  });
});
